// Import target "customers": a mapped row becomes the customer JSON of customer_json.h
// and goes through the same validation (CustomerFromJson) and repository writes as
// POST/PATCH /api/v1/customers. Existing customers are found by the import key.

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
#include "services/customer_json.h"
#include "services/customer_service.h"
#include "services/import_target.h"
#include "services/json_util.h"
#include "store/bulk_insert.h"
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
    ASSIGN_OR_RETURN(const std::string key, RowImportKey(ctx.key, row, "it is the import key"));
    ASSIGN_OR_RETURN(auto found, FindCustomersByImportKey(ctx.tx, ctx.key, {key}));
    ASSIGN_OR_RETURN(auto existing, OneCustomer(ctx.key, found[key]));
    ASSIGN_OR_RETURN(json::object patch, ToJson(row));
    std::vector<store::ChangeEntry> log;
    if (!existing) {
      std::string set = json::serialize(patch);
      ASSIGN_OR_RETURN(auto c, PlanCreate(ctx, std::move(patch)));
      RETURN_IF_ERROR(store::InsertCustomer(ctx.tx, c, defs_));
      log.push_back(Created(ctx, c, std::move(set)));
      RETURN_IF_ERROR(store::AppendChanges(ctx.tx, log));
      return RowResult{ImportOutcome::kCreated, ""};
    }
    if (!ctx.update_existing) return Exists(*existing);
    ASSIGN_OR_RETURN(auto stored, store::LoadCustomer(ctx.tx, *existing, defs_));
    ASSIGN_OR_RETURN(auto plan, PlanUpdate(ctx, stored, patch));
    if (!plan) return RowResult{ImportOutcome::kSkipped, "unchanged"};
    RETURN_IF_ERROR(WriteUpdate(ctx, *plan, log));
    RETURN_IF_ERROR(store::AppendChanges(ctx.tx, log));
    return RowResult{ImportOutcome::kUpdated, ""};
  }

  // The same steps for many rows: one key lookup, one load of the customers found, one
  // multi-row insert of the new ones and of their change-log entries.
  Result<std::vector<BatchOutcome>> ApplyBatch(TargetContext& ctx,
                                               const std::vector<BatchRow>& rows) override {
    std::vector<BatchOutcome> out(rows.size());
    std::vector<std::string> keys(rows.size());
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      auto key = RowImportKey(ctx.key, rows[i].row, "it is the import key");
      if (!key) {
        out[i] = Fail(key.error());
      } else if (seen.insert(*key).second) {
        keys[i] = std::move(*key);
      }  // else: a key seen earlier in the batch; applied alone after it
    }
    std::vector<std::string> lookup;
    for (const auto& k : keys)
      if (!k.empty()) lookup.push_back(k);
    ASSIGN_OR_RETURN(auto found, FindCustomersByImportKey(ctx.tx, ctx.key, lookup));

    std::vector<domain::Customer> creates;
    std::vector<std::string> created_fields;
    std::vector<std::size_t> create_rows;
    std::vector<std::pair<std::size_t, std::int64_t>> updates;  // row, customer id
    std::vector<json::object> patches(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (keys[i].empty()) continue;
      auto existing = OneCustomer(ctx.key, found[keys[i]]);
      auto patch = existing ? ToJson(rows[i].row) : Result<json::object>(Fail(existing.error()));
      if (!patch) {
        out[i] = Fail(patch.error());
      } else if (!*existing) {
        std::string set = json::serialize(*patch);
        auto c = PlanCreate(ctx, std::move(*patch));
        if (!c) {
          out[i] = Fail(c.error());
        } else {
          creates.push_back(std::move(*c));
          created_fields.push_back(std::move(set));
          create_rows.push_back(i);
        }
      } else if (!ctx.update_existing) {
        out[i] = Exists(**existing);
      } else {
        patches[i] = std::move(*patch);
        updates.emplace_back(i, **existing);
      }
    }

    std::vector<store::ChangeEntry> log;
    RETURN_IF_ERROR(store::InsertCustomers(ctx.tx, creates, defs_));
    for (std::size_t k = 0; k < creates.size(); ++k) {
      log.push_back(Created(ctx, creates[k], std::move(created_fields[k])));
      out[create_rows[k]] = RowResult{ImportOutcome::kCreated, ""};
    }
    std::vector<std::int64_t> ids;
    for (const auto& [_, id] : updates) ids.push_back(id);
    ASSIGN_OR_RETURN(auto stored, store::LoadCustomers(ctx.tx, ids, defs_));
    std::unordered_map<std::int64_t, const domain::Customer*> by_id;
    for (const auto& c : stored) by_id[c.id] = &c;
    for (const auto& [i, id] : updates) {
      const auto it = by_id.find(id);
      if (it == by_id.end()) {
        out[i] = std::nullopt;  // gone meanwhile: the row alone reports it
        continue;
      }
      auto plan = PlanUpdate(ctx, *it->second, patches[i]);
      if (!plan) {
        out[i] = Fail(plan.error());
      } else if (!*plan) {
        out[i] = RowResult{ImportOutcome::kSkipped, "unchanged"};
      } else {
        RETURN_IF_ERROR(WriteUpdate(ctx, **plan, log));
        out[i] = RowResult{ImportOutcome::kUpdated, ""};
      }
    }
    RETURN_IF_ERROR(store::AppendChanges(ctx.tx, log));
    return out;
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

  static RowResult Exists(std::int64_t id) {
    return {ImportOutcome::kSkipped, "customer " + std::to_string(id) + " exists"};
  }

  // A new customer from the row's fields, validated as POST /customers validates.
  Result<domain::Customer> PlanCreate(const TargetContext& ctx, json::object patch) const {
    domain::Customer c;
    if (!patch.contains("kind")) patch["kind"] = "person";
    RETURN_IF_ERROR(ErrorsToStatus(CustomerFromJson(patch, defs_, c)));
    if (ctx.actor.role == domain::Role::kSales && !c.owner_id) c.owner_id = ctx.actor.user_id;
    c.created_at = c.updated_at = ctx.env.clock.Now();
    return c;
  }

  // A stored customer with a row's fields merged in.
  struct Update {
    domain::Customer customer;
    std::int64_t version = 0;  // the stored version it replaces
    std::string before;        // the stored customer's JSON, for the change log
  };

  // The stored customer with the row's fields merged in, or none when nothing changes.
  Result<std::optional<Update>> PlanUpdate(const TargetContext& ctx, const domain::Customer& c,
                                           const json::object& row_patch) const {
    RETURN_IF_ERROR(CheckScope(ctx.actor, domain::Resource::kCustomers, domain::Action::kUpdate,
                               c.id, c.owner_id));
    json::object patch = row_patch;
    const json::object before = CustomerToJson(c, kAll, currency_);
    json::object merged = before;
    MergeLists(merged, patch);
    MergePatch(merged, patch);
    Update u{c, c.version, ""};
    RETURN_IF_ERROR(ErrorsToStatus(CustomerFromJson(merged, defs_, u.customer)));
    if (CustomerToJson(u.customer, kAll, currency_) == before) return std::optional<Update>();
    u.customer.updated_at = ctx.env.clock.Now();
    u.before = json::serialize(before);
    return std::optional<Update>(std::move(u));
  }

  Status WriteUpdate(const TargetContext& ctx, Update& u, std::vector<store::ChangeEntry>& log) {
    RETURN_IF_ERROR(store::UpdateCustomer(ctx.tx, u.customer, u.version, defs_));
    log.push_back(Change(ctx, u.customer, "update", std::move(u.before)));
    return Ok();
  }

  store::ChangeEntry Change(const TargetContext& ctx, const domain::Customer& c, const char* op,
                            std::string before) const {
    return Entry(ctx, c.id, op, std::move(before),
                 json::serialize(CustomerToJson(c, kAll, currency_)));
  }

  // A created customer's entry keeps the fields the row set (`set`, the row's JSON): what
  // its history shows, without the record's every empty field.
  store::ChangeEntry Created(const TargetContext& ctx, const domain::Customer& c,
                             std::string set) const {
    return Entry(ctx, c.id, "create", "", std::move(set));
  }

  static store::ChangeEntry Entry(const TargetContext& ctx, std::int64_t id, const char* op,
                                  std::string before, std::string after) {
    store::ChangeEntry e;
    e.at = ctx.env.clock.Now();
    e.actor = ctx.actor.Label();
    e.entity = "customer";
    e.entity_id = id;
    e.customer_id = id;
    e.op = op;
    e.before_json = std::move(before);
    e.after_json = std::move(after);
    e.request_id = ctx.source;
    return e;
  }

  std::vector<domain::CustomFieldDef> defs_;
  std::string currency_;
};

}  // namespace

Result<std::string> NormalizeImportKey(const ImportKey& k, const std::string& value) {
  if (k.kind == "email") {
    std::string norm = NormalizeEmail(value);
    if (norm.empty())
      return Fail(Error::InvalidArgument("bad", {{"email", "is not a valid email address"}}));
    return norm;
  }
  if (k.kind == "phone") {
    std::string norm = NormalizePhone(value);
    if (norm.empty())
      return Fail(Error::InvalidArgument("bad", {{"phone", "is not a phone number"}}));
    return norm;
  }
  if (k.kind == "tax_id") return FoldForSearch(value);
  return std::string(Trim(value));
}

Result<std::string> RowImportKey(const ImportKey& k, const MappedRow& row, std::string_view role) {
  const auto value = row.find(k.Field());
  if (value == row.end())
    return Fail(Error::InvalidArgument("no key", {{k.Field(), "is empty: " + std::string(role)}}));
  return NormalizeImportKey(k, value->second);
}

Result<std::unordered_map<std::string, std::vector<std::int64_t>>> FindCustomersByImportKey(
    store::Tx& tx, const ImportKey& k, const std::vector<std::string>& keys) {
  // (key, customer, system): external ids are looked up by value (indexed) and kept for
  // the key's system.
  std::string select;
  if (k.kind == "email") {
    select =
        "SELECT DISTINCT address_norm, customer_id, '' FROM customer_emails WHERE address_norm";
  } else if (k.kind == "phone") {
    select = "SELECT DISTINCT normalized, customer_id, '' FROM customer_phones WHERE normalized";
  } else if (k.kind == "tax_id") {
    select = "SELECT tax_id_norm, id, '' FROM customers WHERE tax_id_norm";
  } else {
    select = "SELECT value, customer_id, system FROM customer_external_ids WHERE value";
  }
  const std::string system = k.kind == "external_id" ? k.system : "";
  store::BulkValues in(select + " IN (", "?", ")", 1);
  for (const auto& key : keys) in.Add({key});
  std::unordered_map<std::string, std::vector<std::int64_t>> out;
  RETURN_IF_ERROR(in.Flush(tx, [&](const store::Row& r) {
    if (r.Text(2) != system) return;
    auto& ids = out[r.Text(0)];
    if (std::find(ids.begin(), ids.end(), r.Int(1)) == ids.end()) ids.push_back(r.Int(1));
  }));
  return out;
}

Result<std::optional<std::int64_t>> OneCustomer(const ImportKey& k,
                                                const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return std::optional<std::int64_t>();
  if (ids.size() > 1) {
    return Fail(Error::InvalidArgument(
        "ambiguous", {{k.Field(), "matches customers " + std::to_string(ids[0]) + " and " +
                                      std::to_string(ids[1])}}));
  }
  return std::optional<std::int64_t>(ids.front());
}

Result<std::optional<std::int64_t>> FindCustomerByImportKey(store::Tx& tx, const ImportKey& k,
                                                            const std::string& value) {
  ASSIGN_OR_RETURN(const std::string key, NormalizeImportKey(k, value));
  ASSIGN_OR_RETURN(auto found, FindCustomersByImportKey(tx, k, {key}));
  return OneCustomer(k, found[key]);
}

std::unique_ptr<ImportTarget> MakeCustomerImportTarget() {
  return std::make_unique<CustomerTarget>();
}

}  // namespace chaincrm::services
