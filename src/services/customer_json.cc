#include "services/customer_json.h"

#include <set>

#include "core/money.h"
#include "services/json_util.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Customer;

json::object CustomerToJson(const Customer& c, const domain::SensitiveVisibility& vis,
                            const std::string& currency) {
  json::object o;
  o["id"] = c.id;
  o["kind"] = c.kind;
  o["name"] = c.name;
  o["status"] = c.status;
  json::array roles;
  for (const auto& r : c.roles) roles.emplace_back(r);
  o["roles"] = std::move(roles);
  o["parent_id"] = OptJson(c.parent_id);
  o["owner_id"] = OptJson(c.owner_id);
  o["sector"] = OptJson(c.sector);
  o["employees"] = OptJson(c.employees);
  o["annual_revenue"] =
      c.annual_revenue
          ? json::value(MoneyJson(*c.annual_revenue, c.revenue_currency.value_or(currency)))
          : json::value(nullptr);
  o["tax_id"] = OptJson(c.tax_id);
  if (vis.birth_date) o["birth_date"] = OptJson(c.birth_date);
  o["gender"] = OptJson(c.gender);
  if (vis.income_band) o["income_band"] = OptJson(c.income_band);
  if (vis.measurements) {
    json::object m;
    for (const auto& [k, v] : c.measurements) m[k] = v;
    o["measurements"] = std::move(m);
  }
  json::array emails, phones, addresses, ext, serials, tags;
  for (const auto& e : c.emails)
    emails.push_back(
        json::object{{"address", e.address}, {"label", e.label}, {"primary", e.primary}});
  for (const auto& p : c.phones)
    phones.push_back(
        json::object{{"number", p.number}, {"label", p.label}, {"normalized", p.normalized}});
  for (const auto& a : c.addresses) {
    addresses.push_back(json::object{{"label", a.label},
                                     {"line1", a.line1},
                                     {"line2", a.line2},
                                     {"city", a.city},
                                     {"region", a.region},
                                     {"postal_code", a.postal_code},
                                     {"country", a.country}});
  }
  for (const auto& x : c.external_ids)
    ext.push_back(json::object{{"system", x.system}, {"value", x.value}});
  for (const auto& s : c.serials)
    serials.push_back(json::object{{"serial", s.serial}, {"product", s.product}});
  for (const auto& t : c.tags) tags.emplace_back(t);
  o["emails"] = std::move(emails);
  o["phones"] = std::move(phones);
  o["addresses"] = std::move(addresses);
  o["external_ids"] = std::move(ext);
  o["serials"] = std::move(serials);
  o["tags"] = std::move(tags);
  json::object custom;
  for (const auto& [k, v] : c.custom) {
    if (const auto* b = std::get_if<bool>(&v)) {
      custom[k] = *b;
    } else if (const auto* d = std::get_if<double>(&v)) {
      custom[k] = *d;
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      custom[k] = *s;
    }
  }
  o["custom"] = std::move(custom);
  o["notes"] = OptJson(c.notes);
  o["stats"] = json::object{{"first_purchase_at", OptTime(c.stats.first_purchase_at)},
                            {"last_purchase_at", OptTime(c.stats.last_purchase_at)},
                            {"purchase_count", c.stats.purchase_count},
                            {"purchase_days", c.stats.purchase_days},
                            {"revenue_total", MoneyJson(c.stats.revenue_total, currency)},
                            {"cost_total", MoneyJson(c.stats.cost_total, currency)}};
  o["version"] = c.version;
  o["created_at"] = FormatTime(c.created_at);
  o["updated_at"] = FormatTime(c.updated_at);
  o["archived_at"] = OptTime(c.archived_at);
  return o;
}

namespace {

// Reads an array of objects (or plain strings, stored in `string_key`) element by element.
template <typename Fn>
void ReadArray(JsonReader& r, std::string_view key, Fn&& fn) {
  const auto* v = r.Get(key);
  if (!v || v->is_null()) return;
  if (!v->is_array()) {
    r.Error(key, "must be an array");
    return;
  }
  std::size_t i = 0;
  for (const auto& item : v->as_array()) {
    fn(item, r.Field(key) + "[" + std::to_string(i) + "]");
    ++i;
  }
}

std::vector<std::string> ReadStrings(JsonReader& r, std::string_view key) {
  std::vector<std::string> out;
  ReadArray(r, key, [&](const json::value& item, const std::string& field) {
    if (item.is_string()) {
      out.emplace_back(item.as_string());
    } else {
      r.errors().push_back({field, "must be a string"});
    }
  });
  return out;
}

}  // namespace

std::vector<FieldError> CustomerFromJson(const json::object& o,
                                         const std::vector<domain::CustomFieldDef>& defs,
                                         Customer& c) {
  JsonReader r(o);
  r.Known({"id",           "kind",        "name",         "status",         "roles",  "parent_id",
           "owner_id",     "sector",      "employees",    "annual_revenue", "tax_id", "birth_date",
           "gender",       "income_band", "measurements", "emails",         "phones", "addresses",
           "external_ids", "serials",     "tags",         "custom",         "notes",  "stats",
           "version",      "created_at",  "updated_at",   "archived_at"});
  if (r.Has("kind")) c.kind = r.Str("kind").value_or("");
  if (r.Has("name")) c.name = r.Str("name").value_or("");
  if (r.Has("roles")) c.roles = ReadStrings(r, "roles");
  if (r.Has("parent_id")) c.parent_id = r.Int("parent_id");
  if (r.Has("owner_id")) c.owner_id = r.Int("owner_id");
  if (r.Has("sector")) c.sector = r.Str("sector");
  if (r.Has("employees")) c.employees = r.Int("employees");
  if (r.Has("annual_revenue")) {
    auto m = r.Money("annual_revenue");
    c.annual_revenue = m ? std::optional(m->first) : std::nullopt;
    c.revenue_currency = m ? std::optional(m->second) : std::nullopt;
  }
  if (r.Has("tax_id")) c.tax_id = r.Str("tax_id");
  if (r.Has("birth_date")) c.birth_date = r.Str("birth_date");
  if (r.Has("gender")) c.gender = r.Str("gender");
  if (r.Has("income_band")) c.income_band = r.Str("income_band");
  if (r.Has("notes")) c.notes = r.Str("notes");
  if (r.Has("measurements")) {
    c.measurements.clear();
    const auto* m = r.Get("measurements");
    if (m->is_object()) {
      for (const auto& [k, v] : m->as_object()) {
        if (v.is_number()) {
          c.measurements[std::string(k)] = v.to_number<double>();
        } else if (!v.is_null()) {
          r.Error("measurements." + std::string(k), "must be a number (cm)");
        }
      }
    } else if (!m->is_null()) {
      r.Error("measurements", "must be an object of numbers");
    }
  }
  if (r.Has("emails")) {
    c.emails.clear();
    ReadArray(r, "emails", [&](const json::value& item, const std::string& field) {
      if (item.is_string()) {
        c.emails.push_back({std::string(item.as_string()), "", false});
      } else if (item.is_object()) {
        JsonReader e(item.as_object(), field);
        e.Known({"address", "label", "primary"});
        c.emails.push_back({e.Str("address").value_or(""), e.Str("label").value_or(""),
                            e.Bool("primary").value_or(false)});
        for (auto& x : e.errors()) r.errors().push_back(x);
      } else {
        r.errors().push_back({field, "must be an email address or {address, label}"});
      }
    });
  }
  if (r.Has("phones")) {
    c.phones.clear();
    ReadArray(r, "phones", [&](const json::value& item, const std::string& field) {
      if (item.is_string()) {
        c.phones.push_back({std::string(item.as_string()), "", ""});
      } else if (item.is_object()) {
        JsonReader p(item.as_object(), field);
        p.Known({"number", "label", "normalized"});
        c.phones.push_back({p.Str("number").value_or(""), p.Str("label").value_or(""), ""});
        for (auto& x : p.errors()) r.errors().push_back(x);
      } else {
        r.errors().push_back({field, "must be a phone number or {number, label}"});
      }
    });
  }
  if (r.Has("addresses")) {
    c.addresses.clear();
    ReadArray(r, "addresses", [&](const json::value& item, const std::string& field) {
      if (!item.is_object()) {
        r.errors().push_back({field, "must be an object"});
        return;
      }
      JsonReader a(item.as_object(), field);
      a.Known({"label", "line1", "line2", "city", "region", "postal_code", "country"});
      c.addresses.push_back({a.Str("label").value_or(""), a.Str("line1").value_or(""),
                             a.Str("line2").value_or(""), a.Str("city").value_or(""),
                             a.Str("region").value_or(""), a.Str("postal_code").value_or(""),
                             a.Str("country").value_or("")});
      for (auto& x : a.errors()) r.errors().push_back(x);
    });
  }
  if (r.Has("external_ids")) {
    c.external_ids.clear();
    ReadArray(r, "external_ids", [&](const json::value& item, const std::string& field) {
      if (!item.is_object()) {
        r.errors().push_back({field, "must be {system, value}"});
        return;
      }
      JsonReader x(item.as_object(), field);
      x.Known({"system", "value"});
      c.external_ids.push_back({x.Str("system").value_or(""), x.Str("value").value_or("")});
      for (auto& e : x.errors()) r.errors().push_back(e);
    });
  }
  if (r.Has("serials")) {
    c.serials.clear();
    ReadArray(r, "serials", [&](const json::value& item, const std::string& field) {
      if (item.is_string()) {
        c.serials.push_back({std::string(item.as_string()), ""});
        return;
      }
      if (!item.is_object()) {
        r.errors().push_back({field, "must be a serial or {serial, product}"});
        return;
      }
      JsonReader s(item.as_object(), field);
      s.Known({"serial", "product"});
      c.serials.push_back({s.Str("serial").value_or(""), s.Str("product").value_or("")});
      for (auto& e : s.errors()) r.errors().push_back(e);
    });
  }
  if (r.Has("tags")) c.tags = ReadStrings(r, "tags");
  if (r.Has("custom")) {
    const auto* v = r.Get("custom");
    if (v->is_object()) {
      for (const auto& [k, val] : v->as_object()) {
        const std::string key(k);
        if (val.is_null()) {
          c.custom.erase(key);
        } else if (val.is_bool()) {
          c.custom[key] = val.as_bool();
        } else if (val.is_number()) {
          c.custom[key] = val.to_number<double>();
        } else if (val.is_string()) {
          c.custom[key] = std::string(val.as_string());
        } else {
          r.Error("custom." + key, "must be a string, number or boolean");
        }
      }
    } else if (!v->is_null()) {
      r.Error("custom", "must be an object");
    }
  }
  auto errors = std::move(r.errors());
  for (auto& e : domain::ValidateCustomer(c)) errors.push_back(std::move(e));
  for (auto& e : domain::ValidateCustomValues(c.custom, defs)) errors.push_back(std::move(e));
  return errors;
}

void MergePatch(json::object& target, const json::object& patch) {
  for (const auto& [k, v] : patch) {
    if (v.is_null()) {
      // In a merge patch null removes a member; for a record it means "clear it".
      target[k] = nullptr;
    } else if (v.is_object() && target.contains(k) && target.at(k).is_object() && k != "custom" &&
               k != "measurements") {
      MergePatch(target[k].as_object(), v.as_object());
    } else if (v.is_object() && target.contains(k) && target.at(k).is_object()) {
      // custom and measurements merge key by key (null clears one key).
      auto& t = target[k].as_object();
      for (const auto& [ik, iv] : v.as_object()) t[ik] = iv;
    } else {
      target[k] = v;
    }
  }
}

json::array DiffObjects(const json::object& before, const json::object& after) {
  static const std::set<std::string> kIgnored = {"version", "updated_at", "stats"};
  json::array changes;
  std::set<std::string> keys;
  for (const auto& [k, v] : before) keys.insert(std::string(k));
  for (const auto& [k, v] : after) keys.insert(std::string(k));
  for (const auto& k : keys) {
    if (kIgnored.count(k)) continue;
    const json::value* b = before.if_contains(k);
    const json::value* a = after.if_contains(k);
    const json::value nv = nullptr;
    if (!b) b = &nv;
    if (!a) a = &nv;
    if (*a != *b) changes.push_back(json::object{{"field", k}, {"before", *b}, {"after", *a}});
  }
  return changes;
}

}  // namespace chaincrm::services
