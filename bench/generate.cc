// bench_generate: fills an empty database with the load-test data set (--mode full, the
// default) or the value-run data set (--mode value, bench/value_data.cc).
//
//   bench_generate --db sqlite:bench/out/sqlite.db --customers 100000
//   bench_generate --mode value --db sqlite:bench/out/value.db --customers 1000000
//     --purchases 10 --end 2026-11-24   (one command line)
//
// Full mode: // Every row goes through the store repositories (InsertCustomer, InsertInteraction,
// services::PostPurchase), so phones are normalised, the name index is filled and the
// per-customer purchase aggregates are kept exactly as the server keeps them. Customer i
// (0-based) has the phone "+86 139 AAAA BBBB" with AAAABBBB = i, which the load test
// uses to look customers up. Data is deterministic for a given --seed: each customer
// draws from its own random stream, so worker threads do not change the result.

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/time.h"
#include "domain/activity.h"
#include "domain/customer.h"
#include "services/customer_json.h"
#include "services/demo_vocabulary.h"
#include "services/ledger.h"
#include "store/activity_repository.h"
#include "store/change_log.h"
#include "store/customer_repository.h"
#include "store/database.h"
#include "store/migrations.h"
#include "value_data.h"

namespace {

using chaincrm::services::demo::kCities;
using chaincrm::services::demo::kCnGiven;
using chaincrm::services::demo::kCnSurnames;
using chaincrm::services::demo::kConsumerProducts;
using chaincrm::services::demo::kGiven;
using chaincrm::services::demo::kInteractionKinds;
using chaincrm::services::demo::kOrgKinds;
using chaincrm::services::demo::kSurnames;
using chaincrm::services::demo::Pick;
using chaincrm::services::demo::Product;

using chaincrm::Error;
using chaincrm::Fail;
using chaincrm::kMillisPerDay;
using chaincrm::Millis;
using chaincrm::Ok;
using chaincrm::Status;
namespace store = chaincrm::store;
namespace domain = chaincrm::domain;

struct Options {
  std::string db;
  int customers = 100'000;
  int interactions = 10;  // per customer on average (uniform 0 .. 2×)
  int purchases = 10;     // per customer on average (uniform 0 .. 2×)
  int batch = 5'000;      // customers per transaction
  int threads = 0;        // 0: 1 on SQLite, 3 on PostgreSQL
  std::uint64_t seed = 7;
  bool value_mode = false;    // --mode value: the bulk value-run data set
  std::optional<Millis> end;  // --end DATE (value mode): observation end, default now
  int rows = 500;             // --rows (value mode): rows per multi-row INSERT
};

struct Generated {
  domain::Customer customer;
  std::vector<domain::Purchase> purchases;
  std::vector<domain::Interaction> interactions;
};

std::string PhoneOf(int index) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "+86 139 %04d %04d", (index / 10000) % 10000, index % 10000);
  return buf;
}

Generated Make(const Options& o, int index, Millis now) {
  // SplitMix-style per-customer seed: independent of batch and thread layout.
  std::mt19937_64 rng(o.seed * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(index));
  std::uniform_real_distribution<double> u(0, 1);
  Generated g;
  domain::Customer& c = g.customer;
  const auto& city = Pick(rng, kCities);
  const bool person = u(rng) < 0.8;
  if (person) {
    c.kind = "person";
    c.roles = {"end_customer"};
    if (u(rng) < 0.6) {
      c.name =
          std::string(Pick(rng, kSurnames)) + " " + Pick(rng, kGiven) + " " + Pick(rng, kGiven);
    } else {
      c.name = std::string(Pick(rng, kCnSurnames)) + Pick(rng, kCnGiven) + Pick(rng, kCnGiven);
    }
    c.gender = u(rng) < 0.55 ? "female" : "male";
    char bd[48];
    std::snprintf(bd, sizeof bd, "%04d-%02d-%02d", 1960 + static_cast<int>(u(rng) * 45),
                  1 + static_cast<int>(u(rng) * 12), 1 + static_cast<int>(u(rng) * 28));
    c.birth_date = bd;
    if (u(rng) < 0.3) c.measurements = {{"chest_cm", 96}, {"waist_cm", 82}, {"height_cm", 172}};
    c.emails = {{"bench" + std::to_string(index) + "@example.cn", "home", true}};
  } else {
    c.kind = "organization";
    c.roles = {u(rng) < 0.6 ? "business_buyer" : "retailer"};
    const auto& kind = Pick(rng, kOrgKinds);
    c.name = u(rng) < 0.5 ? std::string(city[1]) + Pick(rng, kCnGiven) + kind[1] + "有限公司"
                          : std::string(city[0]) + " " + kind[0] + " Co. " + std::to_string(index);
    c.employees = 5 + static_cast<std::int64_t>(u(rng) * 500);
    c.sector = "retail";
    c.emails = {{"orders" + std::to_string(index) + "@company.example.cn", "work", true}};
    c.external_ids = {{"erp", "ERP-" + std::to_string(100000 + index)}};
  }
  c.phones = {{PhoneOf(index), person ? "mobile" : "work", ""}};
  c.addresses = {{"main", std::to_string(1 + index % 300) + " Wensan Road", "", city[0], city[2],
                  std::to_string(310000 + index % 999), "CN"}};
  if (u(rng) < 0.15) c.tags.push_back("vip");
  c.created_at = c.updated_at = now - 800 * kMillisPerDay;

  const Millis start = now - 730 * kMillisPerDay;
  const auto span = static_cast<double>(now - start);
  std::uniform_int_distribution<int> n_purchases(0, 2 * o.purchases);
  const int np = n_purchases(rng);
  std::vector<Millis> times;
  for (int i = 0; i < np; ++i) times.push_back(start + static_cast<Millis>(u(rng) * span));
  std::sort(times.begin(), times.end());
  for (int i = 0; i < np; ++i) {
    const Product& p = Pick(rng, kConsumerProducts);
    domain::Purchase pu;
    pu.occurred_at = times[static_cast<std::size_t>(i)];
    pu.sku = p.sku;
    pu.product = p.name;
    pu.quantity = 1 + static_cast<int>(u(rng) * 3);
    pu.revenue = static_cast<std::int64_t>(p.price * pu.quantity * (0.8 + 0.4 * u(rng)) * 100);
    pu.cost = static_cast<std::int64_t>(static_cast<double>(pu.revenue) * (0.5 + 0.15 * u(rng)));
    pu.currency = "CNY";
    pu.order_ref = "SO-" + std::to_string(index) + "-" + std::to_string(i + 1);
    pu.created_at = now;
    g.purchases.push_back(std::move(pu));
  }
  std::uniform_int_distribution<int> n_interactions(0, 2 * o.interactions);
  const int ni = n_interactions(rng);
  for (int i = 0; i < ni; ++i) {
    const auto& k = Pick(rng, kInteractionKinds);
    domain::Interaction in;
    in.type = k[0];
    in.direction = k[1];
    in.channel = k[2];
    in.subject = k[3];
    in.occurred_at = start + static_cast<Millis>(u(rng) * span);
    in.created_at = now;
    g.interactions.push_back(std::move(in));
  }
  return g;
}

struct Counts {
  std::atomic<std::int64_t> customers{0}, purchases{0}, interactions{0};
};

// Generates and inserts customers [begin, end) in one transaction.
Status InsertBatch(store::Database& db, const Options& o, int begin, int end, Millis now,
                   Counts& counts) {
  std::vector<Generated> batch;
  batch.reserve(static_cast<std::size_t>(end - begin));
  for (int i = begin; i < end; ++i) {
    batch.push_back(Make(o, i, now));
    if (auto errs = domain::ValidateCustomer(batch.back().customer); !errs.empty()) {
      return Fail(Error::Internal("generated customer " + std::to_string(i) + " is invalid: " +
                                  errs.front().field + " " + errs.front().message));
    }
  }
  std::int64_t purchases = 0, interactions = 0;
  RETURN_IF_ERROR(db.Write([&](store::Tx& tx) -> Status {
    purchases = interactions = 0;  // Write may re-run the callback
    for (auto& g : batch) {
      RETURN_IF_ERROR(store::InsertCustomer(tx, g.customer, {}));
      store::ChangeEntry e;
      e.at = now;
      e.actor = "system:bench";
      e.entity = "customer";
      e.entity_id = e.customer_id.emplace(g.customer.id);
      e.op = "create";
      e.after_json = boost::json::serialize(
          chaincrm::services::CustomerToJson(g.customer, {true, true, true}, "CNY"));
      RETURN_IF_ERROR(store::AppendChange(tx, e));
      for (auto& p : g.purchases) {
        p.customer_id = g.customer.id;
        RETURN_IF_ERROR(chaincrm::services::PostPurchase(tx, p));
      }
      for (auto& in : g.interactions) {
        in.customer_id = g.customer.id;
        RETURN_IF_ERROR(store::InsertInteraction(tx, in));
      }
      purchases += static_cast<std::int64_t>(g.purchases.size());
      interactions += static_cast<std::int64_t>(g.interactions.size());
    }
    return Ok();
  }));
  counts.customers += end - begin;
  counts.purchases += purchases;
  counts.interactions += interactions;
  return Ok();
}

void Usage() {
  std::fprintf(stderr,
               "usage: bench_generate --db URL [--customers N] [--interactions N] "
               "[--purchases N] [--batch N] [--threads N] [--seed S]\n"
               "       bench_generate --mode value --db URL [--customers N] [--purchases N] "
               "[--end YYYY-MM-DD] [--rows N] [--seed S]\n"
               "  --db           sqlite:PATH or postgresql://… (must hold no customers)\n"
               "  --customers    customers to create (default 100000)\n"
               "  --interactions interactions per customer on average (default 10)\n"
               "  --purchases    purchases per customer on average (default 10)\n"
               "  --batch        customers per transaction (default 5000)\n"
               "  --threads      writer threads (default 1 on SQLite, 3 on PostgreSQL)\n"
               "  --mode         full (default: every row through the repositories) or value\n"
               "                 (bulk: customers and a Pareto/NBD + Gamma-Gamma ledger only)\n"
               "  --end          value mode: observation end date (default now)\n"
               "  --rows         value mode: rows per multi-row INSERT (default 500)\n");
}

bool ParseArgs(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "-h" || a == "--help") return false;
    if (i + 1 >= argc) {
      std::fprintf(stderr, "bench_generate: %s needs a value\n", argv[i]);
      return false;
    }
    const char* v = argv[++i];
    if (a == "--db") {
      o.db = v;
    } else if (a == "--customers") {
      o.customers = std::atoi(v);
    } else if (a == "--interactions") {
      o.interactions = std::atoi(v);
    } else if (a == "--purchases") {
      o.purchases = std::atoi(v);
    } else if (a == "--batch") {
      o.batch = std::atoi(v);
    } else if (a == "--threads") {
      o.threads = std::atoi(v);
    } else if (a == "--seed") {
      o.seed = std::strtoull(v, nullptr, 10);
    } else if (a == "--mode") {
      if (std::string_view(v) != "full" && std::string_view(v) != "value") {
        std::fprintf(stderr, "bench_generate: --mode is full or value\n");
        return false;
      }
      o.value_mode = std::string_view(v) == "value";
    } else if (a == "--end") {
      auto d = chaincrm::ParseDate(v);
      if (!d) {
        std::fprintf(stderr, "bench_generate: --end %s: %s\n", v, d.error().message().c_str());
        return false;
      }
      o.end = *d;
    } else if (a == "--rows") {
      o.rows = std::atoi(v);
    } else {
      std::fprintf(stderr, "bench_generate: unknown option %s\n", argv[i - 1]);
      return false;
    }
  }
  if (o.db.empty() || o.customers < 1 || o.customers > 100'000'000 || o.batch < 1 ||
      o.interactions < 0 || o.purchases < 0 || o.threads < 0 || o.rows < 1) {
    return false;
  }
  return true;
}

int Die(const Error& e) {
  std::fprintf(stderr, "\nbench_generate: %s\n", e.message().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!ParseArgs(argc, argv, o)) {
    Usage();
    return 2;
  }
  if (o.value_mode) {
    chaincrm::bench::ValueDataOptions v;
    v.db = o.db;
    v.customers = o.customers;
    v.purchases = o.purchases;
    v.end = o.end.value_or(chaincrm::SystemClock::Instance().Now());
    v.rows_per_statement = o.rows;
    v.seed = o.seed;
    return chaincrm::bench::GenerateValueData(v);
  }
  const auto t0 = std::chrono::steady_clock::now();
  auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  auto db = store::OpenDatabase(o.db);
  if (!db) return Die(db.error());
  store::Database& d = **db;
  if (auto m = store::Migrate(d); !m) return Die(m.error());
  std::int64_t existing = 0;
  if (auto s = d.Read([&](store::Tx& tx) -> Status {
        ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT COUNT(*) FROM customers"));
        existing = rows.front().Int(0);
        return Ok();
      });
      !s) {
    return Die(s.error());
  }
  if (existing > 0) {
    std::fprintf(stderr, "bench_generate: %s already holds %lld customers\n", o.db.c_str(),
                 static_cast<long long>(existing));
    return 1;
  }
  const bool postgres = d.backend() == store::Backend::kPostgres;
  const int threads = o.threads > 0 ? o.threads : postgres ? 3 : 1;
  const Millis now = chaincrm::SystemClock::Instance().Now();
  Counts counts;

  // The first batch alone: the first purchase fixes the ledger currency, and concurrent
  // first purchases would race on that setting.
  const int first_end = std::min(o.customers, o.batch);
  if (auto s = InsertBatch(d, o, 0, first_end, now, counts); !s) return Die(s.error());

  std::atomic<int> next{first_end};
  std::mutex mu;
  std::optional<Error> failure;
  auto report = [&] {
    const auto done = counts.customers.load();
    const double t = seconds();
    std::fprintf(stderr, "\rcustomers %lld/%d (%3.0f%%)  purchases %lld  interactions %lld  %.1f s",
                 static_cast<long long>(done), o.customers,
                 100.0 * static_cast<double>(done) / o.customers,
                 static_cast<long long>(counts.purchases.load()),
                 static_cast<long long>(counts.interactions.load()), t);
  };
  report();
  auto worker = [&] {
    for (;;) {
      const int begin = next.fetch_add(o.batch);
      if (begin >= o.customers) return;
      {
        std::lock_guard lock(mu);
        if (failure) return;
      }
      const int end = std::min(o.customers, begin + o.batch);
      auto s = InsertBatch(d, o, begin, end, now, counts);
      std::lock_guard lock(mu);
      if (!s && !failure) failure = s.error();
      report();
    }
  };
  std::vector<std::thread> pool;
  for (int i = 0; i < threads; ++i) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  if (failure) return Die(*failure);
  std::fprintf(stderr, "\n");
  const double load_seconds = seconds();

  // Planner statistics, as autovacuum would gather them shortly after a bulk load.
  if (postgres) {
    if (auto s = d.Write([](store::Tx& tx) -> Status {
          RETURN_IF_ERROR(tx.Exec("ANALYZE"));
          return Ok();
        });
        !s) {
      return Die(s.error());
    }
  }
  std::printf(
      "generated %lld customers, %lld purchases, %lld interactions in %.1f s "
      "(%d thread(s), %d customers per transaction%s)\n",
      static_cast<long long>(counts.customers.load()),
      static_cast<long long>(counts.purchases.load()),
      static_cast<long long>(counts.interactions.load()), load_seconds, threads, o.batch,
      postgres ? ", then ANALYZE" : "");
  std::printf("elapsed %.1f s\n", seconds());
  return 0;
}
