#include "services/call_service.h"

#include <set>

#include "core/text.h"
#include "services/case_service.h"
#include "services/customer_service.h"
#include "services/json_util.h"
#include "services/lookup_service.h"
#include "store/activity_repository.h"
#include "store/change_log.h"

namespace chaincrm::services {

namespace json = boost::json;
using store::Tx;

Result<std::int64_t> InsertCallTx(Tx& tx, const CallRecord& call,
                                  std::optional<std::int64_t> created_by, Millis now) {
  std::optional<std::int64_t> interaction_id;
  if (call.customer_id) {
    domain::Interaction i;
    i.customer_id = *call.customer_id;
    i.type = "call";
    i.direction = "inbound";
    i.channel = "phone";
    i.occurred_at = call.occurred_at;
    i.subject = "Call from " + call.caller_number + (call.queue ? " (" + *call.queue + ")" : "");
    i.created_by = call.agent_id ? call.agent_id : created_by;
    i.created_at = now;
    RETURN_IF_ERROR(store::InsertInteraction(tx, i));
    interaction_id = i.id;
  }
  ASSIGN_OR_RETURN(
      auto rows,
      tx.Query("INSERT INTO calls (caller_number, caller_normalized, queue, agent_id, "
               "customer_id, interaction_id, occurred_at, created_at) VALUES (?, ?, ?, ?, ?, "
               "?, ?, ?) RETURNING id",
               {call.caller_number, NormalizePhone(call.caller_number), store::OrNull(call.queue),
                store::OrNull(call.agent_id), store::OrNull(call.customer_id),
                store::OrNull(interaction_id), call.occurred_at, now}));
  const std::int64_t id = rows.front().Int(0);
  if (interaction_id) {
    RETURN_IF_ERROR(
        tx.Exec("UPDATE interactions SET links = ? WHERE id = ?",
                {json::serialize(json::array{json::object{{"entity", "call"}, {"id", id}}}),
                 *interaction_id}));
  }
  return id;
}

Result<json::object> RegisterCall(const Env& env, const Actor& actor, const json::object& body) {
  if (actor.role == domain::Role::kCustomer ||
      domain::Allowed(actor.role, domain::Resource::kCases, domain::Action::kCreate) !=
          domain::Scope::kAll) {
    return Fail(Error::PermissionDenied("your role may not register calls"));
  }
  JsonReader r(body);
  r.Known({"caller_number", "queue", "agent_id", "occurred_at"});
  const auto number = r.Str("caller_number");
  const std::string normalized = number ? NormalizePhone(*number) : "";
  if (!number || number->size() > 50 || normalized.empty()) {
    r.Error("caller_number", "is required (a phone number)");
  }
  const auto queue = r.Str("queue");
  if (queue && queue->size() > 100) r.Error("queue", "must be at most 100 characters");
  const auto agent_id = r.Int("agent_id");
  const auto occurred = r.Time("occurred_at");
  const Millis now = env.clock.Now();
  if (occurred && *occurred > now + 60'000) r.Error("occurred_at", "must not be in the future");
  RETURN_IF_ERROR(ErrorsToStatus(std::move(r.errors())));
  const Millis at = occurred.value_or(now);

  // Only phone matches count: a caller number is not a name, serial or id.
  ASSIGN_OR_RETURN(auto found, Lookup(env, actor, *number, 10));
  std::set<std::int64_t> ids;
  json::array candidates;
  for (const auto& h : found.at("data").as_array()) {
    if (h.as_object().at("matched_by").as_string() != "phone") continue;
    if (ids.insert(h.as_object().at("id").as_int64()).second) candidates.push_back(h);
  }
  const std::optional<std::int64_t> customer_id =
      ids.size() == 1 ? std::optional(*ids.begin()) : std::nullopt;

  json::object call;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    if (agent_id) {
      ASSIGN_OR_RETURN(auto u, tx.Query("SELECT id FROM users WHERE id = ?", {*agent_id}));
      if (u.empty()) {
        return Fail(Error::InvalidArgument(
            "unknown agent",
            {{"agent_id", "user " + std::to_string(*agent_id) + " does not exist"}}));
      }
    }
    ASSIGN_OR_RETURN(
        const std::int64_t id,
        InsertCallTx(tx, {*number, queue, agent_id, customer_id, at},
                     actor.user_id ? std::optional(actor.user_id) : std::nullopt, now));
    call = {{"id", id},
            {"caller_number", *number},
            {"queue", OptJson(queue)},
            {"agent_id", OptJson(agent_id)},
            {"customer_id", OptJson(customer_id)},
            {"occurred_at", FormatTime(at)}};
    store::ChangeEntry e;
    e.at = now;
    e.actor = actor.Label();
    e.entity = "call";
    e.entity_id = id;
    e.customer_id = customer_id;
    e.op = "create";
    e.after_json = json::serialize(call);
    e.request_id = actor.request_id;
    RETURN_IF_ERROR(store::AppendChange(tx, e));
    return Ok();
  }));
  json::object out;
  out["call"] = std::move(call);
  out["matched"] = customer_id.has_value();
  out["customer"] = nullptr;
  out["open_cases"] = json::array();
  if (customer_id) {
    ASSIGN_OR_RETURN(auto view, Customer360(env, actor, *customer_id));
    out["open_cases"] = view.at("cases");
    out["customer"] = std::move(view);
  }
  out["candidates"] = std::move(candidates);
  return out;
}

}  // namespace chaincrm::services
