#include "services/activity_json.h"

#include "services/json_util.h"

namespace chaincrm::services {

namespace json = boost::json;

json::object ContactToJson(const domain::Contact& c) {
  return {{"id", c.id},
          {"customer_id", c.customer_id},
          {"name", c.name},
          {"title", OptJson(c.title)},
          {"email", OptJson(c.email)},
          {"phone", OptJson(c.phone)},
          {"is_primary", c.is_primary},
          {"notes", OptJson(c.notes)},
          {"version", c.version},
          {"created_at", FormatTime(c.created_at)},
          {"updated_at", FormatTime(c.updated_at)}};
}

json::object InteractionToJson(const domain::Interaction& i) {
  json::array links;
  for (const auto& l : i.links) links.push_back(json::object{{"entity", l.entity}, {"id", l.id}});
  return {{"id", i.id},
          {"customer_id", i.customer_id},
          {"contact_id", OptJson(i.contact_id)},
          {"type", i.type},
          {"direction", i.direction},
          {"channel", i.channel},
          {"occurred_at", FormatTime(i.occurred_at)},
          {"subject", OptJson(i.subject)},
          {"body", OptJson(i.body)},
          {"links", std::move(links)},
          {"created_at", FormatTime(i.created_at)}};
}

json::object PurchaseToJson(const domain::Purchase& p) {
  return {{"id", p.id},
          {"customer_id", p.customer_id},
          {"occurred_at", FormatTime(p.occurred_at)},
          {"sku", OptJson(p.sku)},
          {"product", OptJson(p.product)},
          {"quantity", p.quantity},
          {"revenue", MoneyJson(p.revenue, p.currency)},
          {"cost", MoneyJson(p.cost, p.currency)},
          {"order_ref", OptJson(p.order_ref)},
          {"created_at", FormatTime(p.created_at)}};
}

std::vector<FieldError> ContactFromJson(const json::object& o, domain::Contact& c) {
  JsonReader r(o);
  r.Known({"id", "customer_id", "name", "title", "email", "phone", "is_primary", "notes", "version",
           "created_at", "updated_at"});
  if (r.Has("name")) c.name = r.Str("name").value_or("");
  if (r.Has("title")) c.title = r.Str("title");
  if (r.Has("email")) c.email = r.Str("email");
  if (r.Has("phone")) c.phone = r.Str("phone");
  if (r.Has("notes")) c.notes = r.Str("notes");
  if (r.Has("is_primary")) c.is_primary = r.Bool("is_primary").value_or(false);
  auto errs = std::move(r.errors());
  for (auto& e : domain::ValidateContact(c)) errs.push_back(std::move(e));
  return errs;
}

std::vector<FieldError> InteractionFromJson(const json::object& o, Millis now,
                                            domain::Interaction& i) {
  JsonReader r(o);
  r.Known({"customer_id", "contact_id", "type", "direction", "channel", "occurred_at", "subject",
           "body", "links"});
  i.customer_id = r.Int("customer_id").value_or(0);
  if (i.customer_id <= 0 && !r.Has("customer_id")) r.Error("customer_id", "is required");
  i.contact_id = r.Int("contact_id");
  i.type = r.Str("type").value_or("");
  i.direction = r.Str("direction").value_or("inbound");
  i.channel = r.Str("channel").value_or("");
  i.occurred_at = r.Time("occurred_at").value_or(now);
  i.subject = r.Str("subject");
  i.body = r.Str("body");
  if (const auto* links = r.Get("links"); links && links->is_array()) {
    for (const auto& l : links->as_array()) {
      if (l.is_object() && l.as_object().contains("entity") &&
          l.as_object().at("entity").is_string() && l.as_object().contains("id") &&
          l.as_object().at("id").is_int64()) {
        i.links.push_back({std::string(l.as_object().at("entity").as_string()),
                           l.as_object().at("id").as_int64()});
      } else {
        r.Error("links", "each link must be {\"entity\": \"...\", \"id\": 1}");
      }
    }
  } else if (links && !links->is_null()) {
    r.Error("links", "must be an array");
  }
  auto errs = std::move(r.errors());
  for (auto& e : domain::ValidateInteraction(i, now)) errs.push_back(std::move(e));
  return errs;
}

std::vector<FieldError> PurchaseFromJson(const json::object& o, Millis now, domain::Purchase& p) {
  JsonReader r(o);
  r.Known({"customer_id", "occurred_at", "sku", "product", "quantity", "revenue", "cost",
           "order_ref", "source_key"});
  p.customer_id = r.Int("customer_id").value_or(0);
  p.occurred_at = r.Time("occurred_at").value_or(now);
  p.sku = r.Str("sku");
  p.product = r.Str("product");
  p.quantity = r.Num("quantity").value_or(1);
  p.order_ref = r.Str("order_ref");
  p.source_key = r.Str("source_key");
  auto revenue = r.Money("revenue");
  if (!revenue && !r.Has("revenue")) r.Error("revenue", "is required");
  if (revenue) {
    p.revenue = revenue->first;
    p.currency = revenue->second;
  }
  if (auto cost = r.Money("cost")) {
    p.cost = cost->first;
    if (revenue && cost->second != revenue->second)
      r.Error("cost.currency", "must match the revenue currency");
  }
  auto errs = std::move(r.errors());
  if (revenue) {
    for (auto& e : domain::ValidatePurchase(p, now)) errs.push_back(std::move(e));
  }
  return errs;
}

}  // namespace chaincrm::services
