// SLA state of cases (table case_sla): due times in business time under the policy chosen
// by customer tier and priority, paused while pending_customer, attainment on first
// response and resolution.
#include "services/sla.h"

#include <algorithm>

#include "services/json_util.h"
#include "services/sla_config.h"

namespace chaincrm::services {

namespace json = boost::json;
using store::Tx;

namespace {

constexpr std::int64_t kMinute = 60'000;

struct CaseSla {
  std::int64_t case_id = 0;
  std::optional<std::int64_t> policy_id, calendar_id;
  std::string tier, priority;
  Millis started_at = 0;
  std::int64_t first_response_minutes = 0, resolution_minutes = 0, warning_percent = 80;
  std::int64_t paused_business_ms = 0;
  std::optional<Millis> paused_at, first_response_at, resolved_at;
  std::optional<std::int64_t> first_response_met, resolution_met;
  Millis first_response_due = 0, resolution_due = 0;
  std::optional<Millis> fr_escalated, res_escalated;
  std::string policy_name;
};

Result<std::optional<CaseSla>> Load(Tx& tx, std::int64_t case_id) {
  ASSIGN_OR_RETURN(
      auto rows, tx.Query("SELECT s.case_id, s.policy_id, s.calendar_id, s.tier, s.priority, "
                          "s.started_at, s.first_response_minutes, s.resolution_minutes, "
                          "s.paused_business_ms, s.paused_at, s.first_response_at, s.resolved_at, "
                          "s.first_response_met, s.resolution_met, s.first_response_due, "
                          "s.resolution_due, s.first_response_escalated_at, "
                          "s.resolution_escalated_at, p.name, p.warning_percent "
                          "FROM case_sla s LEFT JOIN sla_policies p ON p.id = s.policy_id "
                          "WHERE s.case_id = ?",
                          {case_id}));
  if (rows.empty()) return std::optional<CaseSla>();
  const auto& r = rows.front();
  CaseSla s;
  s.case_id = r.Int(0);
  s.policy_id = r.OptInt(1);
  s.calendar_id = r.OptInt(2);
  s.tier = r.Text(3);
  s.priority = r.Text(4);
  s.started_at = r.Int(5);
  s.first_response_minutes = r.Int(6);
  s.resolution_minutes = r.Int(7);
  s.paused_business_ms = r.Int(8);
  s.paused_at = r.OptInt(9);
  s.first_response_at = r.OptInt(10);
  s.resolved_at = r.OptInt(11);
  s.first_response_met = r.OptInt(12);
  s.resolution_met = r.OptInt(13);
  s.first_response_due = r.Int(14);
  s.resolution_due = r.Int(15);
  s.fr_escalated = r.OptInt(16);
  s.res_escalated = r.OptInt(17);
  s.policy_name = r.Text(18);
  if (!r.IsNull(19)) s.warning_percent = r.Int(19);
  return std::optional<CaseSla>(std::move(s));
}

// The calendar's clock, or the default calendar's when the case's was deleted.
Result<analytics::BusinessClock> ClockFor(Tx& tx, const CaseSla& s) {
  std::optional<std::int64_t> id = s.calendar_id;
  if (!id) {
    ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id FROM business_calendars ORDER BY is_default "
                                         "DESC, id LIMIT 1"));
    if (rows.empty()) return Fail(Error::FailedPrecondition("no business calendar exists"));
    id = rows.front().Int(0);
  }
  return LoadBusinessClock(tx, *id);
}

// Due and warning instants: the target in business time after the start, moved on by the
// business time spent paused.
Status Recompute(Tx& tx, CaseSla& s, Millis now) {
  ASSIGN_OR_RETURN(const analytics::BusinessClock clock, ClockFor(tx, s));
  const auto at = [&](std::int64_t minutes, std::int64_t percent) -> Result<Millis> {
    return clock.Add(s.started_at, minutes * kMinute * percent / 100 + s.paused_business_ms);
  };
  ASSIGN_OR_RETURN(s.first_response_due, at(s.first_response_minutes, 100));
  ASSIGN_OR_RETURN(s.resolution_due, at(s.resolution_minutes, 100));
  ASSIGN_OR_RETURN(const Millis fr_warn, at(s.first_response_minutes, s.warning_percent));
  ASSIGN_OR_RETURN(const Millis res_warn, at(s.resolution_minutes, s.warning_percent));
  RETURN_IF_ERROR(
      tx.Exec("UPDATE case_sla SET policy_id = ?, calendar_id = ?, priority = ?, "
              "first_response_minutes = ?, resolution_minutes = ?, "
              "paused_business_ms = ?, paused_at = ?, first_response_due = ?, "
              "resolution_due = ?, first_response_warn_at = ?, resolution_warn_at = ?, "
              "updated_at = ? WHERE case_id = ?",
              {store::OrNull(s.policy_id), store::OrNull(s.calendar_id), s.priority,
               s.first_response_minutes, s.resolution_minutes, s.paused_business_ms,
               store::OrNull(s.paused_at), s.first_response_due, s.resolution_due, fr_warn,
               res_warn, now, s.case_id}));
  return Ok();
}

// Closes an open pause at `at`: the paused business time moves the due times.
Status Resume(Tx& tx, CaseSla& s, Millis at) {
  if (!s.paused_at) return Ok();
  ASSIGN_OR_RETURN(const analytics::BusinessClock clock, ClockFor(tx, s));
  s.paused_business_ms += clock.Between(*s.paused_at, std::max(at, *s.paused_at));
  s.paused_at.reset();
  return Recompute(tx, s, at);
}

Result<std::pair<std::optional<std::string>, std::optional<std::string>>> CustomerTier(
    Tx& tx, std::int64_t customer_id) {
  ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT value_class, account_size FROM customer_scores "
                                       "WHERE customer_id = ?",
                                       {customer_id}));
  if (rows.empty()) return std::pair<std::optional<std::string>, std::optional<std::string>>{};
  return std::pair{rows.front().OptText(0), rows.front().OptText(1)};
}

}  // namespace

Status StartCaseSla(Tx& tx, const CaseSlaFacts& facts) {
  ASSIGN_OR_RETURN(auto tier, CustomerTier(tx, facts.customer_id));
  ASSIGN_OR_RETURN(auto policy, SelectPolicy(tx, tier.first, tier.second, facts.priority));
  if (!policy) return Ok();  // no policy at all: the case has no SLA
  CaseSla s;
  s.case_id = facts.case_id;
  s.policy_id = policy->id;
  s.calendar_id = policy->calendar_id;
  s.tier = policy->tier;
  s.priority = facts.priority;
  s.started_at = facts.opened_at;
  s.first_response_minutes = policy->first_response_minutes;
  s.resolution_minutes = policy->resolution_minutes;
  s.warning_percent = policy->warning_percent;
  RETURN_IF_ERROR(tx.Exec(
      "INSERT INTO case_sla (case_id, policy_id, calendar_id, tier, priority, "
      "started_at, first_response_minutes, resolution_minutes, "
      "first_response_due, resolution_due, first_response_warn_at, "
      "resolution_warn_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, "
      "0, 0, ?)",
      {s.case_id, store::OrNull(s.policy_id), store::OrNull(s.calendar_id), s.tier, s.priority,
       s.started_at, s.first_response_minutes, s.resolution_minutes, facts.opened_at}));
  return Recompute(tx, s, facts.opened_at);
}

Status OnCaseStatusChange(Tx& tx, std::int64_t case_id, std::string_view from, std::string_view to,
                          Millis at) {
  ASSIGN_OR_RETURN(auto loaded, Load(tx, case_id));
  if (!loaded) return Ok();
  CaseSla& s = *loaded;
  if (from == "pending_customer" && to != "pending_customer") RETURN_IF_ERROR(Resume(tx, s, at));
  if (to == "pending_customer" && !s.paused_at) {
    s.paused_at = at;
    RETURN_IF_ERROR(tx.Exec("UPDATE case_sla SET paused_at = ?, updated_at = ? WHERE case_id = ?",
                            {at, at, case_id}));
  }
  if ((to == "resolved" || to == "closed") && !s.resolved_at) {
    const std::int64_t met = at <= s.resolution_due ? 1 : 0;
    RETURN_IF_ERROR(
        tx.Exec("UPDATE case_sla SET resolved_at = ?, resolution_met = ?, updated_at = ? "
                "WHERE case_id = ?",
                {at, met, at, case_id}));
  }
  if ((from == "resolved" || from == "closed") && to != "resolved" && to != "closed") {
    // Reopened: the resolution clock runs again (the pause history is kept).
    RETURN_IF_ERROR(
        tx.Exec("UPDATE case_sla SET resolved_at = NULL, resolution_met = NULL, "
                "updated_at = ? WHERE case_id = ?",
                {at, case_id}));
  }
  return Ok();
}

Status OnCaseFirstResponse(Tx& tx, std::int64_t case_id, Millis at) {
  ASSIGN_OR_RETURN(auto loaded, Load(tx, case_id));
  if (!loaded || loaded->first_response_at) return Ok();
  const std::int64_t met = at <= loaded->first_response_due ? 1 : 0;
  RETURN_IF_ERROR(
      tx.Exec("UPDATE case_sla SET first_response_at = ?, first_response_met = ?, "
              "updated_at = ? WHERE case_id = ?",
              {at, met, at, case_id}));
  return Ok();
}

Status OnCasePriorityChange(Tx& tx, std::int64_t case_id, std::string_view priority, Millis at) {
  ASSIGN_OR_RETURN(auto loaded, Load(tx, case_id));
  if (!loaded) return Ok();
  CaseSla& s = *loaded;
  ASSIGN_OR_RETURN(auto cust, tx.Query("SELECT customer_id FROM cases WHERE id = ?", {case_id}));
  if (cust.empty()) return Ok();
  ASSIGN_OR_RETURN(auto tier, CustomerTier(tx, cust.front().Int(0)));
  ASSIGN_OR_RETURN(auto policy, SelectPolicy(tx, tier.first, tier.second, priority));
  s.priority = std::string(priority);
  if (policy) {
    s.policy_id = policy->id;
    s.calendar_id = policy->calendar_id;
    s.first_response_minutes = policy->first_response_minutes;
    s.resolution_minutes = policy->resolution_minutes;
    s.warning_percent = policy->warning_percent;
  }
  return Recompute(tx, s, at);
}

Result<json::object> CaseSlaJson(Tx& tx, std::int64_t case_id) {
  ASSIGN_OR_RETURN(auto loaded, Load(tx, case_id));
  if (!loaded) return json::object();
  const CaseSla& s = *loaded;
  const auto met = [](const std::optional<std::int64_t>& v) -> json::value {
    if (!v) return nullptr;
    return *v != 0;
  };
  return json::object{
      {"policy_id", OptJson(s.policy_id)},
      {"policy", s.policy_name.empty() ? json::value(nullptr) : json::value(s.policy_name)},
      {"tier", s.tier},
      {"priority", s.priority},
      {"calendar_id", OptJson(s.calendar_id)},
      {"started_at", FormatTime(s.started_at)},
      {"first_response_minutes", s.first_response_minutes},
      {"resolution_minutes", s.resolution_minutes},
      {"first_response_due", FormatTime(s.first_response_due)},
      {"resolution_due", FormatTime(s.resolution_due)},
      {"paused", s.paused_at.has_value()},
      {"paused_since", OptTime(s.paused_at)},
      {"paused_business_minutes", s.paused_business_ms / kMinute},
      {"first_response_at", OptTime(s.first_response_at)},
      {"first_response_met", met(s.first_response_met)},
      {"resolved_at", OptTime(s.resolved_at)},
      {"resolution_met", met(s.resolution_met)},
      {"breached", s.fr_escalated.has_value() || s.res_escalated.has_value() ||
                       s.first_response_met == 0 || s.resolution_met == 0},
      {"escalated_at", OptTime(s.res_escalated ? s.res_escalated : s.fr_escalated)}};
}

}  // namespace chaincrm::services
