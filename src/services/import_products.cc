// Import target "products": one row per product, upserted by SKU or external id through
// UpsertProductItem (services/sales_batch.h), the per-item write of the ERP batch, so a
// CSV row is validated and logged exactly like a batch item or POST /api/v1/products.

#include "core/text.h"
#include "services/customer_service.h"
#include "services/import_target.h"
#include "services/json_util.h"
#include "services/product_service.h"
#include "services/sales_batch.h"

namespace chaincrm::services {

namespace json = boost::json;

namespace {

constexpr const char* kFields[] = {"sku",      "name",           "description", "price", "cost",
                                   "currency", "lead_time_days", "external_id", "active"};

bool Known(const std::string& f) {
  for (const char* k : kFields)
    if (f == k) return true;
  return false;
}

class ProductTarget final : public ImportTarget {
 public:
  std::vector<FieldError> CheckFields(const ImportMapping& m, const ImportKey& key) const override {
    std::vector<FieldError> errs;
    bool has_key = false;
    for (const auto& c : m.columns) {
      if (!Known(c.field))
        errs.push_back({"columns." + c.column, "unknown product field '" + c.field + "'"});
      has_key = has_key || c.field == key.Field();
    }
    for (const auto& [f, _] : m.constants)
      if (!Known(f)) errs.push_back({"constants." + f, "unknown product field '" + f + "'"});
    if (key.kind != "sku" && !(key.kind == "external_id" && key.system.empty()))
      errs.push_back({"key", "products are matched by sku or external_id"});
    else if (!has_key)
      errs.push_back({"key", "no column is mapped to '" + key.Field() + "', the import key"});
    return errs;
  }

  Status Begin(store::Tx& tx) override {
    ASSIGN_OR_RETURN(currency_, LedgerCurrencyOrDefault(tx));
    return Ok();
  }

  Result<RowResult> Apply(TargetContext& ctx, const MappedRow& row) override {
    if (domain::Allowed(ctx.actor.role, domain::Resource::kProducts, domain::Action::kCreate) ==
        domain::Scope::kNone)
      return Fail(Error::PermissionDenied("your role may not change products"));
    const auto key = row.find(ctx.key.Field());
    if (key == row.end() || Trim(key->second).empty())
      return Fail(
          Error::InvalidArgument("no key", {{ctx.key.Field(), "is empty: it is the import key"}}));
    const std::string value(Trim(key->second));
    std::optional<std::int64_t> existing;
    if (ctx.key.kind == "sku") {
      ASSIGN_OR_RETURN(existing, ProductIdBySku(ctx.tx, value));
    } else {
      ASSIGN_OR_RETURN(existing, ProductIdByExternalId(ctx.tx, value));
    }
    if (existing && !ctx.update_existing)
      return RowResult{ImportOutcome::kSkipped, "product " + std::to_string(*existing) + " exists"};
    ASSIGN_OR_RETURN(json::object item, ToJson(row, !existing));
    ASSIGN_OR_RETURN(auto done, UpsertProductItem(ctx.tx, ctx.env, ctx.actor, item, existing,
                                                  /*skip_unchanged=*/true));
    if (!done.changed) return RowResult{ImportOutcome::kSkipped, "unchanged"};
    return RowResult{done.created ? ImportOutcome::kCreated : ImportOutcome::kUpdated, ""};
  }

 private:
  // The product document of a row. A price or cost without a currency column keeps the
  // product's currency (merge) or, for a new product, takes the ledger currency.
  Result<json::object> ToJson(const MappedRow& row, bool is_new) const {
    json::object o;
    const auto cur = row.find("currency");
    auto money = [&](const std::string& amount) {
      json::object m{{"amount", amount}};
      if (cur != row.end())
        m["currency"] = cur->second;
      else if (is_new)
        m["currency"] = currency_;
      return m;
    };
    for (const auto& [f, v] : row) {
      if (f == "price" || f == "cost") {
        o[f] = money(v);
      } else if (f == "lead_time_days") {
        std::int64_t days = 0;
        try {
          std::size_t used = 0;
          days = std::stoll(v, &used);
          if (used != v.size()) throw std::invalid_argument(v);
        } catch (...) {
          return Fail(Error::InvalidArgument(
              "bad", {{f, "'" + v.substr(0, 40) + "' is not a whole number of days"}}));
        }
        o[f] = days;
      } else if (f == "active") {
        const std::string b = FoldForSearch(v);
        if (b == "true" || b == "yes" || b == "1")
          o[f] = true;
        else if (b == "false" || b == "no" || b == "0")
          o[f] = false;
        else
          return Fail(Error::InvalidArgument("bad", {{f, "must be true/false, yes/no or 1/0"}}));
      } else if (f != "currency") {
        o[f] = v;
      }
    }
    return o;
  }

  std::string currency_;
};

}  // namespace

std::unique_ptr<ImportTarget> MakeProductImportTarget() {
  return std::make_unique<ProductTarget>();
}

}  // namespace chaincrm::services
