#include "services/record_log.h"

#include <charconv>

#include "store/change_log.h"

namespace chaincrm::services {

Status LogRecord(store::Tx& tx, const Env& env, const Actor& actor, const std::string& entity,
                 std::int64_t id, std::optional<std::int64_t> customer_id, const std::string& op,
                 const std::string& before, const boost::json::object& after) {
  store::ChangeEntry e;
  e.at = env.clock.Now();
  e.actor = actor.Label();
  e.entity = entity;
  e.entity_id = id;
  e.customer_id = customer_id;
  e.op = op;
  e.before_json = before;
  e.after_json = boost::json::serialize(after);
  e.request_id = actor.request_id;
  RETURN_IF_ERROR(store::AppendChange(tx, e));
  return Ok();
}

Status CustomerAccess(store::Tx& tx, const Actor& actor, domain::Resource resource,
                           domain::Action action, std::int64_t customer_id) {
  ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id FROM customers WHERE id = ?", {customer_id}));
  if (rows.empty())
    return Fail(Error::NotFound("customer " + std::to_string(customer_id) + " not found"));
  if (domain::Allowed(actor.role, resource, action) == domain::Scope::kOwn) return Ok();
  return CheckScope(actor, resource, action, customer_id, std::nullopt);
}

Result<bool> UserExists(store::Tx& tx, std::int64_t user_id) {
  ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id FROM users WHERE id = ?", {user_id}));
  return !rows.empty();
}

Status ValidateLimit(int limit) {
  if (limit < 1 || limit > 500) {
    return Fail(Error::InvalidArgument("limit must be between 1 and 500",
                                       {{"limit", "must be between 1 and 500"}}));
  }
  return Ok();
}

Result<std::optional<std::int64_t>> IdCursor(const std::string& cursor) {
  if (cursor.empty()) return std::optional<std::int64_t>{};
  std::int64_t id = 0;
  auto [p, ec] = std::from_chars(cursor.data(), cursor.data() + cursor.size(), id);
  if (ec != std::errc() || p != cursor.data() + cursor.size() || id <= 0) {
    return Fail(Error::InvalidArgument("cursor is not valid",
                                       {{"cursor", "is not a cursor from this list"}}));
  }
  return std::optional(id);
}

}  // namespace chaincrm::services
