#include "store/schema/schema_parts.h"

namespace chaincrm::store::schema {

namespace {

// Business calendars (working hours per weekday as JSON {"monday": "09:00-12:00,13:00-18:00",
// ...}, an IANA time zone) with their holidays; SLA policies (customer tier x priority ->
// first-response and resolution targets in business minutes, escalation target); the SLA
// state of each case; notifications (SLA warnings and breaches).
// A default calendar (Mon-Fri 09:00-17:00 UTC) and one policy per priority for any tier
// exist from the start, so every case gets due times.
constexpr std::string_view kCommon = R"sql(
CREATE TABLE business_calendars (
  id {{id}},
  name TEXT NOT NULL UNIQUE,
  time_zone TEXT NOT NULL,
  working_hours TEXT NOT NULL,
  is_default BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE calendar_holidays (
  calendar_id BIGINT NOT NULL REFERENCES business_calendars(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  name TEXT,
  PRIMARY KEY (calendar_id, day)
);

CREATE TABLE sla_policies (
  id {{id}},
  name TEXT NOT NULL,
  tier TEXT NOT NULL,
  priority TEXT NOT NULL,
  calendar_id BIGINT NOT NULL REFERENCES business_calendars(id),
  first_response_minutes BIGINT NOT NULL,
  resolution_minutes BIGINT NOT NULL,
  warning_percent BIGINT NOT NULL DEFAULT 80,
  escalation_owner_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
  escalation_queue TEXT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (tier, priority)
);

CREATE TABLE case_sla (
  case_id BIGINT NOT NULL PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
  policy_id BIGINT REFERENCES sla_policies(id) ON DELETE SET NULL,
  calendar_id BIGINT REFERENCES business_calendars(id) ON DELETE SET NULL,
  tier TEXT NOT NULL,
  priority TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  first_response_minutes BIGINT NOT NULL,
  resolution_minutes BIGINT NOT NULL,
  paused_business_ms BIGINT NOT NULL DEFAULT 0,
  paused_at BIGINT,
  first_response_due BIGINT NOT NULL,
  resolution_due BIGINT NOT NULL,
  first_response_warn_at BIGINT NOT NULL,
  resolution_warn_at BIGINT NOT NULL,
  first_response_at BIGINT,
  first_response_met BIGINT,
  resolved_at BIGINT,
  resolution_met BIGINT,
  first_response_warned_at BIGINT,
  resolution_warned_at BIGINT,
  first_response_escalated_at BIGINT,
  resolution_escalated_at BIGINT,
  updated_at BIGINT NOT NULL
);
CREATE INDEX case_sla_resolution_due ON case_sla (resolution_due);
CREATE INDEX case_sla_first_response_due ON case_sla (first_response_due);

CREATE TABLE notifications (
  id {{id}},
  user_id BIGINT REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  message TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  read_at BIGINT
);
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE INDEX notifications_entity ON notifications (entity, entity_id);

INSERT INTO business_calendars (name, time_zone, working_hours, is_default, created_at, updated_at)
VALUES ('Standard', 'UTC',
  '{"monday":"09:00-17:00","tuesday":"09:00-17:00","wednesday":"09:00-17:00","thursday":"09:00-17:00","friday":"09:00-17:00","saturday":"","sunday":""}',
  1, 0, 0);

INSERT INTO sla_policies (name, tier, priority, calendar_id, first_response_minutes,
  resolution_minutes, warning_percent, created_at, updated_at)
SELECT 'Urgent', 'any', 'urgent', id, 60, 480, 80, 0, 0 FROM business_calendars WHERE name = 'Standard';
INSERT INTO sla_policies (name, tier, priority, calendar_id, first_response_minutes,
  resolution_minutes, warning_percent, created_at, updated_at)
SELECT 'High', 'any', 'high', id, 120, 960, 80, 0, 0 FROM business_calendars WHERE name = 'Standard';
INSERT INTO sla_policies (name, tier, priority, calendar_id, first_response_minutes,
  resolution_minutes, warning_percent, created_at, updated_at)
SELECT 'Normal', 'any', 'normal', id, 240, 1920, 80, 0, 0 FROM business_calendars WHERE name = 'Standard';
INSERT INTO sla_policies (name, tier, priority, calendar_id, first_response_minutes,
  resolution_minutes, warning_percent, created_at, updated_at)
SELECT 'Low', 'any', 'low', id, 480, 4800, 80, 0, 0 FROM business_calendars WHERE name = 'Standard';
)sql";

}  // namespace

Migration Sla() { return {7, "business calendars, SLA policies, case SLA state", kCommon, "", ""}; }

}  // namespace chaincrm::store::schema
