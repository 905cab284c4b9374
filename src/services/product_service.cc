#include "services/product_service.h"

#include <map>

#include "services/customer_json.h"
#include "services/json_util.h"
#include "services/sales_common.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::GroupKind;
using domain::Resource;
using store::Tx;

namespace {

constexpr const char* kProductColumns =
    "id, sku, name, description, price, cost, currency, lead_time_days, external_id, active, "
    "version, created_at, updated_at";

Product ProductFromRow(const store::Row& r) {
  Product p;
  p.id = r.Int(0);
  p.sku = r.Text(1);
  p.name = r.Text(2);
  p.description = r.OptText(3);
  p.model.price = r.Int(4);
  p.model.cost = r.Int(5);
  p.currency = r.Text(6);
  p.model.lead_time_days = r.Int(7);
  p.external_id = r.OptText(8);
  p.active = r.Int(9) != 0;
  p.version = r.Int(10);
  p.created_at = r.Int(11);
  p.updated_at = r.Int(12);
  return p;
}

std::vector<std::string> SplitCodes(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const auto comma = s.find(',', start);
    const auto end = comma == std::string::npos ? s.size() : comma;
    if (end > start) out.push_back(s.substr(start, end - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

Status LoadModel(Tx& tx, Product& p) {
  std::map<std::int64_t, std::size_t> group_index;
  RETURN_IF_ERROR(tx.ForEach(
      "SELECT id, code, name, kind, required, min_value, max_value FROM product_option_groups "
      "WHERE product_id = ? ORDER BY position",
      {p.id}, [&](const store::Row& r) -> Status {
        domain::OptionGroup g;
        g.code = r.Text(1);
        g.name = r.Text(2);
        g.kind = r.Text(3) == "measurement" ? GroupKind::kMeasurement : GroupKind::kChoice;
        g.required = r.Int(4) != 0;
        if (!r.IsNull(5)) g.min = r.Real(5);
        if (!r.IsNull(6)) g.max = r.Real(6);
        group_index[r.Int(0)] = p.model.groups.size();
        p.model.groups.push_back(std::move(g));
        return Ok();
      }));
  RETURN_IF_ERROR(
      tx.ForEach("SELECT group_id, code, name, price_delta, cost_delta, lead_time_delta_days FROM "
                 "product_options WHERE product_id = ? ORDER BY group_id, position",
                 {p.id}, [&](const store::Row& r) -> Status {
                   auto it = group_index.find(r.Int(0));
                   if (it == group_index.end()) return Ok();
                   p.model.groups[it->second].options.push_back(
                       {r.Text(1), r.Text(2), r.Int(3), r.Int(4), r.Int(5)});
                   return Ok();
                 }));
  return tx.ForEach(
      "SELECT name, kind, if_group, if_option, then_group, then_options FROM product_rules "
      "WHERE product_id = ? ORDER BY position",
      {p.id}, [&](const store::Row& r) -> Status {
        domain::ConfigRule rule;
        rule.name = r.Text(0);
        rule.kind = domain::ParseRuleKind(r.Text(1)).value_or(domain::RuleKind::kExcludes);
        rule.if_group = r.Text(2);
        rule.if_option = r.Text(3);
        rule.then_group = r.Text(4);
        rule.then_options = SplitCodes(r.Text(5));
        p.model.rules.push_back(std::move(rule));
        return Ok();
      });
}

Status SaveModel(Tx& tx, const Product& p) {
  RETURN_IF_ERROR(tx.Exec("DELETE FROM product_options WHERE product_id = ?", {p.id}));
  RETURN_IF_ERROR(tx.Exec("DELETE FROM product_option_groups WHERE product_id = ?", {p.id}));
  RETURN_IF_ERROR(tx.Exec("DELETE FROM product_rules WHERE product_id = ?", {p.id}));
  std::int64_t pos = 0;
  for (const auto& g : p.model.groups) {
    ASSIGN_OR_RETURN(
        auto rows,
        tx.Query("INSERT INTO product_option_groups (product_id, position, code, name, kind, "
                 "required, min_value, max_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {p.id, pos++, g.code, g.name,
                  std::string(g.kind == GroupKind::kChoice ? "choice" : "measurement"),
                  std::int64_t{g.required}, store::OrNull(g.min), store::OrNull(g.max)}));
    const std::int64_t gid = rows.front().Int(0);
    std::int64_t opos = 0;
    for (const auto& o : g.options) {
      RETURN_IF_ERROR(tx.Exec(
          "INSERT INTO product_options (group_id, product_id, position, code, name, price_delta, "
          "cost_delta, lead_time_delta_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          {gid, p.id, opos++, o.code, o.name, o.price_delta, o.cost_delta,
           o.lead_time_delta_days}));
    }
  }
  pos = 0;
  for (const auto& r : p.model.rules) {
    std::string then;
    for (const auto& o : r.then_options) then += (then.empty() ? "" : ",") + o;
    RETURN_IF_ERROR(
        tx.Exec("INSERT INTO product_rules (product_id, position, name, kind, if_group, if_option, "
                "then_group, then_options) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                {p.id, pos++, r.name, std::string(domain::RuleKindName(r.kind)), r.if_group,
                 r.if_option, r.then_group, then}));
  }
  return Ok();
}

// A unique violation on sku or external_id is the caller's input, not a server fault.
Status UniqueAsField(Tx& tx, const Product& p) {
  ASSIGN_OR_RETURN(auto sku, ProductIdBySku(tx, p.sku));
  if (sku && *sku != p.id)
    return Fail(Error::InvalidArgument("the SKU is taken",
                                       {{"sku", "is used by product " + std::to_string(*sku)}}));
  if (p.external_id) {
    ASSIGN_OR_RETURN(auto ext, ProductIdByExternalId(tx, *p.external_id));
    if (ext && *ext != p.id)
      return Fail(
          Error::InvalidArgument("the external id is taken",
                                 {{"external_id", "is used by product " + std::to_string(*ext)}}));
  }
  return Ok();
}

Status CheckWrite(const Actor& actor, Action a) {
  if (domain::Allowed(actor.role, Resource::kProducts, a) == domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not change products"));
  return Ok();
}

}  // namespace

Result<Product> LoadProduct(Tx& tx, std::int64_t id) {
  ASSIGN_OR_RETURN(auto row, tx.QueryOne(std::string("SELECT ") + kProductColumns +
                                             " FROM products WHERE id = ?",
                                         {id}, "product " + std::to_string(id) + " not found"));
  Product p = ProductFromRow(row);
  RETURN_IF_ERROR(LoadModel(tx, p));
  return p;
}

Result<std::optional<std::int64_t>> ProductIdByExternalId(Tx& tx, const std::string& ext) {
  ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id FROM products WHERE external_id = ?", {ext}));
  if (rows.empty()) return std::optional<std::int64_t>{};
  return std::optional(rows.front().Int(0));
}

Result<std::optional<std::int64_t>> ProductIdBySku(Tx& tx, const std::string& sku) {
  ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id FROM products WHERE sku = ?", {sku}));
  if (rows.empty()) return std::optional<std::int64_t>{};
  return std::optional(rows.front().Int(0));
}

Status SaveProduct(Tx& tx, Product& p) {
  RETURN_IF_ERROR(UniqueAsField(tx, p));
  const store::Value desc = store::OrNull(p.description), ext = store::OrNull(p.external_id);
  const std::int64_t configurable = p.model.groups.empty() ? 0 : 1;
  if (p.id == 0) {
    ASSIGN_OR_RETURN(
        auto rows,
        tx.Query(
            "INSERT INTO products (sku, name, description, price, cost, currency, "
            "lead_time_days, external_id, configurable, active, version, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
            {p.sku, p.name, desc, p.model.price, p.model.cost, p.currency, p.model.lead_time_days,
             ext, configurable, std::int64_t{p.active}, p.created_at, p.updated_at}));
    p.id = rows.front().Int(0);
    p.version = 1;
  } else {
    RETURN_IF_ERROR(tx.Exec(
        "UPDATE products SET sku = ?, name = ?, description = ?, price = ?, cost = ?, "
        "currency = ?, lead_time_days = ?, external_id = ?, configurable = ?, active = ?, "
        "version = version + 1, updated_at = ? WHERE id = ?",
        {p.sku, p.name, desc, p.model.price, p.model.cost, p.currency, p.model.lead_time_days, ext,
         configurable, std::int64_t{p.active}, p.updated_at, p.id}));
    ++p.version;
  }
  return SaveModel(tx, p);
}

Result<json::object> CreateProduct(const Env& env, const Actor& actor, const json::object& body) {
  RETURN_IF_ERROR(CheckWrite(actor, Action::kCreate));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    Product p;
    RETURN_IF_ERROR(ErrorsToStatus(ProductFromJson(body, p)));
    p.created_at = p.updated_at = env.clock.Now();
    RETURN_IF_ERROR(SaveProduct(tx, p));
    out = ProductToJson(p);
    return LogSalesChange(tx, env, actor, "product", p.id, std::nullopt, "create", "", out);
  }));
  return out;
}

Result<json::object> GetProduct(const Env& env, const Actor& /*actor*/, std::int64_t id) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto p, LoadProduct(tx, id));
    out = ProductToJson(p);
    return Ok();
  }));
  return out;
}

Result<json::object> ListProducts(const Env& env, const Actor& /*actor*/, const std::string& cursor,
                                  int limit, bool include_inactive) {
  RETURN_IF_ERROR(CheckListLimit(limit));
  ASSIGN_OR_RETURN(auto after, ParseIdCursor(cursor));
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT id FROM products WHERE id > ?") +
                                             (include_inactive ? "" : " AND active = 1") +
                                             " ORDER BY id LIMIT ?",
                                         {after.value_or(0), std::int64_t{limit} + 1}));
    const bool more = rows.size() > static_cast<std::size_t>(limit);
    if (more) rows.pop_back();
    json::array data;
    for (const auto& r : rows) {
      ASSIGN_OR_RETURN(auto p, LoadProduct(tx, r.Int(0)));
      data.push_back(ProductToJson(p));
    }
    out["data"] = std::move(data);
    out["next_cursor"] =
        more ? json::value(std::to_string(rows.back().Int(0))) : json::value(nullptr);
    return Ok();
  }));
  return out;
}

Result<json::object> PatchProduct(const Env& env, const Actor& actor, std::int64_t id,
                                  const json::object& patch, std::int64_t if_match) {
  RETURN_IF_ERROR(CheckWrite(actor, Action::kUpdate));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto p, LoadProduct(tx, id));
    if (p.version != if_match)
      return Fail(Error::FailedPrecondition("the product was changed since you read it"));
    const json::object before = ProductToJson(p);
    json::object merged = before;
    MergePatch(merged, patch);
    for (const char* k : {"id", "version", "created_at", "updated_at", "configurable"})
      merged.erase(k);
    RETURN_IF_ERROR(ErrorsToStatus(ProductFromJson(merged, p)));
    p.updated_at = env.clock.Now();
    RETURN_IF_ERROR(SaveProduct(tx, p));
    out = ProductToJson(p);
    return LogSalesChange(tx, env, actor, "product", p.id, std::nullopt, "update",
                          json::serialize(before), out);
  }));
  return out;
}

Result<json::object> DeactivateProduct(const Env& env, const Actor& actor, std::int64_t id) {
  RETURN_IF_ERROR(CheckWrite(actor, Action::kDelete));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto p, LoadProduct(tx, id));
    const json::object before = ProductToJson(p);
    RETURN_IF_ERROR(tx.Exec(
        "UPDATE products SET active = 0, version = version + 1, updated_at = ? WHERE id = ?",
        {env.clock.Now(), id}));
    p.active = false;
    ++p.version;
    out = ProductToJson(p);
    return LogSalesChange(tx, env, actor, "product", id, std::nullopt, "archive",
                          json::serialize(before), out);
  }));
  return out;
}

}  // namespace chaincrm::services
