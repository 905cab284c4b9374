// Deliveries of order lines: fulfilment records, ledger posting (once per delivery key)
// and the order status that follows.

#include <cmath>

#include "domain/activity.h"
#include "services/json_util.h"
#include "services/ledger.h"
#include "services/order_service.h"
#include "services/sales_common.h"
#include "services/survey_service.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::Resource;
using store::Tx;

namespace {

Result<Delivery> DeliveryFromJson(const json::object& body) {
  JsonReader r(body);
  r.Known({"delivery_id", "shipment_id", "delivered_at", "shipped_at", "lines"});
  Delivery d;
  std::vector<FieldError> errs;
  d.delivery_id = r.Str("delivery_id");
  if (d.delivery_id && (d.delivery_id->empty() || d.delivery_id->size() > 100))
    r.Error("delivery_id", "must be 1–100 characters");
  d.shipment_id = r.Int("shipment_id");
  if (auto t = r.Time("delivered_at")) {
    d.delivered_at = *t;
  } else if (!r.Has("delivered_at") || r.IsNull("delivered_at")) {
    r.Error("delivered_at", "is required");
  }
  d.shipped_at = r.Time("shipped_at");
  const auto* lines = r.Get("lines");
  if (!lines || !lines->is_array() || lines->as_array().empty()) {
    r.Error("lines", "must be a non-empty array");
  } else {
    for (std::size_t i = 0; i < lines->as_array().size(); ++i) {
      const std::string f = "lines[" + std::to_string(i) + "]";
      const auto& v = lines->as_array()[i];
      if (!v.is_object()) {
        errs.push_back({f, "must be an object"});
        continue;
      }
      JsonReader l(v.as_object(), f);
      l.Known({"line_id", "delivered_quantity", "shipped_quantity", "damaged", "documents_ok"});
      DeliveryLine dl;
      dl.line_id = l.Int("line_id").value_or(0);
      if (dl.line_id <= 0) l.Error("line_id", "is required");
      dl.delivered = l.Int("delivered_quantity").value_or(-1);
      if (dl.delivered <= 0) l.Error("delivered_quantity", "must be a positive whole number");
      dl.shipped = l.Int("shipped_quantity");
      if (dl.shipped && *dl.shipped < dl.delivered)
        l.Error("shipped_quantity", "must not be below the delivered quantity");
      dl.damaged = l.Bool("damaged").value_or(false);
      dl.documents_ok = l.Bool("documents_ok").value_or(true);
      for (auto& e : l.errors()) errs.push_back(e);
      d.lines.push_back(dl);
    }
  }
  for (auto& e : r.errors()) errs.push_back(e);
  RETURN_IF_ERROR(ErrorsToStatus(std::move(errs)));
  return d;
}

// open → partially_delivered → delivered, from the delivered quantities. A delivered
// order issues its satisfaction survey (once per order).
Status UpdateStatus(Tx& tx, std::int64_t order_id, std::int64_t customer_id, Millis now) {
  ASSIGN_OR_RETURN(
      auto rows,
      tx.Query("SELECT l.quantity, COALESCE(SUM(f.delivered_quantity), 0) FROM order_lines l "
               "LEFT JOIN fulfilments f ON f.order_line_id = l.id WHERE l.order_id = ? GROUP BY "
               "l.id, l.quantity",
               {order_id}));
  bool all = true, any = false;
  for (const auto& r : rows) {
    all = all && r.Int(1) >= r.Int(0);
    any = any || r.Int(1) > 0;
  }
  const char* status = all ? "delivered" : any ? "partially_delivered" : "open";
  RETURN_IF_ERROR(
      tx.Exec("UPDATE orders SET status = ?, version = version + 1, updated_at = ? "
              "WHERE id = ?",
              {std::string(status), now, order_id}));
  if (all) {
    ASSIGN_OR_RETURN(const std::int64_t survey_id,
                     IssueSurvey(tx, customer_id, "order", order_id, now));
    static_cast<void>(survey_id);
  }
  return Ok();
}

}  // namespace

Result<DeliveryResult> ApplyDelivery(Tx& tx, const Env& env, const Actor& actor,
                                     std::int64_t order_id, const Delivery& d) {
  const std::string key = d.delivery_id.value_or(FormatTime(d.delivered_at));
  DeliveryResult out;
  out.delivery_key = key;
  ASSIGN_OR_RETURN(auto o,
                   tx.QueryOne("SELECT customer_id, kind, status, number, currency "
                               "FROM orders WHERE id = ?",
                               {order_id}, "order " + std::to_string(order_id) + " not found"));
  const std::int64_t customer_id = o.Int(0);
  out.customer_id = customer_id;
  RETURN_IF_ERROR(CheckCustomerAccess(tx, actor, Resource::kOrders, Action::kUpdate, customer_id));
  if (o.Text(1) != "order" || o.Text(2) == "cancelled")
    return Fail(Error::Aborted("only an open order can be delivered (convert the quote first)"));
  if (d.shipment_id) {
    ASSIGN_OR_RETURN(auto s,
                     tx.Query("SELECT order_id FROM shipments WHERE id = ?", {*d.shipment_id}));
    if (s.empty() || s.front().Int(0) != order_id)
      return Fail(Error::InvalidArgument("unknown shipment",
                                         {{"shipment_id", "is not a shipment of this order"}}));
  }
  const Millis now = env.clock.Now();
  std::vector<FieldError> errs;
  for (std::size_t i = 0; i < d.lines.size(); ++i) {
    const auto& dl = d.lines[i];
    const std::string f = "lines[" + std::to_string(i) + "]";
    ASSIGN_OR_RETURN(auto lr, tx.Query("SELECT quantity, unit_cost, line_total, sku, "
                                       "description FROM order_lines WHERE id = ? AND "
                                       "order_id = ?",
                                       {dl.line_id, order_id}));
    if (lr.empty()) {
      errs.push_back({f + ".line_id", "is not a line of this order"});
      continue;
    }
    ASSIGN_OR_RETURN(auto prior, tx.Query("SELECT id FROM fulfilments WHERE order_line_id = ? "
                                          "AND delivery_key = ?",
                                          {dl.line_id, key}));
    if (!prior.empty()) {
      out.lines.push_back(
          {{"line_id", dl.line_id}, {"fulfilment_id", prior.front().Int(0)}, {"posted", false}});
      continue;
    }
    ASSIGN_OR_RETURN(auto sum, tx.Query("SELECT COALESCE(SUM(delivered_quantity), 0) FROM "
                                        "fulfilments WHERE order_line_id = ?",
                                        {dl.line_id}));
    const std::int64_t ordered = lr.front().Int(0);
    if (sum.front().Int(0) + dl.delivered > ordered) {
      errs.push_back({f + ".delivered_quantity",
                      "would bring the line to more than its ordered " + std::to_string(ordered)});
      continue;
    }
    ASSIGN_OR_RETURN(
        auto ins,
        tx.Query("INSERT INTO fulfilments (order_line_id, order_id, shipment_id, delivery_key, "
                 "shipped_quantity, shipped_at, delivered_quantity, delivered_at, damaged, "
                 "documents_ok, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                 "RETURNING id",
                 {dl.line_id, order_id, store::OrNull(d.shipment_id), key,
                  dl.shipped.value_or(dl.delivered), store::OrNull(d.shipped_at), dl.delivered,
                  d.delivered_at, std::int64_t{dl.damaged}, std::int64_t{dl.documents_ok}, now}));
    const std::int64_t fid = ins.front().Int(0);
    ++out.inserted;
    domain::Purchase p;
    p.customer_id = customer_id;
    p.occurred_at = d.delivered_at;
    p.sku = lr.front().Text(3);
    p.product = lr.front().Text(4);
    p.order_ref = o.Text(3);
    p.quantity = static_cast<double>(dl.delivered);
    p.revenue = static_cast<std::int64_t>(
        std::llround(static_cast<double>(lr.front().Int(2)) * static_cast<double>(dl.delivered) /
                     static_cast<double>(ordered)));
    p.cost = lr.front().Int(1) * dl.delivered;
    p.currency = o.Text(4);
    p.source_key = "fulfilment:" + std::to_string(dl.line_id) + ":" + key;
    p.created_at = now;
    ASSIGN_OR_RETURN(const bool posted, PostPurchase(tx, p));
    if (posted) {
      RETURN_IF_ERROR(tx.Exec("UPDATE fulfilments SET purchase_id = ? WHERE id = ?", {p.id, fid}));
      ++out.posted;
    }
    out.lines.push_back({{"line_id", dl.line_id},
                         {"fulfilment_id", fid},
                         {"posted", posted},
                         {"purchase_id", posted ? json::value(p.id) : json::value(nullptr)}});
  }
  RETURN_IF_ERROR(ErrorsToStatus(std::move(errs)));
  if (out.inserted > 0) RETURN_IF_ERROR(UpdateStatus(tx, order_id, customer_id, now));
  return out;
}

Result<json::object> RecordDelivery(const Env& env, const Actor& actor, std::int64_t order_id,
                                    const json::object& body) {
  ASSIGN_OR_RETURN(auto d, DeliveryFromJson(body));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto r, ApplyDelivery(tx, env, actor, order_id, d));
    ASSIGN_OR_RETURN(out, LoadOrderJson(tx, order_id));
    out["delivery"] = {
        {"delivery_key", r.delivery_key}, {"posted", r.posted}, {"lines", std::move(r.lines)}};
    if (r.inserted == 0) return Ok();
    return LogSalesChange(tx, env, actor, "order", order_id, r.customer_id, "deliver", "", out);
  }));
  return out;
}

}  // namespace chaincrm::services
