#include "services/analysis_service.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <tuple>

#include "store/analysis_repository.h"
#include "store/migrations.h"
#include "testing/status_matchers.h"

namespace chaincrm::services {
namespace {

class FixedClock final : public Clock {
 public:
  Millis Now() const override { return 1'795'000'000'000; }  // 2026-11-17
};

class ValueRun : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("value_run_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    auto db = store::OpenDatabase("sqlite:" + path_.string());
    ASSERT_TRUE(db.has_value());
    db_ = std::move(*db);
    ASSERT_OK(store::Migrate(*db_));
  }
  void TearDown() override {
    db_.reset();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + ext);
  }
  Env env() { return Env{*db_, clock_}; }

  // A customer with purchases (revenue in minor units) on the given days.
  void AddCustomer(std::int64_t id, const std::vector<std::pair<Millis, std::int64_t>>& buys) {
    ASSERT_OK(db_->Write([&](store::Tx& tx) -> Status {
      RETURN_IF_ERROR(
          tx.Exec("INSERT INTO customers (id, kind, name, name_folded, created_at, updated_at) "
                  "VALUES (?, 'organization', 'C', 'c', 0, 0)",
                  {id}));
      for (const auto& [at, revenue] : buys) {
        RETURN_IF_ERROR(
            tx.Exec("INSERT INTO purchases (customer_id, occurred_at, quantity, revenue, cost, "
                    "currency, created_at) VALUES (?, ?, 1, ?, 0, 'USD', 0)",
                    {id, at, revenue}));
      }
      return Ok();
    }));
  }

  Result<boost::json::object> Run(const boost::json::object& body) {
    ASSIGN_OR_RETURN(auto params, ParseValueRunParams(body, clock_.Now()));
    ASSIGN_OR_RETURN(run_id_, QueueValueRun(env(), Actor::System("test"), params));
    return ExecuteValueRun(env(), run_id_, params);
  }

  store::AnalysisRun Stored() {
    store::AnalysisRun run;
    EXPECT_OK(db_->Read([&](store::Tx& tx) -> Status {
      ASSIGN_OR_RETURN(run, store::LoadRun(tx, run_id_));
      return Ok();
    }));
    return run;
  }

  std::filesystem::path path_;
  std::unique_ptr<store::Database> db_;
  FixedClock clock_;
  std::int64_t run_id_ = 0;
};

constexpr Millis kDay = kMillisPerDay;
constexpr Millis k2026 = 1'767'225'600'000;  // 2026-01-01

TEST_F(ValueRun, EmptyLedgerFailsWithAClearMessage) {
  auto r = Run({{"kind", "value"}});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code(), Code::kFailedPrecondition);
  EXPECT_NE(r.error().message().find("no purchases"), std::string::npos) << r.error().message();
  const auto run = Stored();
  EXPECT_EQ(run.status, "failed");
  EXPECT_EQ(run.error, r.error().message());
  EXPECT_TRUE(run.finished_at.has_value());
}

TEST_F(ValueRun, SingleCustomerGivesAPartialResultWithoutNaN) {
  AddCustomer(1, {{k2026, 1000}});
  ASSERT_OK_AND_ASSIGN(auto result, Run({{"kind", "value"}}));
  EXPECT_TRUE(result.at("bgnbd").is_null());
  EXPECT_TRUE(result.at("paretonbd").is_null());
  EXPECT_FALSE(result.at("warnings").as_array().empty());
  const std::string text = boost::json::serialize(result);
  EXPECT_EQ(text.find("NaN"), std::string::npos) << text;
  EXPECT_EQ(text.find("Infinity"), std::string::npos) << text;
  EXPECT_EQ(Stored().status, "succeeded");
  ASSERT_OK(db_->Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto score, store::LoadScore(tx, 1));
    EXPECT_TRUE(score.has_value());
    EXPECT_EQ(score->abc_class, "A");
    EXPECT_FALSE(score->p_alive.has_value());
    EXPECT_FALSE(score->clv.has_value());
    return Ok();
  }));
}

TEST_F(ValueRun, NoRepeatBuyersScoreRfmAndAbcButNoModel) {
  for (std::int64_t id = 1; id <= 5; ++id) AddCustomer(id, {{k2026 + id * kDay, 1000 * id}});
  ASSERT_OK_AND_ASSIGN(auto result, Run({{"kind", "value"}}));
  const auto& counts = result.at("counts").as_object();
  EXPECT_EQ(counts.at("customers").as_int64(), 5);
  EXPECT_EQ(counts.at("scored_by_model").as_int64(), 0);
  std::int64_t abc = 0;
  for (const auto& [k, v] : counts.at("abc").as_object()) abc += v.as_int64();
  EXPECT_EQ(abc, 5);
}

TEST_F(ValueRun, ASecondRunReplacesTheScores) {
  // (Cohorts with repeat buyers are covered end to end on CDNOW by test_analysis.py.)
  for (std::int64_t id = 1; id <= 3; ++id) AddCustomer(id, {{k2026 + id * kDay, 1000 * id}});
  ASSERT_OK(Run({{"kind", "value"}}));
  const std::int64_t first_run = run_id_;
  ASSERT_OK(Run({{"kind", "value"}, {"rank_by", "profit"}, {"unit", "day"}}));
  EXPECT_GT(run_id_, first_run);
  ASSERT_OK(db_->Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto rows,
                     tx.Query("SELECT COUNT(*), MIN(run_id), MAX(run_id) FROM customer_scores"));
    EXPECT_EQ(rows.front().Int(0), 3);
    EXPECT_EQ(rows.front().Int(1), run_id_);
    EXPECT_EQ(rows.front().Int(2), run_id_);
    return Ok();
  }));
}

// Cases opened, returns requested and shipments delivered before the as-of day cost their
// configured rates; later ones do not count.
TEST_F(ValueRun, CostToServeCountsCasesReturnsAndDeliveries) {
  AddCustomer(1, {{k2026, 100'000}, {k2026 + 30 * kDay, 50'000}});  // revenue 1,500.00
  const Millis before = k2026 + 40 * kDay;
  const Millis after = clock_.Now() + kDay;
  ASSERT_OK(db_->Write([&](store::Tx& tx) -> Status {
    for (Millis at : {before, before + kDay, after}) {
      RETURN_IF_ERROR(tx.Exec(
          "INSERT INTO cases (customer_id, subject, category, channel, priority, status, "
          "created_at, updated_at) VALUES (1, 's', 'other', 'phone', 'normal', 'open', ?, ?)",
          {at, at}));
    }
    RETURN_IF_ERROR(
        tx.Exec("INSERT INTO returns (customer_id, reason, status, quantity, currency, "
                "created_at, updated_at) VALUES (1, 'damaged', 'requested', 1, 'USD', ?, ?)",
                {before, before}));
    RETURN_IF_ERROR(tx.Exec(
        "INSERT INTO orders (id, kind, customer_id, status, currency, created_by, created_at, "
        "updated_at) VALUES (7, 'order', 1, 'delivered', 'USD', 'test', ?, ?)",
        {before, before}));
    for (Millis at : {before, after}) {
      RETURN_IF_ERROR(
          tx.Exec("INSERT INTO shipments (order_id, customer_id, carrier, status, delivered_at, "
                  "created_at, updated_at) VALUES (7, 1, 'SF', 'delivered', ?, ?, ?)",
                  {at, at, at}));
    }
    return Ok();
  }));
  ASSERT_OK_AND_ASSIGN(auto result, Run({{"kind", "value"},
                                         {"cost_per_case", 10.0},
                                         {"cost_per_return", 100.0},
                                         {"cost_per_delivery", 1000.0}}));
  ASSERT_OK(db_->Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto score, store::LoadScore(tx, 1));
    EXPECT_TRUE(score.has_value());
    // 1,500.00 revenue − 0 product cost − (2 × 10 + 1 × 100 + 1 × 1,000).
    EXPECT_TRUE(score->profit.has_value());
    EXPECT_DOUBLE_EQ(score->profit.value_or(0), 1500.0 - 1120.0);
    return Ok();
  }));
}

// The load reads the ledger in table order (here interleaved across customers, with a
// purchase after the as-of day) and groups it by customer: every customer must get exactly
// its own purchases up to the as-of day.
TEST_F(ValueRun, EveryPurchaseReachesItsCustomerFromAnInterleavedLedger) {
  for (std::int64_t id = 1; id <= 6; ++id) AddCustomer(id, {});
  const Millis later = clock_.Now() + 2 * kDay;  // after the as-of day: not loaded
  // (customer, day after 2026-01-01 or `later`, revenue), interleaved across customers.
  const std::vector<std::tuple<std::int64_t, Millis, std::int64_t>> buys = {
      {3, k2026 + 5 * kDay, 300},
      {1, k2026 + 1 * kDay, 100},
      {3, k2026 + 9 * kDay, 301},
      {2, k2026 + 2 * kDay, 200},
      {4, k2026 + 7 * kDay, 400},
      {1, k2026 + 4 * kDay, 101},
      {5, later, 999},
      {3, k2026 + 9 * kDay, 302},
      {5, k2026 + 3 * kDay, 500},
      {1, k2026 + 8 * kDay, 102},
      {3, k2026 + 20 * kDay, 303},
      {2, k2026 + 30 * kDay, 201},
      {5, k2026 + 6 * kDay, 501},
      {4, k2026 + 1 * kDay, 401}};
  ASSERT_OK(db_->Write([&](store::Tx& tx) -> Status {
    for (const auto& [id, at, revenue] : buys) {
      RETURN_IF_ERROR(
          tx.Exec("INSERT INTO purchases (customer_id, occurred_at, quantity, revenue, cost, "
                  "currency, created_at) VALUES (?, ?, 1, ?, 0, 'USD', 0)",
                  {id, at, revenue}));
    }
    return Ok();
  }));
  ASSERT_OK_AND_ASSIGN(auto result, Run({{"kind", "value"}}));
  EXPECT_EQ(result.at("inputs").at("transactions").as_int64(), 13);
  // (distinct days, revenue, last day) per customer, from the list above.
  struct Want {
    std::int64_t id, days, cents, last_day;
  };
  const Millis as_of_day = clock_.Now() / kDay;
  const Want want[] = {
      {1, 3, 303, 8}, {2, 2, 401, 30}, {3, 3, 1206, 20}, {4, 2, 801, 7}, {5, 2, 1001, 6}};
  ASSERT_OK(db_->Read([&](store::Tx& tx) -> Status {
    for (const Want& w : want) {
      ASSIGN_OR_RETURN(auto score, store::LoadScore(tx, w.id));
      EXPECT_TRUE(score.has_value()) << w.id;
      if (!score) continue;
      EXPECT_EQ(score->frequency, w.days) << w.id;
      EXPECT_NEAR(score->monetary.value_or(-1), static_cast<double>(w.cents) / 100.0, 1e-9) << w.id;
      EXPECT_EQ(score->recency_days.value_or(-1), as_of_day - (k2026 / kDay + w.last_day)) << w.id;
    }
    ASSIGN_OR_RETURN(auto none, store::LoadScore(tx, 6));
    EXPECT_TRUE(none.has_value());
    if (none) {
      EXPECT_EQ(none->frequency, 0);
      EXPECT_FALSE(none->recency_days.has_value());
    }
    return Ok();
  }));
}

TEST_F(ValueRun, RejectsBadParameters) {
  EXPECT_FALSE(ParseValueRunParams({{"kind", "value"}, {"as_of", "2999-01-01"}}, clock_.Now()));
  EXPECT_FALSE(ParseValueRunParams({{"kind", "nope"}}, clock_.Now()));
  EXPECT_FALSE(ParseValueRunParams(
      {{"kind", "value"}, {"as_of", "2024-01-01"}, {"calibration_end", "2024-02-01"}},
      clock_.Now()));
  EXPECT_FALSE(
      ParseValueRunParams({{"kind", "value"}, {"monthly_discount_rate", 1.5}}, clock_.Now()));
}

}  // namespace
}  // namespace chaincrm::services
