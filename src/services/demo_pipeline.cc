// Demo pipeline and receivables: opportunities in every stage (won and lost ones with
// reasons) with their stage history, tasks (some overdue), invoices for the demo orders
// with partial payments and overdue balances across the ageing buckets, credit limits
// (one customer close to its limit) and an open balance for Li Wei, the portal customer.

#include <array>
#include <random>

#include "domain/pipeline.h"
#include "services/customer_service.h"
#include "services/demo_parts.h"
#include "services/invoice_service.h"

namespace chaincrm::services {

namespace {

using domain::Stage;

constexpr int kOpportunities = 240;
constexpr std::array<const char*, 5> kLostReasons = {"price too high", "chose a competitor",
                                                     "lead time too long", "project cancelled",
                                                     "no budget this year"};
constexpr std::array<const char*, 6> kDeals = {
    "Spring uniform programme", "Made-to-measure shirts for the sales team",
    "Hotel staff outfits",      "Corporate gift ties",
    "School blazers",           "Airline crew scarves"};
constexpr std::array<const char*, 5> kTasks = {"Call to confirm measurements",
                                               "Send fabric samples", "Prepare the proposal",
                                               "Follow up on the quote", "Visit the showroom"};

struct Counts {
  std::int64_t opportunities = 0, tasks = 0, invoices = 0, payments = 0, credit_limits = 0;
};

Status AddOpportunities(store::Tx& tx, std::mt19937_64& rng, Millis now,
                        const std::vector<std::int64_t>& customers,
                        const std::vector<std::int64_t>& owners, const std::string& currency,
                        Counts& counts) {
  for (int i = 0; i < kOpportunities && !customers.empty(); ++i) {
    const std::int64_t customer = customers[rng() % customers.size()];
    const auto owner = owners.empty() ? store::Null() : store::Value(owners[rng() % owners.size()]);
    const Stage stage = domain::kAllStages[static_cast<std::size_t>(i) % domain::kAllStages.size()];
    const int steps =
        stage == Stage::kLost ? 1 + static_cast<int>(rng() % 4) : static_cast<int>(stage) + 1;
    const Millis created = now - static_cast<Millis>(20 + rng() % 160) * kMillisPerDay;
    const Millis close =
        now + (static_cast<Millis>(rng() % 240) - 60) * kMillisPerDay;  // some past, most ahead
    const std::int64_t amount = static_cast<std::int64_t>(500 + rng() % 49'500) * 100;
    const bool closed = domain::IsClosed(stage);
    // Each stage step lasts a few days; the current one began at the last step.
    std::vector<Millis> entered;
    Millis t = created;
    for (int k = 0; k < steps; ++k) {
      entered.push_back(t);
      t += static_cast<Millis>(2 + rng() % 18) * kMillisPerDay;
    }
    if (entered.back() > now) entered.back() = now;
    ASSIGN_OR_RETURN(
        auto rows,
        tx.Query("INSERT INTO opportunities (customer_id, name, amount_minor, currency, owner_id, "
                 "expected_close, stage, stage_since, lost_reason, closed_at, version, "
                 "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) "
                 "RETURNING id",
                 {customer, std::string(kDeals[rng() % kDeals.size()]), amount, currency, owner,
                  close, std::string(domain::StageName(stage)), entered.back(),
                  stage == Stage::kLost
                      ? store::Value(std::string(kLostReasons[rng() % kLostReasons.size()]))
                      : store::Null(),
                  closed ? store::Value(entered.back()) : store::Null(), created, entered.back()}));
    const std::int64_t id = rows.front().Int(0);
    for (int k = 0; k < steps; ++k) {
      const Stage s = k + 1 == steps ? stage : domain::kOpenStages[static_cast<std::size_t>(k)];
      const auto left =
          k + 1 == steps ? store::Null() : store::Value(entered[static_cast<std::size_t>(k) + 1]);
      RETURN_IF_ERROR(tx.Exec(
          "INSERT INTO opportunity_stage_history (opportunity_id, stage, "
          "entered_at, left_at, actor) VALUES (?, ?, ?, ?, 'demo')",
          {id, std::string(domain::StageName(s)), entered[static_cast<std::size_t>(k)], left}));
    }
    ++counts.opportunities;
    if (closed && rng() % 2 == 0) continue;
    // A task on most open deals: a third overdue, a quarter done.
    const Millis due = now + (static_cast<Millis>(rng() % 30) - 10) * kMillisPerDay;
    const bool done = rng() % 4 == 0;
    RETURN_IF_ERROR(tx.Exec(
        "INSERT INTO tasks (title, due_at, assignee_id, status, customer_id, opportunity_id, "
        "done_at, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        {std::string(kTasks[rng() % kTasks.size()]), due, owner,
         std::string(done ? "done" : "open"), customer, id,
         done ? store::Value(std::min(due, now)) : store::Null(), created, created}));
    ++counts.tasks;
  }
  return Ok();
}

// Invoices each demo order at its order date with 30 days' terms. Most older invoices are
// paid; some are part paid or unpaid, so balances fall in every ageing bucket.
Status AddInvoices(store::Tx& tx, std::mt19937_64& rng, Millis now,
                   const std::vector<std::pair<std::int64_t, Millis>>& orders,
                   std::int64_t li_wei_order, Counts& counts) {
  for (const auto& [order, ordered] : orders) {
    auto id = InvoiceOrder(tx, order, ordered, ordered + 30 * kMillisPerDay, now);
    if (!id) return Fail(id.error());
    ++counts.invoices;
    ASSIGN_OR_RETURN(auto row, tx.Query("SELECT total_minor FROM invoices WHERE id = ?", {*id}));
    const std::int64_t total = row.front().Int(0);
    const auto roll = rng() % 10;
    std::int64_t pay = 0;
    if (order == li_wei_order)
      pay = total / 2;  // Li Wei keeps an open balance
    else if (roll < 6)
      pay = total;
    else if (roll < 8)
      pay = total * static_cast<std::int64_t>(20 + rng() % 60) / 100;
    if (pay <= 0) continue;
    const Millis paid_at =
        std::min(now, ordered + static_cast<Millis>(10 + rng() % 40) * kMillisPerDay);
    RETURN_IF_ERROR(
        ApplyPayment(tx, *id, pay, paid_at, std::string("bank transfer"), std::nullopt, now));
    ++counts.payments;
  }
  return Ok();
}

// Credit limits for the customers with open balances: twice their exposure, except the
// first, whose limit is barely above it (an order would exceed it).
Status AddCreditLimits(store::Tx& tx, Millis now, const std::string& currency, Counts& counts) {
  ASSIGN_OR_RETURN(auto rows,
                   tx.Query("SELECT customer_id, SUM(total_minor - paid_minor - credited_minor) "
                            "FROM invoices WHERE status = 'open' AND currency = ? GROUP BY "
                            "customer_id ORDER BY customer_id LIMIT 40",
                            {currency}));
  bool first = true;
  for (const auto& r : rows) {
    const std::int64_t exposure = r.Int(1);
    const std::int64_t limit = first ? exposure + exposure / 20 : exposure * 2;
    first = false;
    RETURN_IF_ERROR(
        tx.Exec("INSERT INTO customer_credit (customer_id, credit_limit_minor, "
                "currency, updated_at) VALUES (?, ?, ?, ?)",
                {r.Int(0), limit / 100 * 100, currency, now}));
    ++counts.credit_limits;
  }
  return Ok();
}

}  // namespace

Status AddPipelineDemo(const Env& env, std::uint64_t seed, DemoSummary& summary) {
  std::mt19937_64 rng(seed * 104'729 + 11);
  const Millis now = env.clock.Now();
  Counts counts;
  RETURN_IF_ERROR(env.db.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(std::string currency, LedgerCurrencyOrDefault(tx));
    ASSIGN_OR_RETURN(auto cust, tx.Query("SELECT id FROM customers WHERE status = 'active' "
                                         "ORDER BY id LIMIT 600"));
    std::vector<std::int64_t> customers, owners;
    for (const auto& r : cust) customers.push_back(r.Int(0));
    ASSIGN_OR_RETURN(auto users, tx.Query("SELECT id FROM users WHERE role IN ('sales', "
                                          "'manager') ORDER BY id"));
    for (const auto& r : users) owners.push_back(r.Int(0));
    RETURN_IF_ERROR(AddOpportunities(tx, rng, now, customers, owners, currency, counts));

    ASSIGN_OR_RETURN(auto ord, tx.Query("SELECT o.id, COALESCE(o.ordered_at, o.created_at) FROM "
                                        "orders o WHERE o.kind = 'order' AND o.status <> "
                                        "'cancelled' AND EXISTS (SELECT 1 FROM order_lines l "
                                        "WHERE l.order_id = o.id) ORDER BY o.id"));
    std::vector<std::pair<std::int64_t, Millis>> orders;
    for (const auto& r : ord) orders.emplace_back(r.Int(0), r.Int(1));
    ASSIGN_OR_RETURN(auto li, tx.Query("SELECT o.id FROM orders o JOIN customers c ON c.id = "
                                       "o.customer_id WHERE c.name = 'Li Wei' AND o.kind = "
                                       "'order' ORDER BY o.id LIMIT 1"));
    const std::int64_t li_wei_order = li.empty() ? 0 : li.front().Int(0);
    RETURN_IF_ERROR(AddInvoices(tx, rng, now, orders, li_wei_order, counts));
    return AddCreditLimits(tx, now, currency, counts);
  }));
  summary.more.emplace_back("opportunities", counts.opportunities);
  summary.more.emplace_back("tasks", counts.tasks);
  summary.more.emplace_back("invoices", counts.invoices);
  summary.more.emplace_back("payments", counts.payments);
  summary.more.emplace_back("credit_limits", counts.credit_limits);
  return Ok();
}

}  // namespace chaincrm::services
