// Import target "customers": a mapped row becomes the customer JSON of customer_json.h
// and goes through the same validation (CustomerFromJson) and repository writes as
// POST/PATCH /api/v1/customers. Existing customers are found by the import key.

#include <algorithm>
#include <charconv>

#include "core/text.h"
#include "services/customer_json.h"
#include "services/customer_service.h"
#include "services/import_target.h"
#include "services/json_util.h"
#include "store/change_log.h"
#include "store/customer_repository.h"

namespace chaincrm::services {

namespace json = boost::json;

namespace {

constexpr domain::SensitiveVisibility kAll{true, true, true};

constexpr const char* kScalarFields[] = {"name",   "kind",       "sector",      "tax_id",
                                         "gender", "birth_date", "income_band", "notes"};
constexpr const char* kAddressParts[] = {"label",  "line1",       "line2",  "city",
                                         "region", "postal_code", "country"};

bool OneOf(std::string_view s, const auto& list) {
  for (const char* e : list)
    if (s == e) return true;
  return false;
}

std::vector<std::string> SplitList(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    const auto comma = s.find(',');
    const auto item = Trim(s.substr(0, comma));
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

Result<std::int64_t> Integer(const std::string& field, std::string_view s) {
  std::int64_t v = 0;
  const auto t = Trim(s);
  const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || p != t.data() + t.size())
    return Fail(Error::InvalidArgument(
        "bad", {{field, "'" + std::string(t.substr(0, 40)) + "' is not an integer"}}));
  return v;
}

// Custom values are typed by their definition: numbers and booleans leave the text form.
Result<json::value> CustomValue(const domain::CustomFieldDef& def, const std::string& field,
                                const std::string& text) {
  if (def.type == "number") {
    double d = 0;
    const auto t = Trim(text);
    const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), d);
    if (ec != std::errc() || p != t.data() + t.size())
      return Fail(
          Error::InvalidArgument("bad", {{field, "'" + text.substr(0, 40) + "' is not a number"}}));
    return json::value(d);
  }
  if (def.type == "integer") {
    ASSIGN_OR_RETURN(auto v, Integer(field, text));
    return json::value(v);
  }
  if (def.type == "boolean") {
    const std::string t = FoldForSearch(text);
    if (t == "true" || t == "yes" || t == "1") return json::value(true);
    if (t == "false" || t == "no" || t == "0") return json::value(false);
    return Fail(
        Error::InvalidArgument("bad", {{field, "'" + text.substr(0, 40) + "' is not a boolean"}}));
  }
  return json::value(text);
}

class CustomerTarget final : public ImportTarget {
 public:
  std::vector<FieldError> CheckFields(const ImportMapping& m, const ImportKey& key) const override {
    std::vector<FieldError> errs;
    auto check = [&](const std::string& field, const std::string& where) {
      if (!Known(field)) errs.push_back({where, "unknown customer field '" + field + "'"});
    };
    bool has_key = false;
    for (const auto& c : m.columns) {
      check(c.field, "columns." + c.column);
      has_key = has_key || c.field == key.Field();
    }
    for (const auto& [f, _] : m.constants) check(f, "constants." + f);
    if (key.kind == "sku" || (key.kind == "external_id" && key.system.empty()))
      errs.push_back({"key",
                      "customers are matched by email, phone, tax_id or "
                      "external_id:SYSTEM"});
    else if (!has_key)
      errs.push_back({"key", "no column is mapped to '" + key.Field() + "', the import key"});
    return errs;
  }

  Status Begin(store::Tx& tx) override {
    ASSIGN_OR_RETURN(defs_, store::LoadCustomFieldDefs(tx));
    ASSIGN_OR_RETURN(currency_, LedgerCurrencyOrDefault(tx));
    return Ok();
  }

  Result<RowResult> Apply(TargetContext& ctx, const MappedRow& row) override {
    const auto key_value = row.find(ctx.key.Field());
    if (key_value == row.end()) {
      return Fail(
          Error::InvalidArgument("no key", {{ctx.key.Field(), "is empty: it is the import key"}}));
    }
    ASSIGN_OR_RETURN(auto existing, FindCustomerByImportKey(ctx.tx, ctx.key, key_value->second));
    ASSIGN_OR_RETURN(json::object patch, ToJson(row));
    const Millis now = ctx.env.clock.Now();
    if (!existing) {
      domain::Customer c;
      if (!patch.contains("kind")) patch["kind"] = "person";
      RETURN_IF_ERROR(ErrorsToStatus(CustomerFromJson(patch, defs_, c)));
      if (ctx.actor.role == domain::Role::kSales && !c.owner_id) c.owner_id = ctx.actor.user_id;
      c.created_at = c.updated_at = now;
      RETURN_IF_ERROR(store::InsertCustomer(ctx.tx, c, defs_));
      RETURN_IF_ERROR(Log(ctx, c, "create", ""));
      return RowResult{ImportOutcome::kCreated, ""};
    }
    if (!ctx.update_existing)
      return RowResult{ImportOutcome::kSkipped,
                       "customer " + std::to_string(*existing) + " exists"};
    ASSIGN_OR_RETURN(auto c, store::LoadCustomer(ctx.tx, *existing, defs_));
    RETURN_IF_ERROR(CheckScope(ctx.actor, domain::Resource::kCustomers, domain::Action::kUpdate,
                               c.id, c.owner_id));
    const json::object before = CustomerToJson(c, kAll, currency_);
    json::object merged = before;
    MergeLists(merged, patch);
    MergePatch(merged, patch);
    domain::Customer updated = c;
    RETURN_IF_ERROR(ErrorsToStatus(CustomerFromJson(merged, defs_, updated)));
    if (CustomerToJson(updated, kAll, currency_) == before)
      return RowResult{ImportOutcome::kSkipped, "unchanged"};
    updated.updated_at = now;
    RETURN_IF_ERROR(store::UpdateCustomer(ctx.tx, updated, c.version, defs_));
    RETURN_IF_ERROR(Log(ctx, updated, "update", json::serialize(before)));
    return RowResult{ImportOutcome::kUpdated, ""};
  }

 private:
  bool Known(const std::string& f) const {
    if (OneOf(f, kScalarFields)) return true;
    if (f == "roles" || f == "tags" || f == "email" || f == "phone" || f == "employees" ||
        f == "given_name" || f == "family_name" || f == "parent_id" || f == "owner_id")
      return true;
    if (f.starts_with("address.")) return OneOf(std::string_view(f).substr(8), kAddressParts);
    if (f.starts_with("external_id.")) return f.size() > 12;
    return f.starts_with("custom.") && f.size() > 7;
  }

  Result<json::object> ToJson(const MappedRow& row) const {
    json::object o, address, custom;
    std::string given, family;
    for (const auto& [f, v] : row) {
      if (OneOf(f, kScalarFields)) {
        o[f] = v;
      } else if (f == "roles" || f == "tags") {
        json::array a;
        for (auto& s : SplitList(v)) a.emplace_back(s);
        o[f] = std::move(a);
      } else if (f == "email") {
        o["emails"] = json::array{json::object{{"address", v}}};
      } else if (f == "phone") {
        o["phones"] = json::array{json::object{{"number", v}}};
      } else if (f == "employees" || f == "parent_id" || f == "owner_id") {
        ASSIGN_OR_RETURN(auto n, Integer(f, v));
        o[f] = n;
      } else if (f == "given_name") {
        given = v;
      } else if (f == "family_name") {
        family = v;
      } else if (f.starts_with("address.")) {
        address[f.substr(8)] = v;
      } else if (f.starts_with("external_id.")) {
        o["external_ids"] = json::array{json::object{{"system", f.substr(12)}, {"value", v}}};
      } else if (f.starts_with("custom.")) {
        const std::string key = f.substr(7);
        const auto def =
            std::find_if(defs_.begin(), defs_.end(), [&](const auto& d) { return d.key == key; });
        if (def == defs_.end())
          return Fail(
              Error::InvalidArgument("bad", {{f, "no custom field '" + key + "' is defined"}}));
        ASSIGN_OR_RETURN(custom[key], CustomValue(*def, f, v));
      }
    }
    if (!o.contains("name") && (!given.empty() || !family.empty()))
      o["name"] = given.empty() ? family : family.empty() ? given : given + " " + family;
    if (!address.empty()) o["addresses"] = json::array{std::move(address)};
    if (!custom.empty()) o["custom"] = std::move(custom);
    return o;
  }

  // Lists in the patch add to the stored ones (a second email is kept, a known one is
  // not repeated) instead of replacing them; the first address is replaced.
  static void MergeLists(json::object& merged, json::object& patch) {
    for (const char* list : {"emails", "phones", "external_ids", "tags", "roles"}) {
      auto* add = patch.if_contains(list);
      auto* have = merged.if_contains(list);
      if (!add || !have || !have->is_array()) continue;
      json::array out = have->as_array();
      for (const auto& item : add->as_array()) {
        const bool known = std::any_of(out.begin(), out.end(), [&](const json::value& h) {
          if (item.is_string()) return h == item;
          const auto& io = item.as_object();
          const auto& ho = h.as_object();
          if (io.contains("address"))
            return NormalizeEmail(json::value_to<std::string>(io.at("address"))) ==
                   NormalizeEmail(json::value_to<std::string>(ho.at("address")));
          if (io.contains("number"))
            return NormalizePhone(json::value_to<std::string>(io.at("number"))) ==
                   NormalizePhone(json::value_to<std::string>(ho.at("number")));
          return io.at("system") == ho.at("system");  // one value per system
        });
        if (!known) out.push_back(item);
      }
      patch[list] = std::move(out);
    }
  }

  Status Log(TargetContext& ctx, const domain::Customer& c, const char* op,
             const std::string& before) {
    store::ChangeEntry e;
    e.at = ctx.env.clock.Now();
    e.actor = ctx.actor.Label();
    e.entity = "customer";
    e.entity_id = c.id;
    e.customer_id = c.id;
    e.op = op;
    e.before_json = before;
    e.after_json = json::serialize(CustomerToJson(c, kAll, currency_));
    e.request_id = ctx.source;
    RETURN_IF_ERROR(store::AppendChange(ctx.tx, e));
    return Ok();
  }

  std::vector<domain::CustomFieldDef> defs_;
  std::string currency_;
};

}  // namespace

Result<std::optional<std::int64_t>> FindCustomerByImportKey(store::Tx& tx, const ImportKey& k,
                                                            const std::string& value) {
  std::string sql;
  store::Params params;
  if (k.kind == "email") {
    const std::string norm = NormalizeEmail(value);
    if (norm.empty())
      return Fail(Error::InvalidArgument("bad", {{"email", "is not a valid email address"}}));
    sql = "SELECT DISTINCT customer_id FROM customer_emails WHERE address_norm = ?";
    params = {norm};
  } else if (k.kind == "phone") {
    const std::string norm = NormalizePhone(value);
    if (norm.empty())
      return Fail(Error::InvalidArgument("bad", {{"phone", "is not a phone number"}}));
    sql = "SELECT DISTINCT customer_id FROM customer_phones WHERE normalized = ?";
    params = {norm};
  } else if (k.kind == "tax_id") {
    sql = "SELECT id FROM customers WHERE tax_id_norm = ?";
    params = {FoldForSearch(value)};
  } else {
    sql = "SELECT customer_id FROM customer_external_ids WHERE system = ? AND value = ?";
    params = {k.system, std::string(Trim(value))};
  }
  ASSIGN_OR_RETURN(auto rows, tx.Query(sql + " LIMIT 2", params));
  if (rows.empty()) return std::optional<std::int64_t>();
  if (rows.size() > 1) {
    return Fail(Error::InvalidArgument(
        "ambiguous", {{k.Field(), "matches customers " + std::to_string(rows[0].Int(0)) + " and " +
                                      std::to_string(rows[1].Int(0))}}));
  }
  return std::optional<std::int64_t>(rows.front().Int(0));
}

std::unique_ptr<ImportTarget> MakeCustomerImportTarget() {
  return std::make_unique<CustomerTarget>();
}

}  // namespace chaincrm::services
