#include "services/organise_common.h"

#include "services/customer_json.h"
#include "services/customer_service.h"
#include "store/change_log.h"

namespace chaincrm::services {

namespace json = boost::json;

Status LogEntry(store::Tx& tx, const Env& env, const Actor& actor, const std::string& entity,
                std::int64_t entity_id, std::optional<std::int64_t> customer_id,
                const std::string& op, const std::string& before, const std::string& after) {
  store::ChangeEntry e;
  e.at = env.clock.Now();
  e.actor = actor.Label();
  e.entity = entity;
  e.entity_id = entity_id;
  e.customer_id = customer_id;
  e.op = op;
  e.before_json = before;
  e.after_json = after;
  e.request_id = actor.request_id;
  RETURN_IF_ERROR(store::AppendChange(tx, e));
  return Ok();
}

Result<json::object> CustomerLogJson(store::Tx& tx, const domain::Customer& c) {
  ASSIGN_OR_RETURN(std::string currency, LedgerCurrencyOrDefault(tx));
  return CustomerToJson(c, {true, true, true}, currency);
}

Status LogCustomer(store::Tx& tx, const Env& env, const Actor& actor, const domain::Customer& c,
                   const std::string& op, const std::string& before) {
  ASSIGN_OR_RETURN(json::object after, CustomerLogJson(tx, c));
  return LogEntry(tx, env, actor, "customer", c.id, c.id, op, before, json::serialize(after));
}

json::value ValueJson(const store::Value& v) {
  if (std::holds_alternative<std::int64_t>(v)) return std::get<std::int64_t>(v);
  if (std::holds_alternative<double>(v)) return std::get<double>(v);
  if (std::holds_alternative<std::string>(v)) return json::string(std::get<std::string>(v));
  return nullptr;
}

std::string ErrorText(const Error& e) {
  std::string out = e.message();
  for (std::size_t i = 0; i < e.fields().size(); ++i) {
    out += i == 0 ? ": " : "; ";
    out += e.fields()[i].field + " " + e.fields()[i].message;
  }
  return out;
}

}  // namespace chaincrm::services
