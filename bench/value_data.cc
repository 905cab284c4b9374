// bench_generate --mode value: the value-run data set, written in bulk.
//
// Purchase histories follow the Pareto/NBD process with churn (Schmittlein, Morrison &
// Colombo 1987), time in weeks: each buyer's first purchase is uniform over the span before
// the observation end; while alive (lifetime ~ Exp(mu), mu ~ Gamma(s, beta)) the buyer
// repeats at Poisson rate lambda ~ Gamma(r, alpha). Each transaction has 1-4 lines whose
// revenues split a Gamma-Gamma spend (z ~ Gamma(p, nu), nu ~ Gamma(q, gamma)). alpha is
// solved in closed form so that the mean number of lines per customer is --purchases.
//
// Rows are written with multi-row INSERTs (one statement shape of --rows rows, prepared once
// and reused, plus the tail): customers in transactions of 50,000, the next batch being drawn
// on a second thread while one is written; then the purchase lines, sorted by time so that
// ids follow occurred_at as in a ledger posted over time, in transactions of 500,000. The secondary
// indexes of customers and purchases are dropped first and rebuilt from their own definitions at
// the end (one sort instead of millions of random B-tree inserts). The per-customer aggregates that
// PostPurchase maintains (purchase_count, purchase_days, revenue_total, cost_total,
// first/last_purchase_at) are computed in memory with the same day rule (UTC days), and the ledger
// currency setting is set, so the application reads the data set as if it had been posted one
// purchase at a time. Left out compared with the full mode: customer child rows (phones, e-mails,
// addresses, tags), the change log and interactions, which the value run does not read.

#include "value_data.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <future>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/text.h"
#include "services/demo_vocabulary.h"
#include "store/database.h"
#include "store/migrations.h"

namespace chaincrm::bench {

namespace {

using services::demo::kCities;
using services::demo::kCnGiven;
using services::demo::kCnSurnames;
using services::demo::kConsumerProducts;
using services::demo::kGiven;
using services::demo::kOrgKinds;
using services::demo::kSurnames;
using services::demo::Pick;

constexpr double kMillisPerWeek = 7.0 * static_cast<double>(kMillisPerDay);
// P(a transaction has 1, 2, 3, 4 lines).
constexpr double kLinesPerTransaction[] = {0.65, 0.22, 0.09, 0.04};
constexpr int kMaxTransactions = 5'000;  // per customer: a bound on extreme rates

double MeanLinesPerTransaction() {
  double m = 0;
  for (std::size_t i = 0; i < std::size(kLinesPerTransaction); ++i)
    m += static_cast<double>(i + 1) * kLinesPerTransaction[i];
  return m;
}

/// alpha such that buyers make `target` transactions on average (the first one included):
/// E[X(T)] = (r / alpha) E[min(lifetime, T)], E[min(lifetime, T)] = beta / (s - 1)
/// (1 - (beta / (beta + T))^(s - 1)), averaged over T uniform on [0, span].
double SolveAlpha(const ValueDataOptions& o, double target) {
  const double span = o.span_days / 7.0;
  constexpr int kSteps = 2'000;
  double mean_alive = 0;
  for (int i = 0; i < kSteps; ++i) {
    const double t = span * (i + 0.5) / kSteps;
    mean_alive += std::abs(o.s - 1.0) < 1e-9
                      ? o.beta * std::log1p(t / o.beta)
                      : o.beta / (o.s - 1.0) * (1.0 - std::pow(o.beta / (o.beta + t), o.s - 1.0));
  }
  mean_alive /= kSteps;
  return o.r * mean_alive / (target - 1.0);
}

struct CustomerRow {
  std::int64_t id = 0;
  std::string kind, name, roles, city_name, country;
  std::optional<std::string> sector;
  std::optional<std::int64_t> employees;
  std::optional<Millis> first, last;
  std::int64_t count = 0, days = 0, revenue = 0, cost = 0;
  Millis created_at = 0;
};

struct LineRow {
  std::int64_t customer_id = 0;
  Millis at = 0;
  std::int64_t revenue = 0, cost = 0;
  std::uint16_t order_no = 0;  // the customer's n-th transaction
  std::uint8_t line_no = 0;    // line of that transaction
  std::uint8_t product = 0, quantity = 1;
};

/// Ledger order: by time, as the purchases would have been posted.
bool PostedBefore(const LineRow& l, const LineRow& r) {
  if (l.at != r.at) return l.at < r.at;
  if (l.customer_id != r.customer_id) return l.customer_id < r.customer_id;
  return l.order_no != r.order_no ? l.order_no < r.order_no : l.line_no < r.line_no;
}

struct Batch {
  std::vector<CustomerRow> customers;
  std::vector<LineRow> lines;
};

Millis DayOf(Millis t) { return t - ((t % kMillisPerDay) + kMillisPerDay) % kMillisPerDay; }

class Simulator {
 public:
  explicit Simulator(const ValueDataOptions& o)
      : o_(o),
        buyer_share_(1.0 - o.no_purchase_share),
        alpha_(SolveAlpha(o, o.purchases / (MeanLinesPerTransaction() * buyer_share_))) {}

  double alpha() const { return alpha_; }

  /// Customers [begin, end) of the data set (0-based indexes) with ids from first_id, and
  /// their purchase lines.
  Batch Make(int begin, int end, std::int64_t first_id) const {
    Batch b;
    b.customers.reserve(static_cast<std::size_t>(end - begin));
    b.lines.reserve(static_cast<std::size_t>((end - begin) * (o_.purchases + 1) * 1.2));
    for (int i = begin; i < end; ++i) b.customers.push_back(MakeCustomer(i, first_id + i, b.lines));
    return b;
  }

 private:
  CustomerRow MakeCustomer(int index, std::int64_t id, std::vector<LineRow>& lines) const {
    // Per-customer stream: the data set does not depend on the batch layout.
    std::mt19937_64 rng(o_.seed * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(index));
    std::uniform_real_distribution<double> u(0, 1);
    CustomerRow c;
    c.id = id;
    const auto& city = Pick(rng, kCities);
    c.city_name = city[0];
    c.country = "CN";
    if (u(rng) < 0.8) {
      c.kind = "person";
      c.roles = ",end_customer,";
      c.name = u(rng) < 0.6 ? std::string(Pick(rng, kSurnames)) + " " + Pick(rng, kGiven) + " " +
                                  Pick(rng, kGiven)
                            : std::string(Pick(rng, kCnSurnames)) + Pick(rng, kCnGiven) +
                                  Pick(rng, kCnGiven);
    } else {
      c.kind = "organization";
      c.roles = u(rng) < 0.6 ? ",business_buyer," : ",retailer,";
      const auto& kind = Pick(rng, kOrgKinds);
      c.name = std::string(city[0]) + " " + kind[0] + " Co. " + std::to_string(index);
      // Log-uniform 5 .. 5,000 staff: about a third are large accounts (>= 250).
      c.employees = static_cast<std::int64_t>(5.0 * std::pow(1000.0, u(rng)));
      c.sector = u(rng) < 0.05 ? "education" : "retail";
    }
    const auto span = static_cast<double>(o_.span_days) * static_cast<double>(kMillisPerDay);
    const bool buyer = u(rng) < buyer_share_;
    if (!buyer) {
      c.created_at = o_.end - static_cast<Millis>(u(rng) * span) - 1;
      return c;
    }
    const Millis birth = o_.end - static_cast<Millis>(u(rng) * span) - 1;
    c.created_at = birth - static_cast<Millis>(u(rng) * 30.0 * kMillisPerDay);
    const double age = static_cast<double>(o_.end - birth) / kMillisPerWeek;
    const double lambda = std::gamma_distribution<double>(o_.r, 1.0 / alpha_)(rng);
    const double mu = std::gamma_distribution<double>(o_.s, 1.0 / o_.beta)(rng);
    const double lifetime = -std::log1p(-u(rng)) / mu;
    const double horizon = std::min(lifetime, age);
    const double nu = std::gamma_distribution<double>(o_.gg_q, 1.0 / o_.gg_gamma)(rng);
    std::gamma_distribution<double> spend(o_.gg_p, 1.0 / nu);
    std::exponential_distribution<double> weight(1.0);
    double t = 0;
    Millis previous_day = 0;
    for (int n = 1; n <= kMaxTransactions; ++n) {
      const Millis at = std::min(birth + static_cast<Millis>(t * kMillisPerWeek), o_.end - 1);
      const double x = u(rng);
      int nlines = 1;
      for (double acc = kLinesPerTransaction[0]; nlines < 4 && x > acc;)
        acc += kLinesPerTransaction[nlines++];
      const auto total = std::max<std::int64_t>(nlines, std::llround(spend(rng) * 100.0));
      double w[4], wsum = 0;
      for (int k = 0; k < nlines; ++k) wsum += (w[k] = weight(rng));
      std::int64_t left = total;
      for (int k = 0; k < nlines; ++k) {
        LineRow l;
        l.customer_id = id;
        l.at = at;
        l.revenue = k + 1 == nlines ? left
                                    : std::clamp<std::int64_t>(
                                          std::llround(static_cast<double>(total) * w[k] / wsum), 1,
                                          left - (nlines - k - 1));
        left -= l.revenue;
        l.cost = static_cast<std::int64_t>(static_cast<double>(l.revenue) * (0.5 + 0.15 * u(rng)));
        l.product =
            static_cast<std::uint8_t>(u(rng) * static_cast<double>(std::size(kConsumerProducts)));
        l.quantity = static_cast<std::uint8_t>(1 + static_cast<int>(u(rng) * 2.0));
        l.order_no = static_cast<std::uint16_t>(n);
        l.line_no = static_cast<std::uint8_t>(k);
        c.count += 1;
        c.revenue += l.revenue;
        c.cost += l.cost;
        lines.push_back(l);
      }
      if (!c.first) c.first = at;
      c.last = at;
      if (const Millis day = DayOf(at); n == 1 || day != previous_day) {
        ++c.days;
        previous_day = day;
      }
      if (!(lambda > 0)) break;
      t += -std::log1p(-u(rng)) / lambda;
      if (t >= horizon) break;
    }
    return c;
  }

  const ValueDataOptions& o_;
  double buyer_share_;
  double alpha_;
};

std::string InsertSql(std::string_view head, int columns, int rows) {
  std::string tuple = "(";
  for (int i = 0; i < columns; ++i) tuple += i ? ",?" : "?";
  tuple += ")";
  std::string sql(head);
  sql += " VALUES ";
  for (int i = 0; i < rows; ++i) {
    if (i) sql += ",";
    sql += tuple;
  }
  return sql;
}

constexpr std::string_view kCustomersHead =
    "INSERT INTO customers (id, kind, name, name_folded, status, roles, sector, employees, "
    "country, city, first_purchase_at, last_purchase_at, purchase_count, purchase_days, "
    "revenue_total, cost_total, version, created_at, updated_at)";
constexpr int kCustomerColumns = 19;
constexpr std::string_view kPurchasesHead =
    "INSERT INTO purchases (id, customer_id, occurred_at, sku, product, quantity, revenue, cost, "
    "currency, order_ref, created_at)";
constexpr int kPurchaseColumns = 11;

void AddCustomer(store::Params& p, const CustomerRow& c) {
  p.push_back(c.id);
  p.push_back(c.kind);
  p.push_back(c.name);
  p.push_back(FoldForSearch(c.name));
  p.push_back(std::string("active"));
  p.push_back(c.roles);
  p.push_back(store::OrNull(c.sector));
  p.push_back(store::OrNull(c.employees));
  p.push_back(c.country);
  p.push_back(FoldForSearch(c.city_name));
  p.push_back(store::OrNull(c.first));
  p.push_back(store::OrNull(c.last));
  p.push_back(c.count);
  p.push_back(c.days);
  p.push_back(c.revenue);
  p.push_back(c.cost);
  p.push_back(std::int64_t{1});
  p.push_back(c.created_at);
  p.push_back(c.created_at);
}

void AddLine(store::Params& p, const LineRow& l, std::int64_t id) {
  const auto& product = kConsumerProducts[l.product];
  p.push_back(id);
  p.push_back(l.customer_id);
  p.push_back(l.at);
  p.push_back(std::string(product.sku));
  p.push_back(std::string(product.name));
  p.push_back(static_cast<double>(l.quantity));
  p.push_back(l.revenue);
  p.push_back(l.cost);
  p.push_back(std::string("CNY"));
  p.push_back("SO-" + std::to_string(l.customer_id) + "-" + std::to_string(l.order_no));
  p.push_back(l.at);
}

/// Multi-row INSERTs of `count` rows, `per_statement` rows each (the same SQL text every time,
/// so the backend's statement cache prepares it once), then one statement for the tail;
/// add(params, i) appends the values of row i.
template <typename Add>
Status InsertRows(store::Tx& tx, std::string_view head, int columns, int per_statement,
                  std::size_t count, Add add) {
  const std::string full = InsertSql(head, columns, per_statement);
  store::Params params;
  params.reserve(static_cast<std::size_t>(columns * per_statement));
  for (std::size_t begin = 0; begin < count;) {
    const std::size_t n = std::min(count - begin, static_cast<std::size_t>(per_statement));
    params.clear();
    for (std::size_t i = begin; i < begin + n; ++i) add(params, i);
    if (n == static_cast<std::size_t>(per_statement)) {
      RETURN_IF_ERROR(tx.Exec(full, params));
    } else {
      RETURN_IF_ERROR(tx.Exec(InsertSql(head, columns, static_cast<int>(n)), params));
    }
    begin += n;
  }
  return Ok();
}

struct IndexDef {
  std::string name, sql;
};

/// The secondary indexes of customers and purchases (not those of primary keys and UNIQUE
/// constraints), with the statement that creates each.
Result<std::vector<IndexDef>> SecondaryIndexes(store::Database& db) {
  std::vector<IndexDef> out;
  const bool pg = db.backend() == store::Backend::kPostgres;
  RETURN_IF_ERROR(db.Read([&](store::Tx& tx) -> Status {
    out.clear();
    const char* sql =
        pg ? "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
             "AND tablename IN ('customers', 'purchases') AND indexname NOT IN "
             "(SELECT conname FROM pg_constraint) ORDER BY indexname"
           : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN "
             "('customers', 'purchases') AND sql IS NOT NULL ORDER BY name";
    return tx.ForEach(sql, {}, [&](const store::Row& r) -> Status {
      out.push_back({r.Text(0), r.Text(1)});
      return Ok();
    });
  }));
  return out;
}

int Die(const Error& e) {
  std::fprintf(stderr, "\nbench_generate: %s\n", e.message().c_str());
  return 1;
}

}  // namespace

int GenerateValueData(const ValueDataOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  const double target_tx = o.purchases / (MeanLinesPerTransaction() * (1.0 - o.no_purchase_share));
  if (!(target_tx > 1.0) || o.customers < 1 || o.rows_per_statement < 1 ||
      o.customers_per_transaction < 1 || o.span_days < 1 || !(o.no_purchase_share >= 0) ||
      !(o.no_purchase_share < 1)) {
    std::fprintf(stderr,
                 "bench_generate: --mode value needs --purchases above %.2f (the lines of one "
                 "transaction per buyer) and positive sizes\n",
                 MeanLinesPerTransaction() * (1.0 - o.no_purchase_share));
    return 2;
  }
  auto opened = store::OpenDatabase(o.db);
  if (!opened) return Die(opened.error());
  store::Database& db = **opened;
  if (auto m = store::Migrate(db); !m) return Die(m.error());
  const bool pg = db.backend() == store::Backend::kPostgres;

  std::int64_t first_id = 1, first_line_id = 1;
  if (auto s = db.Write([&](store::Tx& tx) -> Status {
        ASSIGN_OR_RETURN(auto rows,
                         tx.Query("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM customers"));
        if (rows.front().Int(0) > 0) {
          return Fail(Error::FailedPrecondition(
              o.db + " already holds " + std::to_string(rows.front().Int(0)) + " customers"));
        }
        first_id = rows.front().Int(1) + 1;
        ASSIGN_OR_RETURN(rows, tx.Query("SELECT COALESCE(MAX(id), 0) FROM purchases"));
        first_line_id = rows.front().Int(0) + 1;
        ASSIGN_OR_RETURN(rows,
                         tx.Query("SELECT value FROM settings WHERE name = 'ledger_currency'"));
        if (rows.empty()) {
          RETURN_IF_ERROR(
              tx.Exec("INSERT INTO settings (name, value) VALUES ('ledger_currency', 'CNY')"));
        } else if (rows.front().Text(0) != "CNY") {
          return Fail(Error::FailedPrecondition("the ledger is kept in " + rows.front().Text(0)));
        }
        return Ok();
      });
      !s) {
    return Die(s.error());
  }

  auto indexes = SecondaryIndexes(db);
  if (!indexes) return Die(indexes.error());
  if (auto s = db.Write([&](store::Tx& tx) -> Status {
        for (const auto& ix : *indexes) RETURN_IF_ERROR(tx.Exec("DROP INDEX " + ix.name));
        return Ok();
      });
      !s) {
    return Die(s.error());
  }

  const Simulator sim(o);
  std::fprintf(stderr,
               "bench_generate: Pareto/NBD r=%.3g alpha=%.4g s=%.3g beta=%.3g (weeks), "
               "Gamma-Gamma p=%.3g q=%.3g gamma=%.4g; %.2f transactions per buyer\n",
               o.r, sim.alpha(), o.s, o.beta, o.gg_p, o.gg_q, o.gg_gamma, target_tx);
  // Customers, batch by batch (the next batch is drawn on a second thread meanwhile); their
  // purchase lines are kept to be posted afterwards in time order.
  std::int64_t customers = 0;
  std::vector<LineRow> lines;
  lines.reserve(static_cast<std::size_t>(o.customers * o.purchases * 1.05));
  const int step = o.customers_per_transaction;
  auto draw = [&](int begin) {
    return std::async(std::launch::async, [&sim, &o, begin, first_id] {
      return sim.Make(begin, std::min(o.customers, begin + o.customers_per_transaction), first_id);
    });
  };
  std::future<Batch> next = draw(0);
  std::optional<Error> failure;
  for (int begin = 0; begin < o.customers; begin += step) {
    Batch batch = next.get();
    if (begin + step < o.customers) next = draw(begin + step);
    auto s = db.Write([&](store::Tx& tx) -> Status {
      return InsertRows(
          tx, kCustomersHead, kCustomerColumns, o.rows_per_statement, batch.customers.size(),
          [&](store::Params& p, std::size_t i) { AddCustomer(p, batch.customers[i]); });
    });
    if (!s) {
      failure = s.error();
      if (next.valid()) next.wait();
      break;
    }
    customers += static_cast<std::int64_t>(batch.customers.size());
    lines.insert(lines.end(), batch.lines.begin(), batch.lines.end());
    std::fprintf(stderr, "\rcustomers %lld/%d (%3.0f%%)  purchase lines drawn %zu  %.1f s",
                 static_cast<long long>(customers), o.customers,
                 100.0 * static_cast<double>(customers) / o.customers, lines.size(), seconds());
  }
  std::fprintf(stderr, "\n");

  // The ledger in time order (ids ascending with occurred_at, as if posted over time).
  if (!failure) {
    std::sort(lines.begin(), lines.end(), PostedBefore);
    const auto per_tx = static_cast<std::size_t>(o.customers_per_transaction) * 10;
    for (std::size_t begin = 0; begin < lines.size(); begin += per_tx) {
      const std::size_t n = std::min(per_tx, lines.size() - begin);
      auto s = db.Write([&](store::Tx& tx) -> Status {
        return InsertRows(tx, kPurchasesHead, kPurchaseColumns, o.rows_per_statement, n,
                          [&](store::Params& p, std::size_t i) {
                            AddLine(p, lines[begin + i],
                                    first_line_id + static_cast<std::int64_t>(begin + i));
                          });
      });
      if (!s) {
        failure = s.error();
        break;
      }
      std::fprintf(stderr, "\rpurchases %zu/%zu (%3.0f%%)  %.1f s", begin + n, lines.size(),
                   100.0 * static_cast<double>(begin + n) / static_cast<double>(lines.size()),
                   seconds());
    }
    std::fprintf(stderr, "\n");
  }
  const auto purchase_count = static_cast<long long>(lines.size());
  lines = {};
  const double rows_seconds = seconds();

  // Rebuild the indexes (also after a failure: the database must stay usable), then, on
  // PostgreSQL, move the identity sequences past the explicit ids and gather statistics.
  std::fprintf(stderr, "bench_generate: rebuilding %zu indexes\n", indexes->size());
  if (auto s = db.Write([&](store::Tx& tx) -> Status {
        for (const auto& ix : *indexes) RETURN_IF_ERROR(tx.Exec(ix.sql));
        if (pg) {
          for (const char* table : {"customers", "purchases"}) {
            RETURN_IF_ERROR(tx.Query(std::string("SELECT setval(pg_get_serial_sequence('") + table +
                                     "', 'id'), (SELECT MAX(id) FROM " + table + "))"));
          }
        }
        return Ok();
      });
      !s) {
    return Die(s.error());
  }
  if (failure) return Die(*failure);
  const double index_seconds = seconds() - rows_seconds;
  if (pg) {
    if (auto s = db.Write([](store::Tx& tx) -> Status {
          RETURN_IF_ERROR(tx.Exec("ANALYZE"));
          return Ok();
        });
        !s) {
      return Die(s.error());
    }
  }
  std::printf(
      "generated %lld customers, %lld purchases (value data set: Pareto/NBD r=%g alpha=%.4g "
      "s=%g beta=%g weeks, Gamma-Gamma p=%g q=%g gamma=%g, seed %llu, end %s) in %.1f s: "
      "rows %.1f s, indexes %.1f s%s\n",
      static_cast<long long>(customers), purchase_count, o.r, sim.alpha(), o.s, o.beta, o.gg_p,
      o.gg_q, o.gg_gamma, static_cast<unsigned long long>(o.seed), FormatTime(o.end).c_str(),
      seconds(), rows_seconds, index_seconds, pg ? ", then ANALYZE" : "");
  return 0;
}

}  // namespace chaincrm::bench
