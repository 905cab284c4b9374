#include "store/customer_repository.h"

#include <algorithm>
#include <boost/json.hpp>
#include <unordered_map>

#include "core/text.h"
#include "store/bulk_insert.h"

namespace chaincrm::store {

namespace {

using domain::Customer;
using domain::CustomFieldDef;

constexpr std::string_view kCustomerColumns =
    "id, kind, name, status, roles, parent_id, owner_id, sector, employees, annual_revenue, "
    "revenue_currency, tax_id, birth_date, gender, income_band, measurements, notes, "
    "first_purchase_at, last_purchase_at, purchase_count, purchase_days, revenue_total, "
    "cost_total, version, created_at, updated_at, archived_at";

std::string JoinRoles(const std::vector<std::string>& roles) {
  // Stored as ",a,b," so that "contains ,a," is an exact role test on both backends.
  std::string s = ",";
  for (const auto& r : roles) s += r + ",";
  return roles.empty() ? "" : s;
}

std::vector<std::string> SplitRoles(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    auto end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string MeasurementsJson(const std::map<std::string, double>& m) {
  if (m.empty()) return "";
  boost::json::object o;
  for (const auto& [k, v] : m) o[k] = v;
  return boost::json::serialize(o);
}

std::map<std::string, double> ParseMeasurements(const std::string& s) {
  std::map<std::string, double> out;
  if (s.empty()) return out;
  boost::system::error_code ec;
  auto v = boost::json::parse(s, ec);
  if (ec || !v.is_object()) return out;
  for (const auto& [k, val] : v.as_object()) {
    if (val.is_number()) out[std::string(k)] = val.to_number<double>();
  }
  return out;
}

std::string ValuesSql(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s;
}

Params CustomerParams(const Customer& c) {
  const std::string country = c.addresses.empty() ? "" : c.addresses.front().country;
  const std::string city = c.addresses.empty() ? "" : c.addresses.front().city;
  auto opt_text = [](const std::string& s) { return s.empty() ? Null() : Value(s); };
  return {c.kind,
          c.name,
          FoldForSearch(c.name),
          c.status,
          JoinRoles(c.roles),
          OrNull(c.parent_id),
          OrNull(c.owner_id),
          OrNull(c.sector),
          OrNull(c.employees),
          OrNull(c.annual_revenue),
          OrNull(c.revenue_currency),
          OrNull(c.tax_id),
          c.tax_id ? Value(FoldForSearch(*c.tax_id)) : Null(),
          OrNull(c.birth_date),
          OrNull(c.gender),
          OrNull(c.income_band),
          opt_text(MeasurementsJson(c.measurements)),
          opt_text(country),
          opt_text(FoldForSearch(city)),
          OrNull(c.notes)};
}

// The child rows of customers (emails, phones, addresses, external ids, serials, tags,
// custom values), collected so that each table gets multi-row inserts.
class ChildRows {
 public:
  void Add(const Customer& c, const std::vector<CustomFieldDef>& defs) {
    const Value id = c.id;
    for (std::size_t i = 0; i < c.emails.size(); ++i) {
      const auto& e = c.emails[i];
      emails_.Add({id, static_cast<std::int64_t>(i), e.address, NormalizeEmail(e.address), e.label,
                   static_cast<std::int64_t>(e.primary)});
    }
    for (std::size_t i = 0; i < c.phones.size(); ++i) {
      const auto& p = c.phones[i];
      phones_.Add({id, static_cast<std::int64_t>(i), p.number, p.normalized,
                   ReversedDigits(p.normalized), p.label});
    }
    for (std::size_t i = 0; i < c.addresses.size(); ++i) {
      const auto& a = c.addresses[i];
      addresses_.Add({id, static_cast<std::int64_t>(i), a.label, a.line1, a.line2, a.city, a.region,
                      a.postal_code, a.country});
    }
    for (const auto& x : c.external_ids) {
      external_ids_.Add({id, x.system, x.value});
      external_names_.push_back(x.system + " " + x.value);
    }
    for (const auto& s : c.serials) {
      serials_.Add({std::string(Trim(s.serial)), id, s.product});
      serial_names_.push_back(s.serial);
    }
    for (const auto& t : c.tags) tags_.Add({id, t});
    for (const auto& [key, value] : c.custom) {
      auto def =
          std::find_if(defs.begin(), defs.end(), [&](const auto& d) { return d.key == key; });
      if (def == defs.end() || std::holds_alternative<std::monostate>(value)) continue;
      Value text = Null(), num = Null();
      if (const auto* b = std::get_if<bool>(&value)) {
        num = *b ? 1.0 : 0.0;
      } else if (const auto* d = std::get_if<double>(&value)) {
        num = *d;
      } else {
        text = std::get<std::string>(value);
      }
      custom_.Add({id, def->id, text, num});
    }
  }

  Status Flush(Tx& tx) {
    RETURN_IF_ERROR(emails_.Flush(tx));
    RETURN_IF_ERROR(phones_.Flush(tx));
    RETURN_IF_ERROR(addresses_.Flush(tx));
    RETURN_IF_ERROR(Owned(external_ids_.Flush(tx), "external_ids", "external id", external_names_));
    RETURN_IF_ERROR(Owned(serials_.Flush(tx), "serials", "serial", serial_names_));
    RETURN_IF_ERROR(tags_.Flush(tx));
    return custom_.Flush(tx);
  }

 private:
  // A unique key held by another customer names the value (or the values of a batch).
  static Status Owned(Status s, const char* field, const char* what,
                      const std::vector<std::string>& values) {
    if (s || s.error().code() != Code::kAlreadyExists) return s;
    std::string list;
    for (std::size_t i = 0; i < values.size() && i < 5; ++i) list += (i ? ", " : "") + values[i];
    return Fail(Error(Code::kAlreadyExists,
                      std::string(what) + " already belongs to another customer",
                      {{field, (values.size() == 1 ? "" : "one of ") + list +
                                   " already belongs to another customer"}}));
  }

  BulkValues emails_ = BulkInsert("customer_emails", {"customer_id", "position", "address",
                                                      "address_norm", "label", "is_primary"});
  BulkValues phones_ = BulkInsert(
      "customer_phones", {"customer_id", "position", "number", "normalized", "reversed", "label"});
  BulkValues addresses_ =
      BulkInsert("customer_addresses", {"customer_id", "position", "label", "line1", "line2",
                                        "city", "region", "postal_code", "country"});
  BulkValues external_ids_ =
      BulkInsert("customer_external_ids", {"customer_id", "system", "value"});
  BulkValues serials_ = BulkInsert("customer_serials", {"serial", "customer_id", "product"});
  BulkValues tags_ = BulkInsert("customer_tags", {"customer_id", "tag"});
  BulkValues custom_ =
      BulkInsert("customer_custom_values", {"customer_id", "field_id", "value_text", "value_num"});
  std::vector<std::string> external_names_, serial_names_;
};

Status WriteChildren(Tx& tx, const Customer& c, const std::vector<CustomFieldDef>& defs,
                     bool replace) {
  if (replace) {
    for (const char* table :
         {"customer_emails", "customer_phones", "customer_addresses", "customer_external_ids",
          "customer_serials", "customer_tags", "customer_custom_values"}) {
      RETURN_IF_ERROR(
          tx.Exec("DELETE FROM " + std::string(table) + " WHERE customer_id = ?", {c.id}));
    }
  }
  ChildRows rows;
  rows.Add(c, defs);
  return rows.Flush(tx);
}

Customer CustomerFromRow(const Row& r) {
  Customer c;
  c.id = r.Int(0);
  c.kind = r.Text(1);
  c.name = r.Text(2);
  c.status = r.Text(3);
  c.roles = SplitRoles(r.Text(4));
  c.parent_id = r.OptInt(5);
  c.owner_id = r.OptInt(6);
  c.sector = r.OptText(7);
  c.employees = r.OptInt(8);
  c.annual_revenue = r.OptInt(9);
  c.revenue_currency = r.OptText(10);
  c.tax_id = r.OptText(11);
  c.birth_date = r.OptText(12);
  c.gender = r.OptText(13);
  c.income_band = r.OptText(14);
  c.measurements = ParseMeasurements(r.Text(15));
  c.notes = r.OptText(16);
  c.stats.first_purchase_at = r.OptInt(17);
  c.stats.last_purchase_at = r.OptInt(18);
  c.stats.purchase_count = r.Int(19);
  c.stats.purchase_days = r.Int(20);
  c.stats.revenue_total = r.Int(21);
  c.stats.cost_total = r.Int(22);
  c.version = r.Int(23);
  c.created_at = r.Int(24);
  c.updated_at = r.Int(25);
  c.archived_at = r.OptInt(26);
  return c;
}

}  // namespace

Status InsertCustomer(Tx& tx, Customer& c, const std::vector<CustomFieldDef>& defs) {
  Params p = CustomerParams(c);
  p.push_back(c.created_at);
  p.push_back(c.updated_at);
  ASSIGN_OR_RETURN(Rows rows,
                   tx.Query("INSERT INTO customers (kind, name, name_folded, status, roles, "
                            "parent_id, owner_id, sector, employees, annual_revenue, "
                            "revenue_currency, tax_id, tax_id_norm, birth_date, gender, "
                            "income_band, measurements, country, city, notes, version, created_at, "
                            "updated_at) VALUES (" +
                                ValuesSql(20) + ", 1, ?, ?) RETURNING id",
                            p));
  c.id = rows.front().Int(0);
  c.version = 1;
  return WriteChildren(tx, c, defs, /*replace=*/false);
}

Status InsertCustomers(Tx& tx, std::vector<Customer>& cs, const std::vector<CustomFieldDef>& defs) {
  if (cs.empty()) return Ok();
  ASSIGN_OR_RETURN(const auto ids, tx.dialect().ReserveIds(tx, "customers", cs.size()));
  BulkValues rows =
      BulkInsert("customers", {"id",          "kind",         "name",           "name_folded",
                               "status",      "roles",        "parent_id",      "owner_id",
                               "sector",      "employees",    "annual_revenue", "revenue_currency",
                               "tax_id",      "tax_id_norm",  "birth_date",     "gender",
                               "income_band", "measurements", "country",        "city",
                               "notes",       "version",      "created_at",     "updated_at"});
  ChildRows children;
  for (std::size_t i = 0; i < cs.size(); ++i) {
    Customer& c = cs[i];
    c.id = ids[i];
    c.version = 1;
    Params p = CustomerParams(c);
    p.insert(p.begin(), c.id);
    p.push_back(std::int64_t{1});
    p.push_back(c.created_at);
    p.push_back(c.updated_at);
    rows.Add(std::move(p));
    children.Add(c, defs);
  }
  RETURN_IF_ERROR(rows.Flush(tx));
  return children.Flush(tx);
}

Status UpdateCustomer(Tx& tx, Customer& c, std::int64_t expected_version,
                      const std::vector<CustomFieldDef>& defs) {
  Params p = CustomerParams(c);
  p.push_back(c.updated_at);
  p.push_back(c.id);
  p.push_back(expected_version);
  ASSIGN_OR_RETURN(
      std::int64_t n,
      tx.Exec("UPDATE customers SET kind = ?, name = ?, name_folded = ?, status = ?, roles = ?, "
              "parent_id = ?, owner_id = ?, sector = ?, employees = ?, annual_revenue = ?, "
              "revenue_currency = ?, tax_id = ?, tax_id_norm = ?, birth_date = ?, gender = ?, "
              "income_band = ?, measurements = ?, country = ?, city = ?, notes = ?, "
              "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
              p));
  if (n == 0) return Fail(Error::Aborted("the customer was changed by someone else"));
  c.version = expected_version + 1;
  return WriteChildren(tx, c, defs, /*replace=*/true);
}

Status SetCustomerStatus(Tx& tx, std::int64_t id, bool archived, Millis now) {
  ASSIGN_OR_RETURN(
      std::int64_t n,
      tx.Exec("UPDATE customers SET status = ?, archived_at = ?, version = version + 1, "
              "updated_at = ? WHERE id = ?",
              {archived ? "archived" : "active", archived ? Value(now) : Null(), now, id}));
  if (n == 0) return Fail(Error::NotFound("customer not found"));
  return Ok();
}

Result<std::vector<Customer>> LoadCustomers(Tx& tx, const std::vector<std::int64_t>& ids,
                                            const std::vector<CustomFieldDef>& defs) {
  std::vector<Customer> out;
  if (ids.empty()) return out;
  Params p(ids.begin(), ids.end());
  const std::string in = " IN (" + ValuesSql(ids.size()) + ")";
  std::unordered_map<std::int64_t, std::size_t> index;
  ASSIGN_OR_RETURN(
      Rows rows,
      tx.Query("SELECT " + std::string(kCustomerColumns) + " FROM customers WHERE id" + in, p));
  for (const Row& r : rows) {
    index[r.Int(0)] = out.size();
    out.push_back(CustomerFromRow(r));
  }
  auto each = [&](const std::string& sql, auto&& fn) -> Status {
    return tx.ForEach(sql + in + " ORDER BY customer_id, position", p, [&](const Row& r) -> Status {
      auto it = index.find(r.Int(0));
      if (it != index.end()) fn(out[it->second], r);
      return Ok();
    });
  };
  RETURN_IF_ERROR(
      each("SELECT customer_id, address, label, is_primary FROM customer_emails WHERE customer_id",
           [](Customer& c, const Row& r) {
             c.emails.push_back({r.Text(1), r.Text(2), r.Int(3) != 0});
           }));
  RETURN_IF_ERROR(
      each("SELECT customer_id, number, label, normalized, position FROM customer_phones WHERE "
           "customer_id",
           [](Customer& c, const Row& r) {
             c.phones.push_back({r.Text(1), r.Text(2), r.Text(3)});
           }));
  RETURN_IF_ERROR(
      each("SELECT customer_id, label, line1, line2, city, region, postal_code, country, "
           "position FROM customer_addresses WHERE customer_id",
           [](Customer& c, const Row& r) {
             c.addresses.push_back(
                 {r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7)});
           }));
  // Tables without a position column: order by their key.
  auto each_keyed = [&](const std::string& sql, auto&& fn) -> Status {
    return tx.ForEach(sql, p, [&](const Row& r) -> Status {
      auto it = index.find(r.Int(0));
      if (it != index.end()) fn(out[it->second], r);
      return Ok();
    });
  };
  RETURN_IF_ERROR(
      each_keyed("SELECT customer_id, system, value FROM customer_external_ids WHERE customer_id" +
                     in + " ORDER BY system, value",
                 [](Customer& c, const Row& r) {
                   c.external_ids.push_back({r.Text(1), r.Text(2)});
                 }));
  RETURN_IF_ERROR(
      each_keyed("SELECT customer_id, serial, product FROM customer_serials WHERE customer_id" +
                     in + " ORDER BY serial",
                 [](Customer& c, const Row& r) {
                   c.serials.push_back({r.Text(1), r.Text(2)});
                 }));
  RETURN_IF_ERROR(each_keyed(
      "SELECT customer_id, tag FROM customer_tags WHERE customer_id" + in + " ORDER BY tag",
      [](Customer& c, const Row& r) { c.tags.push_back(r.Text(1)); }));
  RETURN_IF_ERROR(each_keyed(
      "SELECT customer_id, field_id, value_text, value_num FROM customer_custom_values WHERE "
      "customer_id" +
          in,
      [&](Customer& c, const Row& r) {
        auto def =
            std::find_if(defs.begin(), defs.end(), [&](const auto& d) { return d.id == r.Int(1); });
        if (def == defs.end()) return;
        if (def->type == "boolean") {
          c.custom[def->key] = r.Real(3) != 0;
        } else if (def->type == "number" || def->type == "integer") {
          c.custom[def->key] = r.Real(3);
        } else {
          c.custom[def->key] = r.Text(2);
        }
      }));
  std::vector<Customer> ordered;
  ordered.reserve(out.size());
  for (std::int64_t id : ids) {
    auto it = index.find(id);
    if (it != index.end()) ordered.push_back(std::move(out[it->second]));
  }
  return ordered;
}

Result<Customer> LoadCustomer(Tx& tx, std::int64_t id, const std::vector<CustomFieldDef>& defs) {
  ASSIGN_OR_RETURN(auto list, LoadCustomers(tx, {id}, defs));
  if (list.empty()) return Fail(Error::NotFound("customer " + std::to_string(id) + " not found"));
  return std::move(list.front());
}

Result<std::vector<CustomFieldDef>> LoadCustomFieldDefs(Tx& tx) {
  std::vector<CustomFieldDef> defs;
  RETURN_IF_ERROR(tx.ForEach(
      "SELECT id, entity, field_key, label, type, required, allowed_values FROM custom_fields "
      "ORDER BY id",
      {}, [&](const Row& r) -> Status {
        CustomFieldDef d;
        d.id = r.Int(0);
        d.entity = r.Text(1);
        d.key = r.Text(2);
        d.label = r.Text(3);
        d.type = r.Text(4);
        d.required = r.Int(5) != 0;
        boost::system::error_code ec;
        auto v = boost::json::parse(r.Text(6), ec);
        if (!ec && v.is_array()) {
          for (const auto& x : v.as_array())
            if (x.is_string()) d.allowed_values.emplace_back(x.as_string());
        }
        defs.push_back(std::move(d));
        return Ok();
      }));
  return defs;
}

namespace {
std::string AllowedJson(const CustomFieldDef& def) {
  boost::json::array a;
  for (const auto& v : def.allowed_values) a.emplace_back(v);
  return boost::json::serialize(a);
}
}  // namespace

Result<CustomFieldDef> InsertCustomFieldDef(Tx& tx, CustomFieldDef def, Millis now) {
  auto rows = tx.Query(
      "INSERT INTO custom_fields (entity, field_key, label, type, required, allowed_values, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {def.entity, def.key, def.label, def.type, static_cast<std::int64_t>(def.required),
       AllowedJson(def), now});
  if (!rows && rows.error().code() == Code::kAlreadyExists) {
    return Fail(Error(Code::kAlreadyExists, "custom field '" + def.key + "' already exists",
                      {{"key", "already exists"}}));
  }
  if (!rows) return Fail(rows.error());
  def.id = rows->front().Int(0);
  return def;
}

Status UpdateCustomFieldDef(Tx& tx, const CustomFieldDef& def) {
  ASSIGN_OR_RETURN(
      std::int64_t n,
      tx.Exec("UPDATE custom_fields SET label = ?, required = ?, allowed_values = ? "
              "WHERE id = ?",
              {def.label, static_cast<std::int64_t>(def.required), AllowedJson(def), def.id}));
  if (n == 0) return Fail(Error::NotFound("custom field not found"));
  return Ok();
}

Status DeleteCustomFieldDef(Tx& tx, std::int64_t id) {
  ASSIGN_OR_RETURN(std::int64_t n, tx.Exec("DELETE FROM custom_fields WHERE id = ?", {id}));
  if (n == 0) return Fail(Error::NotFound("custom field not found"));
  return Ok();
}

}  // namespace chaincrm::store
