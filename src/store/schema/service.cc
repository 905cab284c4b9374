#include "store/schema/schema_parts.h"

namespace chaincrm::store::schema {

namespace {

// Cases and their notes, incoming calls, returns/claims and satisfaction surveys.
// order_id / order_line_id are plain BIGINTs (orders live in migration 4, owned elsewhere).
// A case's number ("CS-000123") is set from its id in the creating transaction.
constexpr std::string_view kCommon = R"sql(
CREATE TABLE cases (
  id {{id}},
  number TEXT UNIQUE,
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  contact_id BIGINT REFERENCES contacts(id) ON DELETE SET NULL,
  subject TEXT NOT NULL,
  description TEXT,
  category TEXT NOT NULL,
  channel TEXT NOT NULL,
  priority TEXT NOT NULL,
  status TEXT NOT NULL,
  owner_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
  queue TEXT,
  order_id BIGINT,
  order_line_id BIGINT,
  serial TEXT,
  purchase_id BIGINT REFERENCES purchases(id) ON DELETE SET NULL,
  interaction_id BIGINT REFERENCES interactions(id) ON DELETE SET NULL,
  first_response_at BIGINT,
  resolved_at BIGINT,
  resolved_by BIGINT,
  closed_at BIGINT,
  reopen_count BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 1,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX cases_customer ON cases (customer_id, created_at, id);
CREATE INDEX cases_created ON cases (created_at, id);
CREATE INDEX cases_status ON cases (status, id);
CREATE INDEX cases_owner ON cases (owner_id, id);
CREATE INDEX cases_queue ON cases (queue, id);

CREATE TABLE case_notes (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  visibility TEXT NOT NULL,
  author_kind TEXT NOT NULL,
  author_user_id BIGINT,
  author_label TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX case_notes_case ON case_notes (case_id, id);

CREATE TABLE calls (
  id {{id}},
  caller_number TEXT NOT NULL,
  caller_normalized TEXT,
  queue TEXT,
  agent_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
  customer_id BIGINT REFERENCES customers(id) ON DELETE CASCADE,
  interaction_id BIGINT REFERENCES interactions(id) ON DELETE SET NULL,
  occurred_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX calls_time ON calls (occurred_at, id);
CREATE INDEX calls_customer ON calls (customer_id, occurred_at);

CREATE TABLE returns (
  id {{id}},
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  purchase_id BIGINT REFERENCES purchases(id) ON DELETE SET NULL,
  order_line_id BIGINT,
  case_id BIGINT REFERENCES cases(id) ON DELETE SET NULL,
  reason TEXT NOT NULL,
  decision TEXT,
  status TEXT NOT NULL,
  quantity DOUBLE PRECISION NOT NULL,
  amount BIGINT NOT NULL DEFAULT 0,
  currency TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  decided_at BIGINT,
  completed_at BIGINT
);
CREATE INDEX returns_customer ON returns (customer_id, id);
CREATE INDEX returns_case ON returns (case_id);

CREATE TABLE survey_templates (
  id {{id}},
  name TEXT NOT NULL UNIQUE,
  attributes TEXT NOT NULL,
  ask_csat BIGINT NOT NULL DEFAULT 1,
  ask_nps BIGINT NOT NULL DEFAULT 1,
  is_default BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);

INSERT INTO survey_templates (name, attributes, ask_csat, ask_nps, is_default, created_at)
VALUES ('default', '["product_quality","on_time_delivery","completeness","service_attitude","documentation","price"]', 1, 1, 1, 0);

CREATE TABLE surveys (
  id {{id}},
  template_id BIGINT NOT NULL REFERENCES survey_templates(id),
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  source_kind TEXT NOT NULL,
  source_id BIGINT NOT NULL,
  case_id BIGINT REFERENCES cases(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  issued_at BIGINT NOT NULL,
  answered_at BIGINT,
  csat BIGINT,
  nps BIGINT,
  comment TEXT,
  satisfaction_index DOUBLE PRECISION,
  gap_index DOUBLE PRECISION
);
CREATE INDEX surveys_customer ON surveys (customer_id, id);
CREATE INDEX surveys_answered ON surveys (status, answered_at);
CREATE INDEX surveys_case ON surveys (case_id);

CREATE TABLE survey_answers (
  survey_id BIGINT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  attribute TEXT NOT NULL,
  importance BIGINT NOT NULL,
  expectation BIGINT NOT NULL,
  perception BIGINT NOT NULL,
  PRIMARY KEY (survey_id, attribute)
);
)sql";

}  // namespace

Migration Service() { return {6, "cases, notes, calls, returns, surveys", kCommon, "", ""}; }

}  // namespace chaincrm::store::schema
