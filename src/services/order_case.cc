#include "services/order_case.h"

#include <string>
#include <vector>

#include "services/json_util.h"
#include "services/order_service.h"

namespace chaincrm::services {

namespace json = boost::json;

Result<CaseView> OpenOrderLineCase(const Env& env, const Actor& actor, std::int64_t order_id,
                                   const json::object& body) {
  JsonReader r(body);
  r.Known({"order_line_id", "priority", "queue"});
  const auto line_id = r.Int("order_line_id");
  if (!line_id) r.Error("order_line_id", "is required");
  const auto priority = r.Str("priority");
  const auto queue = r.Str("queue");
  RETURN_IF_ERROR(ErrorsToStatus(std::move(r.errors())));
  ASSIGN_OR_RETURN(auto order, GetOrder(env, actor, order_id));
  const json::object* line = nullptr;
  for (const auto& l : order.at("lines").as_array()) {
    if (l.as_object().at("id").as_int64() == *line_id) line = &l.as_object();
  }
  if (!line) {
    return Fail(Error::InvalidArgument(
        "the order has no such line",
        {{"order_line_id", "is not a line of order " + std::to_string(order_id)}}));
  }
  const auto& po = line->at("perfect_order");
  if (!po.is_object()) {
    return Fail(Error::InvalidArgument(
        "the line is not delivered yet",
        {{"order_line_id", "has no delivery to measure against the promise yet"}}));
  }
  std::vector<std::string> failed;
  for (const char* component : {"on_time", "in_full", "damage_free", "documentation"}) {
    if (!po.as_object().at(component).as_bool()) failed.emplace_back(component);
  }
  if (failed.empty()) {
    return Fail(
        Error::InvalidArgument("the line met every Perfect Order component",
                               {{"order_line_id",
                                 "was delivered on time, in full, undamaged and with correct "
                                 "documents: there is nothing to open a case for"}}));
  }
  std::string list;
  for (const auto& f : failed) list += (list.empty() ? "" : ", ") + f;
  const std::string number = order.at("number").is_string()
                                 ? std::string(order.at("number").as_string())
                                 : "#" + std::to_string(order_id);
  json::object c{
      {"customer_id", order.at("customer_id")},
      {"subject", "Order " + number + " line " + std::to_string(line->at("line_no").as_int64()) +
                      " failed: " + list},
      {"description", "Ordered " + std::to_string(line->at("quantity").as_int64()) + " × " +
                          std::string(line->at("sku").as_string()) + ", delivered " +
                          std::to_string(line->at("delivered_quantity").as_int64()) +
                          ". Failed Perfect Order components: " + list + "."},
      {"category", "order_delivery_problem"},
      {"channel", "web"},
      {"order_id", order_id},
      {"order_line_id", *line_id}};
  if (priority) c["priority"] = *priority;
  if (queue) c["queue"] = *queue;
  return CreateCase(env, actor, c, std::nullopt);
}

}  // namespace chaincrm::services
