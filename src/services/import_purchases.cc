// Import target "purchases": one row per purchase, posted to the ledger through
// PostPurchase (services/ledger.h), the one posting path. The customer is found by the
// import key (email, phone, tax_id or external_id:SYSTEM mapped on the row); an unknown
// customer rejects the line. Every row gets a source_key, so that re-running a file
// posts nothing twice: "import:ref:<reference>" when a reference column is mapped,
// else "import:row:<hash of customer, date and amounts>" (identical rows are one
// purchase then: map a reference to tell them apart).

#include <unordered_set>

#include "core/money.h"
#include "core/text.h"
#include "domain/activity.h"
#include "services/activity_json.h"
#include "services/customer_service.h"
#include "services/import_target.h"
#include "services/json_util.h"
#include "services/ledger.h"
#include "store/change_log.h"

namespace chaincrm::services {

namespace {

constexpr const char* kFields[] = {"occurred_at", "quantity",      "revenue",      "cost",
                                   "currency",    "sku",           "product",      "order_ref",
                                   "reference",   "customer.name", "customer.kind"};

constexpr std::string_view kKeyRole = "it finds the purchase's customer";

// FNV-1a, 64 bits: a stable digest for the derived source key.
std::string Digest(const std::string& s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = kHex[h & 15];
  return out;
}

class PurchaseTarget final : public ImportTarget {
 public:
  std::vector<FieldError> CheckFields(const ImportMapping& m, const ImportKey& key) const override {
    std::vector<FieldError> errs;
    auto known = [&](const std::string& f) {
      if (f == key.Field()) return true;
      for (const char* k : kFields)
        if (f == k) return true;
      return false;
    };
    bool has_key = false, has_date = false, has_revenue = false;
    auto see = [&](const std::string& f) {
      has_key = has_key || f == key.Field();
      has_date = has_date || f == "occurred_at";
      has_revenue = has_revenue || f == "revenue";
    };
    for (const auto& c : m.columns) {
      if (!known(c.field))
        errs.push_back({"columns." + c.column, "unknown purchase field '" + c.field + "'"});
      see(c.field);
    }
    for (const auto& [f, _] : m.constants) {
      if (!known(f)) errs.push_back({"constants." + f, "unknown purchase field '" + f + "'"});
      see(f);
    }
    if (key.kind == "sku" || (key.kind == "external_id" && key.system.empty()))
      errs.push_back({"key",
                      "the customer of a purchase is found by email, phone, tax_id or "
                      "external_id:SYSTEM"});
    else if (!has_key)
      errs.push_back(
          {"key", "no column is mapped to '" + key.Field() + "', the key that finds the customer"});
    if (!has_date) errs.push_back({"columns", "no column is mapped to 'occurred_at'"});
    if (!has_revenue) errs.push_back({"columns", "no column is mapped to 'revenue'"});
    return errs;
  }

  Status Begin(store::Tx& tx) override {
    ASSIGN_OR_RETURN(currency_, LedgerCurrencyOrDefault(tx));
    return customers_->Begin(tx);
  }

  Result<RowResult> Apply(TargetContext& ctx, const MappedRow& row) override {
    RETURN_IF_ERROR(RowImportKey(ctx.key, row, kKeyRole));
    const std::string& key = row.at(ctx.key.Field());
    ASSIGN_OR_RETURN(auto customer, FindCustomerByImportKey(ctx.tx, ctx.key, key));
    if (const auto name = row.find("customer.name"); !customer && name != row.end()) {
      MappedRow c{{ctx.key.Field(), row.at(ctx.key.Field())}, {"name", name->second}};
      if (const auto kind = row.find("customer.kind"); kind != row.end()) c["kind"] = kind->second;
      auto made = customers_->Apply(ctx, c);
      if (!made) return Fail(made.error());
      ASSIGN_OR_RETURN(customer, FindCustomerByImportKey(ctx.tx, ctx.key, key));
    }
    ASSIGN_OR_RETURN(domain::Purchase p, Parse(ctx, row, customer));
    ASSIGN_OR_RETURN(const bool posted, PostPurchase(ctx.tx, p));
    if (!posted) return AlreadyPosted(p);
    store::ChangeEntry e = Entry(ctx, "purchase", "create");
    e.entity_id = p.id;
    e.customer_id = p.customer_id;
    e.after_json = boost::json::serialize(PurchaseToJson(p));
    RETURN_IF_ERROR(store::AppendChange(ctx.tx, e));
    return RowResult{ImportOutcome::kCreated, ""};
  }

  // The same for many rows: one customer lookup, one multi-row posting (PostPurchases), and
  // one change-log entry for the batch (the purchases carry their import source key), as
  // the fixed-format purchase importer records its batches. A row whose customer must be
  // created first, and the later rows of that customer, are applied alone.
  Result<std::vector<BatchOutcome>> ApplyBatch(TargetContext& ctx,
                                               const std::vector<BatchRow>& rows) override {
    std::vector<BatchOutcome> out(rows.size());
    std::vector<std::string> keys(rows.size());
    std::vector<std::string> lookup;
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      auto key = RowImportKey(ctx.key, rows[i].row, kKeyRole);
      if (!key) {
        out[i] = Fail(key.error());
        continue;
      }
      keys[i] = std::move(*key);
      if (seen.insert(keys[i]).second) lookup.push_back(keys[i]);
    }
    ASSIGN_OR_RETURN(auto found, FindCustomersByImportKey(ctx.tx, ctx.key, lookup));
    std::unordered_set<std::string> alone;  // keys whose customer a row alone creates
    std::vector<domain::Purchase> ps;
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (keys[i].empty()) continue;
      const auto& ids = found[keys[i]];
      if (alone.count(keys[i]) || (ids.empty() && rows[i].row.count("customer.name"))) {
        alone.insert(keys[i]);
        continue;  // applied alone, after the batch
      }
      auto customer = OneCustomer(ctx.key, ids);
      auto p = customer ? Parse(ctx, rows[i].row, *customer)
                        : Result<domain::Purchase>(Fail(customer.error()));
      if (!p) {
        out[i] = Fail(p.error());
        continue;
      }
      ps.push_back(std::move(*p));
      at.push_back(i);
    }
    ASSIGN_OR_RETURN(auto posted, PostPurchases(ctx.tx, ps));
    std::int64_t count = 0;
    for (std::size_t k = 0; k < at.size(); ++k) {
      if (!posted[k]) {
        out[at[k]] = Fail(posted[k].error());
      } else if (!*posted[k]) {
        out[at[k]] = AlreadyPosted(ps[k]);
      } else {
        out[at[k]] = RowResult{ImportOutcome::kCreated, ""};
        ++count;
      }
    }
    if (count > 0) {
      store::ChangeEntry e = Entry(ctx, "purchase_import", "import");
      e.after_json = boost::json::serialize(boost::json::object{{"source", ctx.source},
                                                                {"first_line", rows.front().line},
                                                                {"last_line", rows.back().line},
                                                                {"posted", count}});
      RETURN_IF_ERROR(store::AppendChange(ctx.tx, e));
    }
    return out;
  }

 private:
  static RowResult AlreadyPosted(const domain::Purchase& p) {
    return {ImportOutcome::kSkipped, "already posted as purchase " + std::to_string(p.id)};
  }

  static store::ChangeEntry Entry(const TargetContext& ctx, const char* entity, const char* op) {
    store::ChangeEntry e;
    e.at = ctx.env.clock.Now();
    e.actor = ctx.actor.Label();
    e.entity = entity;
    e.op = op;
    e.request_id = ctx.source;
    return e;
  }

  // The row's purchase for `customer`, validated, with its source key.
  Result<domain::Purchase> Parse(const TargetContext& ctx, const MappedRow& row,
                                 std::optional<std::int64_t> customer) const {
    if (!customer)
      return Fail(Error::InvalidArgument(
          "unknown customer",
          {{ctx.key.Field(), "no customer has '" + row.at(ctx.key.Field()).substr(0, 60) +
                                 "' (map customer.name to create it)"}}));
    RETURN_IF_ERROR(CheckScope(ctx.actor, domain::Resource::kPurchases, domain::Action::kCreate,
                               *customer, std::nullopt));
    domain::Purchase p;
    p.customer_id = *customer;
    p.currency = currency_;
    std::string reference;
    for (const auto& [f, v] : row) {
      if (f == "occurred_at") {
        auto t = v.size() == 10 ? ParseDate(v) : ParseTime(v);
        if (!t)
          return Fail(Error::InvalidArgument(
              "bad", {{f, "'" + v.substr(0, 40) + "' is not a date (YYYY-MM-DD or RFC 3339)"}}));
        p.occurred_at = *t;
      } else if (f == "revenue" || f == "cost") {
        auto a = ParseAmount(v);
        if (!a) return Fail(Error::InvalidArgument("bad", {{f, a.error().message()}}));
        (f == "revenue" ? p.revenue : p.cost) = *a;
      } else if (f == "quantity") {
        try {
          std::size_t used = 0;
          p.quantity = std::stod(v, &used);
          if (used != v.size()) throw std::invalid_argument(v);
        } catch (...) {
          return Fail(
              Error::InvalidArgument("bad", {{f, "'" + v.substr(0, 40) + "' is not a number"}}));
        }
      } else if (f == "currency") {
        p.currency = std::string(Trim(v));
      } else if (f == "sku") {
        p.sku = v;
      } else if (f == "product") {
        p.product = v;
      } else if (f == "order_ref") {
        p.order_ref = v;
      } else if (f == "reference") {
        reference = std::string(Trim(v));
      }  // customer.name, customer.kind: used by Apply
    }
    const Millis now = ctx.env.clock.Now();
    p.created_at = now;
    if (!reference.empty()) {
      p.source_key = "import:ref:" + reference.substr(0, 200);
    } else {
      std::string facts = std::to_string(p.customer_id) + "|" + std::to_string(p.occurred_at) +
                          "|" + p.sku.value_or("") + "|" + p.product.value_or("") + "|" +
                          p.order_ref.value_or("") + "|" + std::to_string(p.quantity) + "|" +
                          std::to_string(p.revenue) + "|" + std::to_string(p.cost) + "|" +
                          p.currency;
      p.source_key = "import:row:" + Digest(facts);
    }
    RETURN_IF_ERROR(ErrorsToStatus(domain::ValidatePurchase(p, now)));
    return p;
  }

  std::string currency_;
  std::unique_ptr<ImportTarget> customers_ = MakeCustomerImportTarget();
};

}  // namespace

std::unique_ptr<ImportTarget> MakePurchaseImportTarget() {
  return std::make_unique<PurchaseTarget>();
}

}  // namespace chaincrm::services
