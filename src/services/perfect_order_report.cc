#include "services/perfect_order_report.h"

#include <map>

#include "analytics/perfect_order.h"
#include "services/json_util.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::Resource;

namespace {

json::object Measures(const std::vector<analytics::LineDelivery>& lines) {
  auto s = analytics::SummarizePerfectOrder(lines);
  if (!s) {
    return {{"orders", 0},
            {"lines", 0},
            {"on_time", nullptr},
            {"in_full", nullptr},
            {"damage_free", nullptr},
            {"documentation", nullptr},
            {"poi", nullptr},
            {"scor", nullptr},
            {"perfect_orders", 0},
            {"perfect_order_rate", nullptr},
            {"fill_rate", nullptr},
            {"backorder_rate", nullptr},
            {"cycle_time_days", nullptr}};
  }
  return {{"orders", s->orders},
          {"lines", s->lines},
          {"on_time", s->on_time},
          {"in_full", s->in_full},
          {"damage_free", s->damage_free},
          {"documentation", s->documentation},
          {"poi", s->poi},
          {"scor", s->scor},
          {"perfect_orders", s->perfect_orders},
          {"perfect_order_rate", s->perfect_order_rate},
          {"fill_rate", s->fill_rate},
          {"backorder_rate", s->backorder_rate},
          {"cycle_time_days",
           s->cycle_time_days ? json::value(*s->cycle_time_days) : json::value(nullptr)}};
}

}  // namespace

Result<json::object> PerfectOrderReport(const Env& env, const Actor& actor,
                                        const PerfectOrderQuery& q) {
  const std::string& g = q.group_by;
  if (!g.empty() && g != "customer" && g != "segment" && g != "carrier" && g != "month")
    return Fail(Error::InvalidArgument(
        "bad group_by", {{"group_by", "must be customer, segment, carrier or month"}}));
  if (q.from && q.to && *q.from >= *q.to)
    return Fail(Error::InvalidArgument("empty period", {{"to", "must be after from"}}));
  const auto scope = domain::Allowed(actor.role, Resource::kOrders, Action::kRead);
  if (scope == domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not read orders"));
  std::optional<std::int64_t> customer_id = q.customer_id;
  if (scope == domain::Scope::kSelf) {
    if (customer_id && customer_id != actor.customer_id)
      return Fail(Error::NotFound("customer " + std::to_string(*customer_id) + " not found"));
    customer_id = actor.customer_id.value_or(-1);
  }
  // One row per fulfilment (or one per undelivered line), ordered by line then time.
  std::string sql =
      "SELECT l.id, l.order_id, o.ordered_at, o.promised_at, l.quantity, f.delivered_quantity, "
      "f.delivered_at, f.damaged, f.documents_ok, o.customer_id, COALESCE(cs.value_class, "
      "'unscored'), COALESCE(s.carrier, o.carrier, 'unknown') FROM order_lines l JOIN orders o "
      "ON o.id = l.order_id LEFT JOIN fulfilments f ON f.order_line_id = l.id LEFT JOIN "
      "shipments s ON s.id = f.shipment_id LEFT JOIN customer_scores cs ON cs.customer_id = "
      "o.customer_id WHERE o.kind = 'order' AND o.status <> 'cancelled' AND o.promised_at IS "
      "NOT NULL AND o.ordered_at >= ? AND o.ordered_at < ?";
  store::Params params{q.from.value_or(INT64_MIN), q.to.value_or(INT64_MAX)};
  if (customer_id) {
    sql += " AND o.customer_id = ?";
    params.push_back(*customer_id);
  }
  sql += " ORDER BY l.id, f.delivered_at, f.id";
  std::vector<analytics::LineDelivery> all;
  std::map<std::string, std::vector<analytics::LineDelivery>> groups;
  std::int64_t current = 0;
  analytics::LineDelivery line;
  std::string key;
  auto flush = [&] {
    if (current == 0) return;
    all.push_back(line);
    if (!g.empty()) groups[key].push_back(line);
  };
  RETURN_IF_ERROR(env.db.Read([&](store::Tx& tx) -> Status {
    return tx.ForEach(sql, params, [&](const store::Row& r) -> Status {
      if (r.Int(0) != current) {
        flush();
        current = r.Int(0);
        line = {r.Int(1), r.Int(2), r.Int(3), r.Int(4), 0, 0, std::nullopt, false, true};
      }
      if (!r.IsNull(6)) {
        if (!line.last_delivered_at) line.first_delivery_quantity = r.Int(5);
        line.delivered_quantity += r.Int(5);
        line.last_delivered_at = r.Int(6);
        line.damaged = line.damaged || r.Int(7) != 0;
        line.documents_ok = line.documents_ok && r.Int(8) != 0;
      }
      if (g == "customer") {
        key = std::to_string(r.Int(9));
      } else if (g == "segment") {
        key = r.Text(10);
      } else if (g == "carrier") {
        key = r.Text(11);
      } else if (g == "month") {
        key = FormatDate(r.Int(2)).substr(0, 7);
      }
      return Ok();
    });
  }));
  flush();
  json::object out{{"from", OptTime(q.from)},
                   {"to", OptTime(q.to)},
                   {"group_by", g.empty() ? json::value(nullptr) : json::value(g)},
                   {"total", Measures(all)}};
  json::array data;
  for (const auto& [k, lines] : groups) {
    json::object m = Measures(lines);
    m["key"] = k;
    data.push_back(std::move(m));
  }
  out["groups"] = std::move(data);
  return out;
}

}  // namespace chaincrm::services
