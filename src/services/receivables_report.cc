#include "services/receivables_report.h"

#include <algorithm>
#include <map>

#include "core/money.h"
#include "domain/receivables.h"
#include "services/json_util.h"
#include "services/sales_common.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::AgeingBucket;
using domain::Resource;
using store::Tx;

namespace {

struct OpenItem {
  std::int64_t invoice_id = 0, customer_id = 0;
  std::string number, customer_name, currency;
  std::int64_t balance = 0, days_past_due = 0;
  Millis due_at = 0;
};

Millis EndOfDay(Millis t) {
  const Millis day = t >= 0 ? t / kMillisPerDay : (t - kMillisPerDay + 1) / kMillisPerDay;
  return day * kMillisPerDay + kMillisPerDay - 1;
}

// Balances as of `as_of` of the invoices issued by then (optionally of one customer).
Result<std::vector<OpenItem>> OpenItems(Tx& tx, Millis as_of,
                                        std::optional<std::int64_t> customer_id) {
  const Millis end = EndOfDay(as_of);
  std::string sql =
      "SELECT i.id, i.customer_id, i.number, c.name, i.currency, i.due_at, i.total_minor "
      "- COALESCE((SELECT SUM(p.amount_minor) FROM payments p WHERE p.invoice_id = i.id AND "
      "p.paid_at <= ?), 0) - COALESCE((SELECT SUM(n.amount_minor) FROM credit_notes n WHERE "
      "n.invoice_id = i.id AND n.issued_at <= ?), 0) FROM invoices i JOIN customers c ON c.id = "
      "i.customer_id WHERE i.issued_at <= ?";
  store::Params params{end, end, end};
  if (customer_id) {
    sql += " AND i.customer_id = ?";
    params.push_back(*customer_id);
  }
  sql += " ORDER BY i.customer_id, i.due_at, i.id";
  std::vector<OpenItem> out;
  RETURN_IF_ERROR(tx.ForEach(sql, params, [&](const store::Row& r) -> Status {
    const std::int64_t balance = r.Int(6);
    if (balance <= 0) return Ok();
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), balance,
                   domain::DaysPastDue(r.Int(5), as_of), r.Int(5)});
    return Ok();
  }));
  return out;
}

json::object BucketsJson(const domain::AgeingTotals& t) {
  json::object o;
  for (AgeingBucket b : domain::kAllBuckets)
    o[domain::BucketName(b)] = FormatAmount(t.buckets[static_cast<std::size_t>(b)]);
  o["overdue"] = FormatAmount(t.overdue());
  o["total"] = FormatAmount(t.total);
  return o;
}

Status CheckReadAll(const Actor& actor) {
  if (domain::Allowed(actor.role, Resource::kInvoices, Action::kRead) != domain::Scope::kAll)
    return Fail(Error::PermissionDenied("your role may not read receivables"));
  return Ok();
}

}  // namespace

Result<json::object> Ageing(const Env& env, const Actor& actor, Millis as_of,
                            std::optional<std::int64_t> customer_id) {
  RETURN_IF_ERROR(CheckReadAll(actor));
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    if (customer_id)
      RETURN_IF_ERROR(
          CheckCustomerAccess(tx, actor, Resource::kInvoices, Action::kRead, *customer_id));
    ASSIGN_OR_RETURN(auto items, OpenItems(tx, as_of, customer_id));
    std::map<std::string, domain::AgeingTotals> totals;
    std::map<std::pair<std::int64_t, std::string>, std::pair<std::string, domain::AgeingTotals>>
        per_customer;
    for (const auto& it : items) {
      const AgeingBucket b = domain::BucketFor(it.days_past_due);
      totals[it.currency].Add(b, it.balance);
      auto& [name, t] = per_customer[{it.customer_id, it.currency}];
      name = it.customer_name;
      t.Add(b, it.balance);
    }
    json::array jt;
    for (const auto& [cur, t] : totals) {
      json::object o = BucketsJson(t);
      o["currency"] = cur;
      jt.push_back(std::move(o));
    }
    std::vector<std::pair<const std::pair<std::int64_t, std::string>*,
                          const std::pair<std::string, domain::AgeingTotals>*>>
        rows;
    for (const auto& kv : per_customer) rows.emplace_back(&kv.first, &kv.second);
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return a.second->second.total > b.second->second.total;
    });
    json::array jc;
    for (const auto& [key, val] : rows) {
      json::object o = BucketsJson(val->second);
      o["customer_id"] = key->first;
      o["name"] = val->first;
      o["currency"] = key->second;
      jc.push_back(std::move(o));
    }
    out["as_of"] = FormatDate(as_of);
    out["totals"] = std::move(jt);
    out["customers"] = std::move(jc);
    return Ok();
  }));
  return out;
}

Result<json::object> CollectionList(const Env& env, const Actor& actor, Millis as_of, int limit) {
  RETURN_IF_ERROR(CheckReadAll(actor));
  RETURN_IF_ERROR(CheckListLimit(limit));
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto items, OpenItems(tx, as_of, std::nullopt));
    struct Row {
      std::int64_t customer_id = 0;
      std::string name, currency;
      std::int64_t overdue = 0, max_days = 0, count = 0;
    };
    std::map<std::pair<std::int64_t, std::string>, Row> by;
    for (const auto& it : items) {
      if (it.days_past_due <= 0) continue;
      auto& r = by[{it.customer_id, it.currency}];
      r.customer_id = it.customer_id;
      r.name = it.customer_name;
      r.currency = it.currency;
      r.overdue += it.balance;
      r.max_days = std::max(r.max_days, it.days_past_due);
      r.count += 1;
    }
    std::vector<Row> rows;
    for (auto& [k, r] : by) rows.push_back(std::move(r));
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
      if (a.overdue != b.overdue) return a.overdue > b.overdue;
      if (a.max_days != b.max_days) return a.max_days > b.max_days;
      return a.customer_id < b.customer_id;
    });
    if (rows.size() > static_cast<std::size_t>(limit)) rows.resize(static_cast<std::size_t>(limit));
    json::array data;
    for (const auto& r : rows) {
      ASSIGN_OR_RETURN(auto lim, tx.Query("SELECT credit_limit_minor, currency FROM "
                                          "customer_credit WHERE customer_id = ?",
                                          {r.customer_id}));
      data.push_back(json::object{
          {"customer_id", r.customer_id},
          {"name", r.name},
          {"overdue", MoneyJson(r.overdue, r.currency)},
          {"max_days_past_due", r.max_days},
          {"overdue_invoices", r.count},
          {"credit_limit", lim.empty()
                               ? json::value(nullptr)
                               : json::value(MoneyJson(lim.front().Int(0), lim.front().Text(1)))}});
    }
    out["as_of"] = FormatDate(as_of);
    out["data"] = std::move(data);
    return Ok();
  }));
  return out;
}

Result<json::object> CustomerBalance(const Env& env, const Actor& actor, std::int64_t customer_id,
                                     Millis as_of) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    RETURN_IF_ERROR(
        CheckCustomerAccess(tx, actor, Resource::kInvoices, Action::kRead, customer_id));
    ASSIGN_OR_RETURN(auto items, OpenItems(tx, as_of, customer_id));
    std::map<std::string, domain::AgeingTotals> totals;
    json::array open;
    for (const auto& it : items) {
      totals[it.currency].Add(domain::BucketFor(it.days_past_due), it.balance);
      open.push_back(json::object{{"id", it.invoice_id},
                                  {"number", it.number},
                                  {"balance", MoneyJson(it.balance, it.currency)},
                                  {"due_at", FormatTime(it.due_at)},
                                  {"days_past_due", std::max<std::int64_t>(0, it.days_past_due)}});
    }
    json::array balances;
    for (const auto& [cur, t] : totals) {
      json::object o = BucketsJson(t);
      o["currency"] = cur;
      balances.push_back(std::move(o));
    }
    out["customer_id"] = customer_id;
    out["as_of"] = FormatDate(as_of);
    out["balances"] = std::move(balances);
    out["open_invoices"] = std::move(open);
    return Ok();
  }));
  return out;
}

}  // namespace chaincrm::services
