// Reading order and quote bodies.

#include "services/json_util.h"
#include "services/order_service.h"
#include "services/sales_common.h"

namespace chaincrm::services {

namespace json = boost::json;

namespace {

void ReadLine(const json::value& v, const std::string& f, OrderInput& in,
              std::vector<FieldError>& errs) {
  if (!v.is_object()) {
    errs.push_back({f, "must be an object"});
    return;
  }
  JsonReader r(v.as_object(), f);
  r.Known({"product_id", "sku", "product_external_id", "configuration_id", "quantity", "unit_price",
           "discount_percent"});
  OrderLineInput l;
  l.product_id = r.Int("product_id");
  l.sku = r.Str("sku");
  l.product_external_id = r.Str("product_external_id");
  l.configuration_id = r.Int("configuration_id");
  if (auto q = r.Int("quantity")) {
    l.quantity = *q;
    if (*q <= 0) r.Error("quantity", "must be a positive whole number");
  } else if (!r.Has("quantity")) {
    r.Error("quantity", "is required");
  }
  l.unit_price = AmountField(r.Get("unit_price"), f + ".unit_price", errs);
  if (l.unit_price && *l.unit_price < 0) r.Error("unit_price", "must not be negative");
  l.discount_percent = r.Num("discount_percent").value_or(0);
  if (l.discount_percent < 0 || l.discount_percent > 100)
    r.Error("discount_percent", "must be between 0 and 100");
  if (!l.product_id && !l.sku && !l.product_external_id && !l.configuration_id)
    r.Error("product_id",
            "name the product (product_id, sku or product_external_id) or a "
            "configuration_id");
  for (auto& e : r.errors()) errs.push_back(e);
  in.lines.push_back(std::move(l));
}

std::optional<Millis> DateField(JsonReader& r, std::string_view key) {
  auto s = r.Str(key);
  if (!s) return std::nullopt;
  auto t = ParseTime(*s);
  if (!t) {
    r.Error(key, "must be a date (YYYY-MM-DD)");
    return std::nullopt;
  }
  return *t - ((*t % kMillisPerDay) + kMillisPerDay) % kMillisPerDay;
}

}  // namespace

std::vector<FieldError> OrderInputFromJson(const json::object& o, OrderInput& in) {
  JsonReader r(o);
  r.Known({"kind", "customer_id", "ordered_at", "promised_date", "carrier", "notes", "external_id",
           "status", "lines", "customer_external_id"});
  std::vector<FieldError> errs;
  if (auto k = r.Str("kind")) {
    in.kind = *k;
    if (*k != "order" && *k != "quote") r.Error("kind", "must be order or quote");
  }
  in.customer_id = r.Int("customer_id");
  if (const auto* ext = r.Get("customer_external_id"); ext && !ext->is_null()) {
    const auto* sys = ext->is_object() ? ext->as_object().if_contains("system") : nullptr;
    const auto* val = ext->is_object() ? ext->as_object().if_contains("value") : nullptr;
    if (sys && val && sys->is_string() && val->is_string()) {
      in.customer_external_id = {std::string(sys->as_string()), std::string(val->as_string())};
    } else {
      r.Error("customer_external_id", "must be {\"system\": ..., \"value\": ...}");
    }
  }
  if (!in.customer_id && !in.customer_external_id) r.Error("customer_id", "is required");
  in.ordered_at = r.Time("ordered_at");
  in.promised_at = DateField(r, "promised_date");
  in.carrier = r.Str("carrier");
  in.notes = r.Str("notes");
  in.external_id = r.Str("external_id");
  in.status = r.Str("status");
  if (in.status && *in.status != "open" && *in.status != "cancelled")
    r.Error("status", "may only be set to open or cancelled");
  if (in.carrier && in.carrier->size() > 100) r.Error("carrier", "must be at most 100 characters");
  const auto* lines = r.Get("lines");
  if (!lines || lines->is_null()) {
    r.Error("lines", "is required (at least one line)");
  } else if (!lines->is_array() || lines->as_array().empty()) {
    r.Error("lines", "must be a non-empty array");
  } else if (lines->as_array().size() > 500) {
    r.Error("lines", "at most 500 lines");
  } else {
    for (std::size_t i = 0; i < lines->as_array().size(); ++i)
      ReadLine(lines->as_array()[i], "lines[" + std::to_string(i) + "]", in, errs);
  }
  for (auto& e : r.errors()) errs.push_back(e);
  return errs;
}

}  // namespace chaincrm::services
