#pragma once
// Business calendars and SLA policies: validation, storage, JSON, and the lookups the SLA
// hooks need (a calendar's BusinessClock, the policy for a customer tier and priority).
// Writes are one transaction each with a change-log entry; a calendar with no working
// hours (or any other invalid field) is InvalidArgument and nothing is written.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "analytics/business_calendar.h"
#include "services/actor.h"

namespace chaincrm::services {

// Calendars: {"name", "time_zone", "working_hours": {"monday": "09:00-12:00,13:00-18:00",
// ... (a missing day is closed)}, "holidays": ["2026-12-25" | {"date", "name"}],
// "is_default"}.
Result<boost::json::object> CreateCalendar(const Env& env, const Actor& actor,
                                           const boost::json::object& body);
Result<boost::json::object> GetCalendar(const Env& env, std::int64_t id);
Result<boost::json::object> ListCalendars(const Env& env);
/// Replaces the fields given (merge) when the version is `if_match`.
Result<boost::json::object> PatchCalendar(const Env& env, const Actor& actor, std::int64_t id,
                                          const boost::json::object& patch, std::int64_t if_match);
/// Conflict while a policy uses it or when it is the default calendar.
Status DeleteCalendar(const Env& env, const Actor& actor, std::int64_t id);

// Policies: {"name", "tier": any|key|potential|general|large|small,
// "priority": any|low|normal|high|urgent, "calendar_id", "first_response_minutes",
// "resolution_minutes", "warning_percent" (1..99, default 80), "escalation_owner_id",
// "escalation_queue"}. One policy per (tier, priority): Conflict otherwise.
Result<boost::json::object> CreatePolicy(const Env& env, const Actor& actor,
                                         const boost::json::object& body);
Result<boost::json::object> GetPolicy(const Env& env, std::int64_t id);
Result<boost::json::object> ListPolicies(const Env& env);
Result<boost::json::object> PatchPolicy(const Env& env, const Actor& actor, std::int64_t id,
                                        const boost::json::object& patch, std::int64_t if_match);
Status DeletePolicy(const Env& env, const Actor& actor, std::int64_t id);

/// The clock of a stored calendar.
Result<analytics::BusinessClock> LoadBusinessClock(store::Tx& tx, std::int64_t calendar_id);

struct SlaPolicy {
  std::int64_t id = 0;
  std::string name, tier, priority;
  std::int64_t calendar_id = 0;
  std::int64_t first_response_minutes = 0, resolution_minutes = 0, warning_percent = 80;
  std::optional<std::int64_t> escalation_owner_id;
  std::optional<std::string> escalation_queue;
};

Result<SlaPolicy> LoadPolicy(store::Tx& tx, std::int64_t id);
/// The most specific policy: with the case's priority, the customer's value class, then
/// its account size, then tier "any"; then the same tiers with priority "any".
/// nullopt when no policy matches.
Result<std::optional<SlaPolicy>> SelectPolicy(store::Tx& tx,
                                              const std::optional<std::string>& value_class,
                                              const std::optional<std::string>& account_size,
                                              std::string_view priority);

}  // namespace chaincrm::services
