#include "services/sla_scheduler.h"

#include <exception>
#include <string>
#include <vector>

#include "core/log.h"
#include "services/json_util.h"
#include "services/sla_config.h"
#include "store/change_log.h"

namespace chaincrm::services {

namespace json = boost::json;
using store::Tx;

namespace {

constexpr int kBatch = 500;
constexpr std::string_view kOpen = "c.status NOT IN ('resolved', 'closed')";

std::string NextPriority(std::string_view p) {
  if (p == "low") return "normal";
  if (p == "normal") return "high";
  return "urgent";
}

Status Notify(Tx& tx, std::optional<std::int64_t> user_id, std::string_view kind,
              std::int64_t case_id, const std::string& message, Millis now) {
  RETURN_IF_ERROR(
      tx.Exec("INSERT INTO notifications (user_id, kind, entity, entity_id, message, "
              "created_at) VALUES (?, ?, 'case', ?, ?, ?)",
              {store::OrNull(user_id), std::string(kind), case_id, message, now}));
  return Ok();
}

// Warns once per clock (first response, resolution) when its warning instant has passed.
Result<std::optional<json::object>> WarnOne(Tx& tx, std::int64_t case_id, Millis now) {
  ASSIGN_OR_RETURN(
      auto rows,
      tx.Query("SELECT c.number, c.owner_id, s.first_response_at, "
               "s.first_response_warned_at, s.first_response_warn_at, "
               "s.first_response_due, s.resolved_at, s.resolution_warned_at, "
               "s.resolution_warn_at, s.resolution_due, s.paused_at "
               "FROM case_sla s JOIN cases c ON c.id = s.case_id WHERE s.case_id = ? AND " +
                   std::string(kOpen),
               {case_id}));
  if (rows.empty() || !rows.front().IsNull(10)) return std::optional<json::object>();
  const auto& r = rows.front();
  json::array kinds;
  for (const auto& [kind, done, warned, warn_at, due] :
       {std::tuple{"first_response", 2, 3, 4, 5}, std::tuple{"resolution", 6, 7, 8, 9}}) {
    const auto d = static_cast<std::size_t>(done), w = static_cast<std::size_t>(warned);
    if (!r.IsNull(d) || !r.IsNull(w)) continue;
    if (r.Int(static_cast<std::size_t>(warn_at)) > now ||
        r.Int(static_cast<std::size_t>(due)) <= now)
      continue;
    const std::string column = std::string(kind) + "_warned_at";
    ASSIGN_OR_RETURN(auto changed, tx.Exec("UPDATE case_sla SET " + column +
                                               " = ? WHERE case_id = ? AND " + column + " IS NULL",
                                           {now, case_id}));
    if (changed != 1) continue;
    const std::string due_text = FormatTime(r.Int(static_cast<std::size_t>(due)));
    RETURN_IF_ERROR(Notify(tx, r.OptInt(1), "sla_warning", case_id,
                           "case " + r.Text(0) + ": " + kind + " due at " + due_text, now));
    kinds.push_back(json::object{{"clock", kind}, {"due", due_text}});
  }
  if (kinds.empty()) return std::optional<json::object>();
  return std::optional<json::object>(
      json::object{{"case_id", case_id}, {"number", r.Text(0)}, {"clocks", std::move(kinds)}});
}

// Escalates a breached case once: marks the breached clocks (only if still unmarked),
// raises the priority, reassigns, notifies and logs.
Result<std::optional<json::object>> EscalateOne(Tx& tx, const Actor& actor, std::int64_t case_id,
                                                Millis now) {
  ASSIGN_OR_RETURN(
      auto rows,
      tx.Query("SELECT c.number, c.priority, c.owner_id, c.queue, c.customer_id, "
               "s.policy_id, s.first_response_at, s.first_response_escalated_at, "
               "s.first_response_due, s.resolved_at, s.resolution_escalated_at, "
               "s.resolution_due, s.paused_at "
               "FROM case_sla s JOIN cases c ON c.id = s.case_id WHERE s.case_id = ? AND " +
                   std::string(kOpen),
               {case_id}));
  if (rows.empty() || !rows.front().IsNull(12)) return std::optional<json::object>();
  const auto& r = rows.front();
  json::array breached;
  for (const auto& [kind, done, escalated, due] :
       {std::tuple{"first_response", 6, 7, 8}, std::tuple{"resolution", 9, 10, 11}}) {
    if (!r.IsNull(static_cast<std::size_t>(done)) || !r.IsNull(static_cast<std::size_t>(escalated)))
      continue;
    if (r.Int(static_cast<std::size_t>(due)) > now) continue;
    const std::string column = std::string(kind) + "_escalated_at";
    ASSIGN_OR_RETURN(auto changed, tx.Exec("UPDATE case_sla SET " + column +
                                               " = ? WHERE case_id = ? AND " + column + " IS NULL",
                                           {now, case_id}));
    if (changed == 1) breached.push_back(json::string(kind));
  }
  if (breached.empty()) return std::optional<json::object>();

  const std::string number = r.Text(0), from = r.Text(1);
  const std::string to = NextPriority(from);
  std::optional<std::int64_t> owner = r.OptInt(2);
  std::optional<std::string> queue = r.OptText(3);
  if (auto policy_id = r.OptInt(5)) {
    ASSIGN_OR_RETURN(auto policy, tx.Query("SELECT escalation_owner_id, escalation_queue FROM "
                                           "sla_policies WHERE id = ?",
                                           {*policy_id}));
    if (!policy.empty()) {
      if (auto o = policy.front().OptInt(0)) owner = o;
      if (auto q = policy.front().OptText(1)) queue = q;
    }
  }
  const json::object before{
      {"priority", from}, {"owner_id", OptJson(r.OptInt(2))}, {"queue", OptJson(r.OptText(3))}};
  const json::object after{{"priority", to},
                           {"owner_id", OptJson(owner)},
                           {"queue", OptJson(queue)},
                           {"reason", "sla_breach"},
                           {"breached", breached}};
  RETURN_IF_ERROR(
      tx.Exec("UPDATE cases SET priority = ?, owner_id = ?, queue = ?, "
              "version = version + 1, updated_at = ? WHERE id = ?",
              {to, store::OrNull(owner), store::OrNull(queue), now, case_id}));
  // The breached due times stay as they were: they record when the SLA was missed.
  RETURN_IF_ERROR(tx.Exec("UPDATE case_sla SET priority = ?, updated_at = ? WHERE case_id = ?",
                          {to, now, case_id}));
  std::string what;
  for (const auto& b : breached) what += (what.empty() ? "" : " and ") + std::string(b.as_string());
  RETURN_IF_ERROR(Notify(tx, owner, "sla_breach", case_id,
                         "case " + number + " breached its " + what + " target; escalated to " + to,
                         now));
  store::ChangeEntry e;
  e.at = now;
  e.actor = actor.Label();
  e.entity = "case";
  e.entity_id = case_id;
  e.customer_id = r.Int(4);
  e.op = "escalate";
  e.before_json = json::serialize(before);
  e.after_json = json::serialize(after);
  e.request_id = actor.request_id;
  RETURN_IF_ERROR(store::AppendChange(tx, e));
  return std::optional<json::object>(json::object{{"case_id", case_id},
                                                  {"number", number},
                                                  {"breached", std::move(breached)},
                                                  {"priority_from", from},
                                                  {"priority_to", to},
                                                  {"owner_id", OptJson(owner)},
                                                  {"queue", OptJson(queue)}});
}

Result<std::vector<std::int64_t>> Candidates(const Env& env, std::string_view condition,
                                             store::Params params,
                                             const std::vector<std::int64_t>* only) {
  std::string restrict;
  if (only) {
    if (only->empty()) return std::vector<std::int64_t>();
    restrict = " AND s.case_id IN (";
    for (std::size_t i = 0; i < only->size(); ++i) {
      restrict += i ? ", ?" : "?";
      params.push_back((*only)[i]);
    }
    restrict += ")";
  }
  std::vector<std::int64_t> ids;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto rows,
                     tx.Query("SELECT s.case_id FROM case_sla s JOIN cases c ON c.id = "
                              "s.case_id WHERE s.paused_at IS NULL AND " +
                                  std::string(kOpen) + " AND (" + std::string(condition) + ")" +
                                  restrict + " ORDER BY s.case_id LIMIT " + std::to_string(kBatch),
                              params));
    for (const auto& r : rows) ids.push_back(r.Int(0));
    return Ok();
  }));
  return ids;
}

}  // namespace

Result<json::object> SweepSla(const Env& env, const Actor& actor, Millis now,
                              const std::vector<std::int64_t>* only) {
  json::array escalations, warnings;
  ASSIGN_OR_RETURN(auto breached,
                   Candidates(env,
                              "(s.first_response_at IS NULL AND s.first_response_escalated_at IS "
                              "NULL AND s.first_response_due <= ?) OR (s.resolved_at IS NULL AND "
                              "s.resolution_escalated_at IS NULL AND s.resolution_due <= ?)",
                              {now, now}, only));
  for (std::int64_t id : breached) {
    RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
      ASSIGN_OR_RETURN(auto e, EscalateOne(tx, actor, id, now));
      if (e) escalations.push_back(std::move(*e));
      return Ok();
    }));
  }
  ASSIGN_OR_RETURN(auto nearing,
                   Candidates(env,
                              "(s.first_response_at IS NULL AND s.first_response_warned_at IS NULL "
                              "AND s.first_response_warn_at <= ? AND s.first_response_due > ?) OR "
                              "(s.resolved_at IS NULL AND s.resolution_warned_at IS NULL AND "
                              "s.resolution_warn_at <= ? AND s.resolution_due > ?)",
                              {now, now, now, now}, only));
  for (std::int64_t id : nearing) {
    RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
      ASSIGN_OR_RETURN(auto w, WarnOne(tx, id, now));
      if (w) warnings.push_back(std::move(*w));
      return Ok();
    }));
  }
  return json::object{{"now", FormatTime(now)},
                      {"escalations", std::move(escalations)},
                      {"warnings", std::move(warnings)}};
}

Result<json::object> ListSlaNotifications(const Env& env, std::optional<std::int64_t> case_id,
                                          int limit) {
  json::array data;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    std::string sql =
        "SELECT id, user_id, kind, entity, entity_id, message, created_at, read_at FROM "
        "notifications";
    store::Params params;
    if (case_id) {
      sql += " WHERE entity = 'case' AND entity_id = ?";
      params.push_back(*case_id);
    }
    sql += " ORDER BY id DESC LIMIT " + std::to_string(limit);
    ASSIGN_OR_RETURN(auto rows, tx.Query(sql, params));
    for (const auto& r : rows) {
      data.push_back(json::object{{"id", r.Int(0)},
                                  {"user_id", OptJson(r.OptInt(1))},
                                  {"kind", r.Text(2)},
                                  {"entity", r.Text(3)},
                                  {"entity_id", r.Int(4)},
                                  {"message", r.Text(5)},
                                  {"created_at", FormatTime(r.Int(6))},
                                  {"read_at", OptTime(r.OptInt(7))}});
    }
    return Ok();
  }));
  return json::object{{"data", std::move(data)}};
}

SlaScheduler::SlaScheduler(Env env, std::chrono::seconds interval)
    : env_(env), interval_(interval) {
  if (interval_.count() > 0) thread_ = std::thread([this] { Loop(); });
}

SlaScheduler::~SlaScheduler() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

Result<json::object> SlaScheduler::SweepNow(const Actor& actor, Millis now,
                                            const std::vector<std::int64_t>* only) {
  std::lock_guard lock(sweep_mu_);
  return SweepSla(env_, actor, now, only);
}

void SlaScheduler::Loop() {
  const Actor actor = Actor::System("sla-scheduler");
  for (;;) {
    {
      std::unique_lock lock(mu_);
      if (cv_.wait_for(lock, interval_, [&] { return stop_; })) return;
    }
    try {
      auto r = SweepNow(actor, env_.clock.Now());
      if (!r) {
        log::Warn("event=sla_sweep_failed error=\"" + r.error().message() + "\"");
      } else if (!r->at("escalations").as_array().empty() ||
                 !r->at("warnings").as_array().empty()) {
        log::Info("event=sla_sweep escalations=" +
                  std::to_string(r->at("escalations").as_array().size()) +
                  " warnings=" + std::to_string(r->at("warnings").as_array().size()));
      }
    } catch (const std::exception& e) {
      log::Error(std::string("event=sla_sweep_crashed error=\"") + e.what() + "\"");
    }
  }
}

}  // namespace chaincrm::services
