#pragma once
// Quotes and orders with lines (product or stored configuration), promised dates,
// per-line fulfilment records (deliveries) and their Perfect Order components. A
// delivered line posts to the purchases ledger through PostPurchase exactly once per
// delivery (source_key "fulfilment:<line id>:<delivery key>").

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/actor.h"
#include "services/customer_service.h"

namespace chaincrm::services {

struct OrderLineInput {
  std::optional<std::int64_t> product_id, configuration_id;
  std::optional<std::string> sku, product_external_id;
  std::int64_t quantity = 0;
  std::optional<std::int64_t> unit_price;  // default: product or configuration price
  double discount_percent = 0;
};

struct OrderInput {
  std::string kind = "order";  // "quote" | "order"
  std::optional<std::int64_t> customer_id;
  std::optional<std::pair<std::string, std::string>> customer_external_id;  // system, value
  std::optional<Millis> ordered_at;   // default: now (orders); set at conversion (quotes)
  std::optional<Millis> promised_at;  // midnight UTC of the promised date
  std::optional<std::string> carrier, notes, external_id, status;
  std::vector<OrderLineInput> lines;
};

/// Reads an order/quote body; field errors name the JSON path (lines[2].quantity).
std::vector<FieldError> OrderInputFromJson(const boost::json::object& o, OrderInput& in);

/// Inserts an order or quote inside `tx` from validated input: resolves products,
/// configurations and prices (unknown → InvalidArgument naming lines[i]...), checks the
/// promised date is not before the order date, assigns "SO-000123" / "QT-000123".
/// Returns the new id. Does not log; callers do.
Result<std::int64_t> InsertOrder(store::Tx& tx, const Env& env, const Actor& actor,
                                 const OrderInput& in);
/// Replaces header fields and (when no line has deliveries) the lines of order `id`.
Status UpdateOrderFromInput(store::Tx& tx, const Env& env, std::int64_t id, const OrderInput& in);
/// The order document: header, lines with fulfilments and Perfect Order components,
/// shipments. NotFound when absent.
Result<boost::json::object> LoadOrderJson(store::Tx& tx, std::int64_t id);

/// Creates an order or quote; the response carries "warnings": [] (e.g. credit limit).
Result<boost::json::object> CreateOrder(const Env& env, const Actor& actor,
                                        const boost::json::object& body,
                                        const std::optional<IdempotencyKey>& idem);
Result<boost::json::object> GetOrder(const Env& env, const Actor& actor, std::int64_t id);

struct OrderListQuery {
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> kind, status;
  std::string cursor;
  int limit = 50;
};
/// Newest first; portal users see only their own customer's orders.
/// The customer's latest `limit` orders (not quotes), newest first, as list rows: the
/// customer 360 shows them.
Result<boost::json::array> RecentOrdersJson(store::Tx& tx, std::int64_t customer_id, int limit);
Result<boost::json::object> ListOrders(const Env& env, const Actor& actor, const OrderListQuery& q);
/// Quote → order: kind order, number SO-…, ordered_at now (or body ordered_at), optional
/// new promised_date. Conflict when it is not a quote.
Result<boost::json::object> ConvertQuote(const Env& env, const Actor& actor, std::int64_t id,
                                         const boost::json::object& body);
/// Sets status "cancelled" (no deliveries yet) — Conflict otherwise.
Result<boost::json::object> CancelOrder(const Env& env, const Actor& actor, std::int64_t id);

struct DeliveryLine {
  std::int64_t line_id = 0;
  std::int64_t delivered = 0;
  std::optional<std::int64_t> shipped;  // default: the delivered quantity
  bool damaged = false, documents_ok = true;
};

struct Delivery {
  std::optional<std::string> delivery_id;  // the delivery key; default delivered_at
  std::optional<std::int64_t> shipment_id;
  Millis delivered_at = 0;
  std::optional<Millis> shipped_at;
  std::vector<DeliveryLine> lines;
};

struct DeliveryResult {
  std::string delivery_key;
  std::int64_t customer_id = 0, inserted = 0, posted = 0;
  boost::json::array lines;  // {line_id, fulfilment_id, posted, purchase_id?}
};

/// Applies `d` inside `tx` (see RecordDelivery); no change-log row (the caller's).
Result<DeliveryResult> ApplyDelivery(store::Tx& tx, const Env& env, const Actor& actor,
                                     std::int64_t order_id, const Delivery& d);

/// Records a delivery of some lines: {"delivery_id"?, "shipment_id"?, "delivered_at",
/// "shipped_at"?, "lines": [{"line_id", "delivered_quantity", "shipped_quantity"?,
/// "damaged"?, "documents_ok"?}]}. A line already recorded under the same delivery key
/// (delivery_id, else the delivered_at instant) is left as it is and posts nothing.
/// Delivered quantity beyond the ordered quantity is InvalidArgument.
Result<boost::json::object> RecordDelivery(const Env& env, const Actor& actor,
                                           std::int64_t order_id, const boost::json::object& body);

}  // namespace chaincrm::services
