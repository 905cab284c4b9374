// Import target "orders": one CSV row per order line, grouped into orders by the
// order's external id (the import key "external_id"). The rows of one order must be
// contiguous: the first row of a run of rows with the same external id creates the order
// or replaces the lines of the existing one, each following row adds its line. A later,
// separate run of the same external id replaces the lines again (it does not add to
// them). Writes go through UpsertOrderItem (services/sales_batch.h), the per-item write
// of the ERP order batch, so prices, products and promised dates are resolved and
// checked exactly as for POST /api/v1/orders.

#include "core/text.h"
#include "services/import_target.h"
#include "services/json_util.h"
#include "services/order_service.h"
#include "services/sales_batch.h"

namespace chaincrm::services {

namespace json = boost::json;

namespace {

constexpr const char* kHeaderFields[] = {
    "external_id", "customer_id",   "customer.email", "customer.phone", "customer.tax_id", "kind",
    "ordered_at",  "promised_date", "carrier",        "notes",          "status"};
constexpr const char* kLineFields[] = {
    "sku",      "product_external_id", "product_id",      "configuration_id",
    "quantity", "unit_price",          "discount_percent"};

bool OneOf(const std::string& f, const auto& list) {
  for (const char* k : list)
    if (f == k) return true;
  return false;
}

bool Known(const std::string& f) {
  return OneOf(f, kHeaderFields) || OneOf(f, kLineFields) ||
         (f.starts_with("customer.external_id.") && f.size() > 21);
}

Result<std::int64_t> WholeNumber(const std::string& field, const std::string& v) {
  try {
    std::size_t used = 0;
    const std::int64_t n = std::stoll(v, &used);
    if (used != v.size()) throw std::invalid_argument(v);
    return n;
  } catch (...) {
    return Fail(Error::InvalidArgument(
        "bad", {{field, "'" + v.substr(0, 40) + "' is not a whole number"}}));
  }
}

class OrderTarget final : public ImportTarget {
 public:
  std::vector<FieldError> CheckFields(const ImportMapping& m, const ImportKey& key) const override {
    std::vector<FieldError> errs;
    bool has_key = false, has_customer = false;
    for (const auto& c : m.columns) {
      if (!Known(c.field))
        errs.push_back({"columns." + c.column, "unknown order field '" + c.field + "'"});
      has_key = has_key || c.field == "external_id";
      has_customer = has_customer || c.field.starts_with("customer");
    }
    for (const auto& [f, _] : m.constants) {
      if (!Known(f)) errs.push_back({"constants." + f, "unknown order field '" + f + "'"});
      has_customer = has_customer || f.starts_with("customer");
    }
    if (key.kind != "external_id" || !key.system.empty())
      errs.push_back({"key", "orders are grouped and matched by external_id"});
    else if (!has_key)
      errs.push_back({"key", "no column is mapped to 'external_id', the order key"});
    if (!has_customer)
      errs.push_back({"columns",
                      "a column must name the customer (customer_id, customer.email, "
                      "customer.phone, customer.tax_id or customer.external_id.SYSTEM)"});
    return errs;
  }

  // Group starts from before the previous transaction are dropped except the last one: a
  // retried transaction replays its rows and needs the group open when it began.
  Status Begin(store::Tx&) override {
    const std::size_t keep_from = mark_ > 0 ? std::min(mark_ - 1, starts_.size()) : 0;
    starts_.erase(starts_.begin(), starts_.begin() + static_cast<std::ptrdiff_t>(keep_from));
    mark_ = starts_.size();
    return Ok();
  }

  Result<RowResult> Apply(TargetContext& ctx, const MappedRow& row) override {
    if (domain::Allowed(ctx.actor.role, domain::Resource::kOrders, domain::Action::kCreate) ==
        domain::Scope::kNone)
      return Fail(Error::PermissionDenied("your role may not create orders"));
    const auto key = row.find("external_id");
    if (key == row.end() || Trim(key->second).empty())
      return Fail(
          Error::InvalidArgument("no key", {{"external_id", "is empty: it is the order key"}}));
    const std::string ext(Trim(key->second));
    // A replayed row (retried transaction) forgets the groups it had opened.
    while (!starts_.empty() && starts_.back().line >= ctx.line) starts_.pop_back();
    mark_ = std::min(mark_, starts_.size());
    const bool continues = !starts_.empty() && starts_.back().key == ext;

    json::object order{{"external_id", ext}};
    json::object line;
    for (const auto& [f, v] : row) {
      if (f == "external_id") continue;
      if (f == "customer_id" || f == "product_id" || f == "configuration_id" || f == "quantity") {
        ASSIGN_OR_RETURN(const std::int64_t n, WholeNumber(f, v));
        (f == "customer_id" ? order : line)[f] = n;
      } else if (f == "discount_percent") {
        try {
          std::size_t used = 0;
          line[f] = std::stod(v, &used);
          if (used != v.size()) throw std::invalid_argument(v);
        } catch (...) {
          return Fail(
              Error::InvalidArgument("bad", {{f, "'" + v.substr(0, 40) + "' is not a number"}}));
        }
      } else if (OneOf(f, kLineFields)) {
        line[f] = v;
      } else if (f.starts_with("customer.")) {
        ASSIGN_OR_RETURN(order["customer_id"], FindCustomer(ctx, f, v));
      } else {
        order[f] = v;
      }
    }
    json::array lines;
    ASSIGN_OR_RETURN(auto rows, ctx.tx.Query("SELECT id FROM orders WHERE external_id = ?", {ext}));
    if (!rows.empty() && !ctx.update_existing && !continues)
      return RowResult{ImportOutcome::kSkipped,
                       "order " + std::to_string(rows.front().Int(0)) + " exists"};
    if (continues && !rows.empty()) {
      ASSIGN_OR_RETURN(auto current, LoadOrderJson(ctx.tx, rows.front().Int(0)));
      for (const auto& l : current.at("lines").as_array()) {
        const auto& o = l.as_object();
        json::object kept{{"product_id", o.at("product_id")},
                          {"quantity", o.at("quantity")},
                          {"unit_price", o.at("unit_price").as_object().at("amount")},
                          {"discount_percent", o.at("discount_percent")}};
        if (!o.at("configuration_id").is_null())
          kept["configuration_id"] = o.at("configuration_id");
        lines.push_back(std::move(kept));
      }
    }
    lines.push_back(std::move(line));
    order["lines"] = std::move(lines);
    OrderInput in;
    RETURN_IF_ERROR(ErrorsToStatus(OrderInputFromJson(order, in)));
    ASSIGN_OR_RETURN(auto done, UpsertOrderItem(ctx.tx, ctx.env, ctx.actor, in));
    if (!continues) starts_.push_back({ctx.line, ext});
    return RowResult{done.created ? ImportOutcome::kCreated : ImportOutcome::kUpdated, ""};
  }

 private:
  struct Start {
    std::int64_t line = 0;
    std::string key;
  };

  // customer.email / .phone / .tax_id / .external_id.SYSTEM → the customer's id.
  static Result<std::int64_t> FindCustomer(TargetContext& ctx, const std::string& f,
                                           const std::string& v) {
    ImportKey k;
    k.kind = f.substr(9);
    if (k.kind.starts_with("external_id.")) {
      k.system = k.kind.substr(12);
      k.kind = "external_id";
    }
    ASSIGN_OR_RETURN(auto id, FindCustomerByImportKey(ctx.tx, k, v));
    if (!id)
      return Fail(Error::InvalidArgument("unknown customer",
                                         {{f, "no customer has '" + v.substr(0, 60) + "'"}}));
    return *id;
  }

  std::vector<Start> starts_;  // where each group of rows began, in file order
  std::size_t mark_ = 0;       // starts_.size() when the current transaction began
};

}  // namespace

std::unique_ptr<ImportTarget> MakeOrderImportTarget() { return std::make_unique<OrderTarget>(); }

}  // namespace chaincrm::services
