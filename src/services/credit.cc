#include "services/credit.h"

#include "core/money.h"
#include "services/json_util.h"
#include "services/sales_common.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::Resource;
using store::Tx;

namespace {

struct Limit {
  std::int64_t minor = 0;
  std::string currency;
};

Result<std::optional<Limit>> LoadLimit(Tx& tx, std::int64_t customer_id) {
  ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT credit_limit_minor, currency FROM customer_credit "
                                       "WHERE customer_id = ?",
                                       {customer_id}));
  if (rows.empty()) return std::optional<Limit>{};
  return std::optional(Limit{rows.front().Int(0), rows.front().Text(1)});
}

Result<json::object> CreditJson(Tx& tx, std::int64_t customer_id) {
  ASSIGN_OR_RETURN(auto limit, LoadLimit(tx, customer_id));
  json::object o{{"customer_id", customer_id}};
  if (!limit) {
    o["credit_limit"] = nullptr;
    o["exposure"] = nullptr;
    o["available"] = nullptr;
    return o;
  }
  ASSIGN_OR_RETURN(auto exposure, OpenBalance(tx, customer_id, limit->currency));
  o["credit_limit"] = MoneyJson(limit->minor, limit->currency);
  o["exposure"] = MoneyJson(exposure, limit->currency);
  o["available"] = MoneyJson(limit->minor - exposure, limit->currency);
  return o;
}

}  // namespace

Result<std::int64_t> OpenBalance(Tx& tx, std::int64_t customer_id, const std::string& currency) {
  ASSIGN_OR_RETURN(auto rows,
                   tx.Query("SELECT COALESCE(SUM(total_minor - paid_minor - credited_minor), 0) "
                            "FROM invoices WHERE customer_id = ? AND currency = ? AND "
                            "status = 'open'",
                            {customer_id, currency}));
  return rows.front().Int(0);
}

Result<std::optional<json::object>> CreditWarning(Tx& tx, std::int64_t customer_id,
                                                  std::int64_t additional_minor,
                                                  const std::string& currency) {
  ASSIGN_OR_RETURN(auto limit, LoadLimit(tx, customer_id));
  if (!limit || limit->currency != currency) return std::optional<json::object>{};
  ASSIGN_OR_RETURN(auto exposure, OpenBalance(tx, customer_id, currency));
  if (exposure + additional_minor <= limit->minor) return std::optional<json::object>{};
  return std::optional(
      json::object{{"code", "credit_limit_exceeded"},
                   {"message", "open receivables " + FormatAmount(exposure) + " plus " +
                                   FormatAmount(additional_minor) + " exceed the credit limit " +
                                   FormatAmount(limit->minor) + " " + currency},
                   {"credit_limit", MoneyJson(limit->minor, currency)},
                   {"exposure", MoneyJson(exposure, currency)},
                   {"additional", MoneyJson(additional_minor, currency)}});
}

Result<json::object> GetCreditLimit(const Env& env, const Actor& actor, std::int64_t customer_id,
                                    std::int64_t additional_minor) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    RETURN_IF_ERROR(
        CheckCustomerAccess(tx, actor, Resource::kInvoices, Action::kRead, customer_id));
    ASSIGN_OR_RETURN(out, CreditJson(tx, customer_id));
    out["warning"] = nullptr;
    ASSIGN_OR_RETURN(auto limit, LoadLimit(tx, customer_id));
    if (limit) {
      ASSIGN_OR_RETURN(auto w, CreditWarning(tx, customer_id, additional_minor, limit->currency));
      if (w) out["warning"] = std::move(*w);
    }
    return Ok();
  }));
  return out;
}

Result<json::object> SetCreditLimit(const Env& env, const Actor& actor, std::int64_t customer_id,
                                    const json::object& body) {
  JsonReader r(body);
  r.Known({"credit_limit"});
  auto limit = r.Money("credit_limit");
  if (!r.Has("credit_limit")) r.Error("credit_limit", "is required (null removes the limit)");
  if (limit && limit->first < 0) r.Error("credit_limit", "must not be negative");
  RETURN_IF_ERROR(ErrorsToStatus(std::move(r.errors())));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    RETURN_IF_ERROR(
        CheckCustomerAccess(tx, actor, Resource::kInvoices, Action::kUpdate, customer_id));
    ASSIGN_OR_RETURN(auto before, CreditJson(tx, customer_id));
    RETURN_IF_ERROR(tx.Exec("DELETE FROM customer_credit WHERE customer_id = ?", {customer_id}));
    if (limit) {
      RETURN_IF_ERROR(
          tx.Exec("INSERT INTO customer_credit (customer_id, credit_limit_minor, "
                  "currency, updated_at) VALUES (?, ?, ?, ?)",
                  {customer_id, limit->first, limit->second, env.clock.Now()}));
    }
    ASSIGN_OR_RETURN(out, CreditJson(tx, customer_id));
    return LogSalesChange(tx, env, actor, "customer_credit", customer_id, customer_id, "update",
                          json::serialize(before), out);
  }));
  return out;
}

}  // namespace chaincrm::services
