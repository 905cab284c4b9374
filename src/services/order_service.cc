#include "services/order_service.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "analytics/perfect_order.h"
#include "core/money.h"
#include "services/credit.h"
#include "services/json_util.h"
#include "services/sales_common.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::Resource;
using store::Tx;

namespace {

constexpr const char* kOrderColumns =
    "id, kind, number, quote_number, customer_id, status, currency, total, ordered_at, "
    "promised_at, carrier, external_id, notes, version, created_at, updated_at";
constexpr std::int64_t kMaxQuantity = 1'000'000;

Millis DayOf(Millis t) { return t - ((t % kMillisPerDay) + kMillisPerDay) % kMillisPerDay; }

json::object HeaderJson(const store::Row& r) {
  const std::string currency = r.Text(6);
  json::object o{
      {"id", r.Int(0)},
      {"kind", r.Text(1)},
      {"number", OptJson(r.OptText(2))},
      {"quote_number", OptJson(r.OptText(3))},
      {"customer_id", r.Int(4)},
      {"status", r.Text(5)},
      {"total", MoneyJson(r.Int(7), currency)},
      {"ordered_at", OptTime(r.OptInt(8))},
      {"promised_date", r.IsNull(9) ? json::value(nullptr) : json::value(FormatDate(r.Int(9)))},
      {"carrier", OptJson(r.OptText(10))},
      {"external_id", OptJson(r.OptText(11))},
      {"notes", OptJson(r.OptText(12))},
      {"version", r.Int(13)},
      {"created_at", FormatTime(r.Int(14))},
      {"updated_at", FormatTime(r.Int(15))}};
  return o;
}

struct ResolvedLine {
  std::int64_t product_id = 0;
  std::optional<std::int64_t> configuration_id;
  std::string sku, description, currency;
  std::int64_t unit_price = 0, unit_cost = 0, lead_time_days = 0;
};

struct LineTotals {
  std::int64_t total = 0;
  std::string currency;
  std::int64_t lead_time_days = 0;  // the longest line's
};

Result<std::optional<ResolvedLine>> ResolveLine(Tx& tx, const OrderLineInput& l,
                                                std::int64_t customer_id, const std::string& f,
                                                std::vector<FieldError>& errs) {
  ResolvedLine out;
  std::optional<std::int64_t> product_id = l.product_id;
  if (l.configuration_id) {
    ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT product_id, customer_id, unit_price, unit_cost, "
                                         "currency, lead_time_days FROM configurations WHERE "
                                         "id = ?",
                                         {*l.configuration_id}));
    if (rows.empty() || rows.front().OptInt(1) != customer_id) {
      errs.push_back({f + ".configuration_id", "is not a configuration of this customer"});
      return std::optional<ResolvedLine>{};
    }
    product_id = rows.front().Int(0);
    out.configuration_id = l.configuration_id;
    out.unit_price = rows.front().Int(2);
    out.unit_cost = rows.front().Int(3);
    out.currency = rows.front().Text(4);
    out.lead_time_days = rows.front().Int(5);
  }
  store::Rows rows;
  std::string field = f + ".product_id";
  if (product_id) {
    ASSIGN_OR_RETURN(
        rows, tx.Query("SELECT id, sku, name, price, cost, currency, active, lead_time_days FROM "
                       "products WHERE id = ?",
                       {*product_id}));
  } else if (l.sku) {
    field = f + ".sku";
    ASSIGN_OR_RETURN(
        rows, tx.Query("SELECT id, sku, name, price, cost, currency, active, lead_time_days FROM "
                       "products WHERE sku = ?",
                       {*l.sku}));
  } else if (l.product_external_id) {
    field = f + ".product_external_id";
    ASSIGN_OR_RETURN(
        rows, tx.Query("SELECT id, sku, name, price, cost, currency, active, lead_time_days FROM "
                       "products WHERE external_id = ?",
                       {*l.product_external_id}));
  }
  if (rows.empty()) {
    errs.push_back({field, "is not a known product"});
    return std::optional<ResolvedLine>{};
  }
  const auto& p = rows.front();
  if (p.Int(6) == 0 && !l.configuration_id) {
    errs.push_back({field, "product " + p.Text(1) + " is not active"});
    return std::optional<ResolvedLine>{};
  }
  out.product_id = p.Int(0);
  out.sku = p.Text(1);
  out.description = p.Text(2) + (out.configuration_id ? " (configured)" : "");
  if (!out.configuration_id) {
    out.unit_price = p.Int(3);
    out.unit_cost = p.Int(4);
    out.currency = p.Text(5);
    out.lead_time_days = p.Int(7);
  }
  if (l.unit_price) out.unit_price = *l.unit_price;
  return std::optional(std::move(out));
}

Result<std::int64_t> ResolveCustomer(Tx& tx, const OrderInput& in) {
  if (in.customer_id) {
    ASSIGN_OR_RETURN(auto rows,
                     tx.Query("SELECT id FROM customers WHERE id = ?", {*in.customer_id}));
    if (rows.empty())
      return Fail(
          Error::InvalidArgument("unknown customer", {{"customer_id", "is not a customer"}}));
    return *in.customer_id;
  }
  ASSIGN_OR_RETURN(auto rows,
                   tx.Query("SELECT customer_id FROM customer_external_ids WHERE "
                            "system = ? AND value = ?",
                            {in.customer_external_id->first, in.customer_external_id->second}));
  if (rows.empty())
    return Fail(Error::InvalidArgument(
        "unknown customer", {{"customer_external_id", "no customer has this external id"}}));
  return rows.front().Int(0);
}

// Resolves and inserts the lines of `order_id`; returns the order total, currency and the
// longest lead time.
Result<LineTotals> InsertLines(Tx& tx, std::int64_t order_id, std::int64_t customer_id,
                               const OrderInput& in) {
  std::vector<FieldError> errs;
  std::vector<ResolvedLine> resolved;
  std::string currency;
  for (std::size_t i = 0; i < in.lines.size(); ++i) {
    const std::string f = "lines[" + std::to_string(i) + "]";
    if (in.lines[i].quantity > kMaxQuantity)
      errs.push_back({f + ".quantity", "must be at most 1000000"});
    ASSIGN_OR_RETURN(auto r, ResolveLine(tx, in.lines[i], customer_id, f, errs));
    if (!r) continue;
    if (currency.empty()) currency = r->currency;
    const double gross =
        static_cast<double>(in.lines[i].quantity) * static_cast<double>(r->unit_price);
    if (gross > 9e15) errs.push_back({f + ".quantity", "the line total is too large"});
    if (r->currency != currency)
      errs.push_back(
          {f + ".product_id", "is priced in " + r->currency + ", the order in " + currency});
    resolved.push_back(std::move(*r));
  }
  RETURN_IF_ERROR(ErrorsToStatus(std::move(errs)));
  LineTotals totals{0, currency, 0};
  for (std::size_t i = 0; i < resolved.size(); ++i) {
    const auto& r = resolved[i];
    const auto& l = in.lines[i];
    const double gross = static_cast<double>(l.quantity) * static_cast<double>(r.unit_price);
    const auto line_total =
        static_cast<std::int64_t>(std::llround(gross * (1.0 - l.discount_percent / 100.0)));
    totals.total += line_total;
    totals.lead_time_days = std::max(totals.lead_time_days, r.lead_time_days);
    RETURN_IF_ERROR(tx.Exec(
        "INSERT INTO order_lines (order_id, line_no, product_id, configuration_id, sku, "
        "description, quantity, unit_price, unit_cost, discount_percent, line_total) VALUES (?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {order_id, static_cast<std::int64_t>(i + 1), r.product_id,
         store::OrNull(r.configuration_id), r.sku, r.description, l.quantity, r.unit_price,
         r.unit_cost, l.discount_percent, line_total}));
  }
  return totals;
}

Status CheckPromised(std::optional<Millis> promised, Millis ordered) {
  if (promised && DayOf(*promised) < DayOf(ordered)) {
    return Fail(Error::InvalidArgument(
        "the promised date is before the order date",
        {{"promised_date", "must not be before the order date (" + FormatDate(ordered) + ")"}}));
  }
  return Ok();
}

Status CheckOrderScope(Tx& tx, const Actor& actor, Action a, std::int64_t order_id,
                       std::int64_t& customer_id) {
  ASSIGN_OR_RETURN(auto r, tx.QueryOne("SELECT customer_id FROM orders WHERE id = ?", {order_id},
                                       "order " + std::to_string(order_id) + " not found"));
  customer_id = r.Int(0);
  return CheckCustomerAccess(tx, actor, Resource::kOrders, a, customer_id);
}

}  // namespace

Result<std::int64_t> InsertOrder(Tx& tx, const Env& env, const Actor& actor, const OrderInput& in) {
  ASSIGN_OR_RETURN(const std::int64_t customer_id, ResolveCustomer(tx, in));
  const Millis now = env.clock.Now();
  const bool quote = in.kind == "quote";
  const std::optional<Millis> ordered =
      quote ? std::nullopt : std::optional(in.ordered_at.value_or(now));
  RETURN_IF_ERROR(CheckPromised(in.promised_at, ordered.value_or(now)));
  ASSIGN_OR_RETURN(
      auto rows,
      tx.Query("INSERT INTO orders (kind, customer_id, status, currency, total, ordered_at, "
               "promised_at, carrier, external_id, notes, created_by, version, created_at, "
               "updated_at) VALUES (?, ?, ?, 'XXX', 0, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
               {in.kind, customer_id, std::string(quote ? "draft" : in.status.value_or("open")),
                store::OrNull(ordered), store::OrNull(in.promised_at), store::OrNull(in.carrier),
                store::OrNull(in.external_id), store::OrNull(in.notes), actor.Label(), now, now}));
  const std::int64_t id = rows.front().Int(0);
  ASSIGN_OR_RETURN(auto totals, InsertLines(tx, id, customer_id, in));
  // Without a promised date an order promises its longest line's lead time.
  std::optional<Millis> promised = in.promised_at;
  if (!quote && !promised) promised = DayOf(*ordered) + totals.lead_time_days * kMillisPerDay;
  RETURN_IF_ERROR(tx.Exec(std::string("UPDATE orders SET ") + (quote ? "quote_number" : "number") +
                              " = ?, total = ?, currency = ?, promised_at = ? WHERE id = ?",
                          {RecordNumber(quote ? "QT" : "SO", id), totals.total, totals.currency,
                           store::OrNull(promised), id}));
  return id;
}

Status UpdateOrderFromInput(Tx& tx, const Env& env, std::int64_t id, const OrderInput& in) {
  ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT kind, ordered_at, customer_id FROM orders "
                                         "WHERE id = ?",
                                         {id}, "order " + std::to_string(id) + " not found"));
  const Millis ordered = in.ordered_at.value_or(row.OptInt(1).value_or(env.clock.Now()));
  RETURN_IF_ERROR(CheckPromised(in.promised_at, ordered));
  ASSIGN_OR_RETURN(auto delivered,
                   tx.Query("SELECT COUNT(*) FROM fulfilments WHERE order_id = ?", {id}));
  std::optional<LineTotals> totals;
  if (delivered.front().Int(0) == 0) {
    RETURN_IF_ERROR(tx.Exec("DELETE FROM order_lines WHERE order_id = ?", {id}));
    ASSIGN_OR_RETURN(totals, InsertLines(tx, id, row.Int(2), in));
  }
  RETURN_IF_ERROR(tx.Exec(
      "UPDATE orders SET ordered_at = ?, promised_at = COALESCE(?, promised_at), carrier = ?, "
      "notes = ?, "
      "status = COALESCE(?, status), total = COALESCE(?, total), currency = COALESCE(?, "
      "currency), version = version + 1, updated_at = ? WHERE id = ?",
      {row.Text(0) == "quote" ? store::OrNull(in.ordered_at) : store::Value(ordered),
       store::OrNull(in.promised_at), store::OrNull(in.carrier), store::OrNull(in.notes),
       store::OrNull(in.status), totals ? store::Value(totals->total) : store::Null(),
       totals ? store::Value(totals->currency) : store::Null(), env.clock.Now(), id}));
  return Ok();
}

Result<json::object> LoadOrderJson(Tx& tx, std::int64_t id) {
  ASSIGN_OR_RETURN(auto h,
                   tx.QueryOne(std::string("SELECT ") + kOrderColumns + " FROM orders WHERE id = ?",
                               {id}, "order " + std::to_string(id) + " not found"));
  json::object o = HeaderJson(h);
  const std::string currency = h.Text(6);
  const Millis ordered = h.OptInt(8).value_or(0);
  const std::optional<Millis> promised = h.OptInt(9);
  struct Line {
    json::object json;
    analytics::LineDelivery facts;
    json::array fulfilments;
  };
  std::vector<Line> lines;
  std::map<std::int64_t, std::size_t> index;
  RETURN_IF_ERROR(tx.ForEach(
      "SELECT id, line_no, product_id, configuration_id, sku, description, quantity, unit_price, "
      "discount_percent, line_total FROM order_lines WHERE order_id = ? ORDER BY line_no",
      {id}, [&](const store::Row& r) -> Status {
        index[r.Int(0)] = lines.size();
        Line l;
        l.json = {{"id", r.Int(0)},
                  {"line_no", r.Int(1)},
                  {"product_id", r.Int(2)},
                  {"configuration_id", OptJson(r.OptInt(3))},
                  {"sku", r.Text(4)},
                  {"description", r.Text(5)},
                  {"quantity", r.Int(6)},
                  {"unit_price", MoneyJson(r.Int(7), currency)},
                  {"discount_percent", r.Real(8)},
                  {"line_total", MoneyJson(r.Int(9), currency)}};
        l.facts = {id, ordered, promised.value_or(0), r.Int(6), 0, 0, std::nullopt, false, true};
        lines.push_back(std::move(l));
        return Ok();
      }));
  RETURN_IF_ERROR(tx.ForEach(
      "SELECT id, order_line_id, shipment_id, delivery_key, shipped_quantity, shipped_at, "
      "delivered_quantity, delivered_at, damaged, documents_ok FROM fulfilments WHERE order_id "
      "= ? ORDER BY delivered_at, id",
      {id}, [&](const store::Row& r) -> Status {
        auto it = index.find(r.Int(1));
        if (it == index.end()) return Ok();
        Line& l = lines[it->second];
        if (!l.facts.last_delivered_at) l.facts.first_delivery_quantity = r.Int(6);
        l.facts.delivered_quantity += r.Int(6);
        l.facts.last_delivered_at = r.Int(7);
        l.facts.damaged = l.facts.damaged || r.Int(8) != 0;
        l.facts.documents_ok = l.facts.documents_ok && r.Int(9) != 0;
        l.fulfilments.push_back({{"id", r.Int(0)},
                                 {"shipment_id", OptJson(r.OptInt(2))},
                                 {"delivery_key", r.Text(3)},
                                 {"shipped_quantity", r.Int(4)},
                                 {"shipped_at", OptTime(r.OptInt(5))},
                                 {"delivered_quantity", r.Int(6)},
                                 {"delivered_at", FormatTime(r.Int(7))},
                                 {"damaged", r.Int(8) != 0},
                                 {"documents_ok", r.Int(9) != 0}});
        return Ok();
      }));
  json::array out_lines;
  std::vector<analytics::LineDelivery> facts;
  for (auto& l : lines) {
    l.json["delivered_quantity"] = l.facts.delivered_quantity;
    l.json["fulfilments"] = std::move(l.fulfilments);
    if (l.facts.last_delivered_at && promised) {
      const auto c = analytics::EvaluateLine(l.facts);
      l.json["perfect_order"] = {{"on_time", c.on_time},
                                 {"in_full", c.in_full},
                                 {"damage_free", c.damage_free},
                                 {"documentation", c.documentation},
                                 {"perfect", c.Perfect()}};
    } else {
      l.json["perfect_order"] = nullptr;
    }
    if (promised) facts.push_back(l.facts);
    out_lines.push_back(std::move(l.json));
  }
  o["lines"] = std::move(out_lines);
  if (auto s = analytics::SummarizePerfectOrder(facts)) {
    o["perfect_order"] = {{"lines", s->lines},
                          {"perfect_lines", s->perfect_lines},
                          {"perfect", s->perfect_orders == 1},
                          {"on_time", s->on_time_lines == s->lines},
                          {"in_full", s->in_full_lines == s->lines},
                          {"damage_free", s->damage_free_lines == s->lines},
                          {"documentation", s->documentation_lines == s->lines}};
  } else {
    o["perfect_order"] = nullptr;
  }
  json::array shipments;
  RETURN_IF_ERROR(tx.ForEach(
      "SELECT id, number, carrier, tracking_number, status FROM shipments WHERE order_id = ? "
      "ORDER BY id",
      {id}, [&](const store::Row& r) -> Status {
        shipments.push_back({{"id", r.Int(0)},
                             {"number", r.Text(1)},
                             {"carrier", r.Text(2)},
                             {"tracking_number", OptJson(r.OptText(3))},
                             {"status", r.Text(4)}});
        return Ok();
      }));
  o["shipments"] = std::move(shipments);
  return o;
}

Result<json::object> CreateOrder(const Env& env, const Actor& actor, const json::object& body,
                                 const std::optional<IdempotencyKey>& idem) {
  OrderInput in;
  RETURN_IF_ERROR(ErrorsToStatus(OrderInputFromJson(body, in)));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto replay, FindReplay(tx, actor, idem));
    if (replay) {
      out = std::move(*replay);
      return Ok();
    }
    if (in.customer_id)
      RETURN_IF_ERROR(
          CheckCustomerAccess(tx, actor, Resource::kOrders, Action::kCreate, *in.customer_id));
    ASSIGN_OR_RETURN(const std::int64_t id, InsertOrder(tx, env, actor, in));
    ASSIGN_OR_RETURN(out, LoadOrderJson(tx, id));
    RETURN_IF_ERROR(LogSalesChange(tx, env, actor, "order", id, out.at("customer_id").as_int64(),
                                   "create", "", out));
    // Checks that only warn (e.g. a credit limit the order would exceed) append here.
    json::array warnings;
    ASSIGN_OR_RETURN(auto totals,
                     tx.Query("SELECT total, currency FROM orders WHERE id = ?", {id}));
    ASSIGN_OR_RETURN(auto credit, CreditWarning(tx, out.at("customer_id").as_int64(),
                                                totals.front().Int(0), totals.front().Text(1)));
    if (credit) warnings.push_back(std::move(*credit));
    out["warnings"] = std::move(warnings);
    return SaveReplay(tx, actor, idem, 201, out, env.clock.Now());
  }));
  return out;
}

Result<json::object> GetOrder(const Env& env, const Actor& actor, std::int64_t id) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    std::int64_t customer_id = 0;
    RETURN_IF_ERROR(CheckOrderScope(tx, actor, Action::kRead, id, customer_id));
    ASSIGN_OR_RETURN(out, LoadOrderJson(tx, id));
    return Ok();
  }));
  return out;
}

Result<json::array> RecentOrdersJson(Tx& tx, std::int64_t customer_id, int limit) {
  ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kOrderColumns +
                                           " FROM orders WHERE customer_id = ? AND kind = "
                                           "'order' ORDER BY id DESC LIMIT ?",
                                       {customer_id, std::int64_t{limit}}));
  json::array out;
  for (const auto& r : rows) out.push_back(HeaderJson(r));
  return out;
}

Result<json::object> ListOrders(const Env& env, const Actor& actor, const OrderListQuery& q) {
  RETURN_IF_ERROR(CheckListLimit(q.limit));
  ASSIGN_OR_RETURN(auto before, ParseIdCursor(q.cursor));
  const auto scope = domain::Allowed(actor.role, Resource::kOrders, Action::kRead);
  if (scope == domain::Scope::kNone) return Fail(Error::PermissionDenied("your role may not"));
  std::optional<std::int64_t> customer_id = q.customer_id;
  if (scope == domain::Scope::kSelf) {
    if (customer_id && customer_id != actor.customer_id)
      return Fail(Error::NotFound("customer " + std::to_string(*customer_id) + " not found"));
    customer_id = actor.customer_id.value_or(-1);
  }
  std::string sql = std::string("SELECT ") + kOrderColumns + " FROM orders WHERE id < ?";
  store::Params params{before.value_or(INT64_MAX)};
  if (customer_id) {
    sql += " AND customer_id = ?";
    params.push_back(*customer_id);
  }
  if (q.kind) {
    sql += " AND kind = ?";
    params.push_back(*q.kind);
  }
  if (q.status) {
    sql += " AND status = ?";
    params.push_back(*q.status);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.push_back(std::int64_t{q.limit} + 1);
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto rows, tx.Query(sql, params));
    const bool more = rows.size() > static_cast<std::size_t>(q.limit);
    if (more) rows.pop_back();
    json::array data;
    for (const auto& r : rows) data.push_back(HeaderJson(r));
    out["data"] = std::move(data);
    out["next_cursor"] =
        more ? json::value(std::to_string(rows.back().Int(0))) : json::value(nullptr);
    return Ok();
  }));
  return out;
}

Result<json::object> ConvertQuote(const Env& env, const Actor& actor, std::int64_t id,
                                  const json::object& body) {
  JsonReader r(body);
  r.Known({"ordered_at", "promised_date"});
  const auto ordered_at = r.Time("ordered_at");
  std::optional<Millis> promised;
  if (auto s = r.Str("promised_date")) {
    if (auto t = ParseTime(*s)) {
      promised = DayOf(*t);
    } else {
      r.Error("promised_date", "must be a date (YYYY-MM-DD)");
    }
  }
  RETURN_IF_ERROR(ErrorsToStatus(r.errors()));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    std::int64_t customer_id = 0;
    RETURN_IF_ERROR(CheckOrderScope(tx, actor, Action::kUpdate, id, customer_id));
    ASSIGN_OR_RETURN(auto before, LoadOrderJson(tx, id));
    if (before.at("kind").as_string() != "quote" || before.at("status").as_string() != "draft")
      return Fail(Error::Aborted("only a draft quote can be converted to an order"));
    const Millis ordered = ordered_at.value_or(env.clock.Now());
    ASSIGN_OR_RETURN(auto row,
                     tx.QueryOne("SELECT promised_at FROM orders WHERE id = ?", {id}, "order"));
    const std::optional<Millis> p = promised ? promised : row.OptInt(0);
    RETURN_IF_ERROR(CheckPromised(p, ordered));
    RETURN_IF_ERROR(
        tx.Exec("UPDATE orders SET kind = 'order', status = 'open', number = ?, "
                "ordered_at = ?, promised_at = ?, version = version + 1, updated_at "
                "= ? WHERE id = ?",
                {RecordNumber("SO", id), ordered, store::OrNull(p), env.clock.Now(), id}));
    ASSIGN_OR_RETURN(out, LoadOrderJson(tx, id));
    RETURN_IF_ERROR(LogSalesChange(tx, env, actor, "order", id, customer_id, "convert",
                                   json::serialize(before), out));
    out["warnings"] = json::array();
    return Ok();
  }));
  return out;
}

Result<json::object> CancelOrder(const Env& env, const Actor& actor, std::int64_t id) {
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    std::int64_t customer_id = 0;
    RETURN_IF_ERROR(CheckOrderScope(tx, actor, Action::kUpdate, id, customer_id));
    ASSIGN_OR_RETURN(auto before, LoadOrderJson(tx, id));
    ASSIGN_OR_RETURN(auto n, tx.Query("SELECT COUNT(*) FROM fulfilments WHERE order_id = ?", {id}));
    if (n.front().Int(0) > 0)
      return Fail(Error::Aborted("the order has deliveries and cannot be cancelled"));
    RETURN_IF_ERROR(
        tx.Exec("UPDATE orders SET status = 'cancelled', version = version + 1, "
                "updated_at = ? WHERE id = ?",
                {env.clock.Now(), id}));
    ASSIGN_OR_RETURN(out, LoadOrderJson(tx, id));
    return LogSalesChange(tx, env, actor, "order", id, customer_id, "cancel",
                          json::serialize(before), out);
  }));
  return out;
}

}  // namespace chaincrm::services
