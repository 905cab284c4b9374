#include "services/sales_common.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/money.h"
#include "services/json_util.h"
#include "store/change_log.h"
#include "store/user_repository.h"

namespace chaincrm::services {

Status LogSalesChange(store::Tx& tx, const Env& env, const Actor& actor, std::string entity,
                      std::int64_t id, std::optional<std::int64_t> customer_id, std::string op,
                      const std::string& before, const boost::json::object& after) {
  store::ChangeEntry e;
  e.at = env.clock.Now();
  e.actor = actor.Label();
  e.entity = std::move(entity);
  e.entity_id = id;
  e.customer_id = customer_id;
  e.op = std::move(op);
  e.before_json = before;
  e.after_json = boost::json::serialize(after);
  e.request_id = actor.request_id;
  RETURN_IF_ERROR(store::AppendChange(tx, e));
  return Ok();
}

std::string RecordNumber(std::string_view prefix, std::int64_t id) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%06lld", static_cast<long long>(id));
  return std::string(prefix) + "-" + buf;
}

Result<std::optional<std::int64_t>> ParseIdCursor(const std::string& cursor) {
  if (cursor.empty()) return std::optional<std::int64_t>{};
  std::int64_t id = 0;
  auto [p, ec] = std::from_chars(cursor.data(), cursor.data() + cursor.size(), id);
  if (ec != std::errc() || p != cursor.data() + cursor.size() || id < 0) {
    return Fail(Error::InvalidArgument("cursor is not valid",
                                       {{"cursor", "is not a cursor from this list"}}));
  }
  return std::optional(id);
}

Status CheckListLimit(int limit) {
  if (limit < 1 || limit > 500)
    return Fail(Error::InvalidArgument("limit must be between 1 and 500",
                                       {{"limit", "must be between 1 and 500"}}));
  return Ok();
}

Status CheckCustomerAccess(store::Tx& tx, const Actor& actor, domain::Resource resource,
                           domain::Action action, std::int64_t customer_id) {
  ASSIGN_OR_RETURN(auto rows,
                   tx.Query("SELECT owner_id FROM customers WHERE id = ?", {customer_id}));
  if (rows.empty())
    return Fail(Error::NotFound("customer " + std::to_string(customer_id) + " not found"));
  if (action != domain::Action::kRead) {
    RETURN_IF_ERROR(
        CheckScope(actor, resource, domain::Action::kRead, customer_id, rows.front().OptInt(0)));
  }
  return CheckScope(actor, resource, action, customer_id, rows.front().OptInt(0));
}

std::optional<std::int64_t> AmountField(const boost::json::value* v, const std::string& field,
                                        std::vector<FieldError>& errors) {
  if (!v || v->is_null()) return std::nullopt;
  if (v->is_string()) {
    auto a = ParseAmount(v->as_string());
    if (a) return *a;
    errors.push_back({field, a.error().message()});
    return std::nullopt;
  }
  if (v->is_number()) {
    const double d = v->to_number<double>();
    if (std::abs(d) < 9e13) return static_cast<std::int64_t>(std::llround(d * 100));
  }
  errors.push_back({field, "must be a decimal amount such as \"12.50\""});
  return std::nullopt;
}

Result<std::optional<boost::json::object>> FindReplay(store::Tx& tx, const Actor& actor,
                                                      const std::optional<IdempotencyKey>& idem) {
  if (!idem) return std::optional<boost::json::object>{};
  ASSIGN_OR_RETURN(auto prior, store::FindIdempotent(tx, actor.user_id, idem->key));
  if (!prior) return std::optional<boost::json::object>{};
  if (prior->request_hash != idem->request_hash) {
    return Fail(
        Error::InvalidArgument("the Idempotency-Key was already used with a different request",
                               {{"Idempotency-Key", "was already used with a different request"}}));
  }
  ASSIGN_OR_RETURN(auto body, ParseObject(prior->body));
  return std::optional(std::move(body));
}

Status SaveReplay(store::Tx& tx, const Actor& actor, const std::optional<IdempotencyKey>& idem,
                  int status, const boost::json::object& body, Millis now) {
  if (!idem) return Ok();
  return store::SaveIdempotent(tx, actor.user_id, idem->key,
                               {idem->request_hash, status, "", "", boost::json::serialize(body)},
                               now);
}

}  // namespace chaincrm::services
