#include "analytics/clv_discounted.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "testing/status_matchers.h"

namespace chaincrm::analytics {
namespace {

IntervalHistory Profits(std::vector<double> p, double potential = 0) {
  IntervalHistory h;
  h.customer_id = 1;
  h.revenue = p;
  h.cost.assign(p.size(), 0.0);
  h.potential_per_interval = potential;
  return h;
}

TEST(DiscountedClv, MatchesHandComputation) {
  // Profits 10, 20, 30 at c = 10 %, retention 0.75 -> m = 0.75 / 0.25 = 3 intervals.
  // Historical: 10 * 1.1^2 + 20 * 1.1 + 30 = 64.1.
  // Trend 10 i -> future 40/1.1 + 50/1.21 + 60/1.331 = 122.7648...
  // Potential gap 4, half realised: 2/1.1 + 2/1.21 + 2/1.331 = 4.97370...
  DiscountedClvOptions o;
  o.discount_rate = 0.10;
  o.retention_rate = 0.75;
  o.potential_realisation = 0.5;
  IntervalHistory h = Profits({15, 30, 45}, 4);
  h.cost = {5, 10, 15};
  ASSERT_OK_AND_ASSIGN(const DiscountedClv v, ComputeDiscountedClv(h, o));
  EXPECT_NEAR(v.historical_value, 64.1, 1e-9);
  EXPECT_NEAR(v.trend_slope, 10, 1e-12);
  EXPECT_NEAR(v.trend_intercept, 0, 1e-12);
  EXPECT_NEAR(v.expected_intervals, 3, 1e-12);
  EXPECT_NEAR(v.future_value, 40 / 1.1 + 50 / 1.21 + 60 / 1.331, 1e-9);
  EXPECT_NEAR(v.potential_value, 2 / 1.1 + 2 / 1.21 + 2 / 1.331, 1e-9);
  EXPECT_NEAR(v.total, v.historical_value + v.future_value + v.potential_value, 1e-9);
}

TEST(DiscountedClv, FractionalLifetimeAndFloorAtZero) {
  DiscountedClvOptions o;
  o.discount_rate = 0.0;
  o.retention_rate = 0.7;  // m = 2.333...
  ASSERT_OK_AND_ASSIGN(const DiscountedClv flat, ComputeDiscountedClv(Profits({6, 6}), o));
  EXPECT_NEAR(flat.future_value, 6 * 7.0 / 3.0, 1e-9);
  // A falling trend projects 0, -10: the loss is not extrapolated.
  o.retention_rate = 0.8;
  ASSERT_OK_AND_ASSIGN(const DiscountedClv falling, ComputeDiscountedClv(Profits({30, 20, 10}), o));
  EXPECT_EQ(falling.future_value, 0);
  EXPECT_EQ(falling.historical_value, 60);
}

TEST(DiscountedClv, ConstantSeriesForecastsTheConstantAndClvIsNonNegative) {
  const unsigned seed = 4242;
  std::printf("discounted CLV property seed %u\n", seed);
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> amount(0, 100), rate(0, 0.05), keep(0, 0.99);
  for (int k = 0; k < 200; ++k) {
    DiscountedClvOptions o;
    o.discount_rate = rate(rng);
    o.retention_rate = keep(rng);
    const double c = amount(rng);
    const std::size_t n = 1 + static_cast<std::size_t>(k % 12);
    ASSERT_OK_AND_ASSIGN(const DiscountedClv v,
                         ComputeDiscountedClv(Profits(std::vector<double>(n, c)), o));
    ASSERT_NEAR(v.trend_slope, 0, 1e-9);
    ASSERT_NEAR(v.trend_intercept, c, 1e-9);
    std::vector<double> noisy(n);
    for (double& x : noisy) x = amount(rng);
    ASSERT_OK_AND_ASSIGN(const DiscountedClv w, ComputeDiscountedClv(Profits(noisy), o));
    ASSERT_GE(w.total, 0);
    ASSERT_GE(w.future_value, 0);
  }
}

TEST(DiscountedClv, DocumentFormulaAndRetention) {
  ASSERT_OK_AND_ASSIGN(const double sum, DiscountedProfitSum(std::vector<double>{110, 121}, 0.1));
  EXPECT_NEAR(sum, 200, 1e-9);
  ASSERT_OK_AND_ASSIGN(const double m8, ExpectedRemainingIntervals(0.8, 60));
  EXPECT_NEAR(m8, 4, 1e-12);
  ASSERT_OK_AND_ASSIGN(const double m1, ExpectedRemainingIntervals(1.0, 36));
  EXPECT_EQ(m1, 36);
  ASSERT_OK_AND_ASSIGN(const double capped, ExpectedRemainingIntervals(0.99, 36));
  EXPECT_EQ(capped, 36);
  EXPECT_FALSE(ExpectedRemainingIntervals(1.5, 36).has_value());
  EXPECT_FALSE(DiscountedProfitSum(std::vector<double>{1}, -1).has_value());
  EXPECT_FALSE(ComputeDiscountedClv(Profits({}), {}).has_value());
}

TEST(DiscountedClv, PeerPotentialGapIsDistanceToTopQuartile) {
  std::vector<IntervalHistory> h = {Profits({10}), Profits({20}),  Profits({30}),
                                    Profits({40}), Profits({100}), Profits({5})};
  const std::vector<std::string> groups = {"x", "x", "x", "x", "x", "y"};
  ASSERT_OK_AND_ASSIGN(const auto gaps, PeerPotentialGaps(h, groups));
  // Group x: top quartile = ceil(5/4) = 2 customers, mean (100 + 40) / 2 = 70.
  EXPECT_EQ(gaps, (std::vector<double>{60, 50, 40, 30, 0, 0}));
}

TEST(DiscountedClv, BuildsCalendarIntervalsUpToTheLastCompleteOne) {
  const auto day = [](const char* d) { return ParseDate(d).value(); };
  const std::vector<Transaction> t = {{1, day("2024-01-15"), 100, 60},
                                      {1, day("2024-03-31"), 50, 20},
                                      {1, day("2024-04-02"), 999, 0},  // running month
                                      {2, day("2024-04-01"), 10, 0}};  // nothing complete
  ASSERT_OK_AND_ASSIGN(const auto m,
                       BuildIntervalHistories(t, day("2024-04-15"), IntervalKind::kMonth));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].revenue, (std::vector<double>{100, 0, 50}));
  EXPECT_EQ(m[0].cost, (std::vector<double>{60, 0, 20}));
  ASSERT_OK_AND_ASSIGN(const auto q,
                       BuildIntervalHistories(t, day("2024-04-15"), IntervalKind::kQuarter));
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].revenue, (std::vector<double>{150}));
}

TEST(DiscountedClv, BatchGivesTheSameResultsAsOneCustomerAtATime) {
  // Histories longer and shorter than the future horizon, a potential gap, a loss-making
  // trend; the batch's power tables must reproduce the per-customer std::pow exactly.
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> amount(-50, 200);
  std::vector<IntervalHistory> histories;
  for (std::size_t n : {1u, 2u, 5u, 24u, 61u, 130u}) {
    std::vector<double> p(n);
    for (double& v : p) v = amount(rng);
    histories.push_back(Profits(p, n % 2 ? 7.5 : 0.0));
    histories.back().customer_id = static_cast<std::int64_t>(n);
  }
  for (const double retention : {0.8, 0.99, 1.0}) {
    DiscountedClvOptions o;
    o.discount_rate = 0.013;
    o.retention_rate = retention;
    ASSERT_OK_AND_ASSIGN(const auto batch, ComputeDiscountedClvs(histories, o));
    ASSERT_EQ(batch.size(), histories.size());
    for (std::size_t i = 0; i < histories.size(); ++i) {
      ASSERT_OK_AND_ASSIGN(const DiscountedClv one, ComputeDiscountedClv(histories[i], o));
      EXPECT_EQ(batch[i].customer_id, one.customer_id);
      EXPECT_EQ(batch[i].historical_value, one.historical_value) << i << " " << retention;
      EXPECT_EQ(batch[i].future_value, one.future_value) << i << " " << retention;
      EXPECT_EQ(batch[i].potential_value, one.potential_value) << i << " " << retention;
      EXPECT_EQ(batch[i].total, one.total);
      EXPECT_EQ(batch[i].expected_intervals, one.expected_intervals);
    }
  }
  // The hand-computed case through the batch.
  DiscountedClvOptions o;
  o.discount_rate = 0.10;
  o.retention_rate = 0.75;
  ASSERT_OK_AND_ASSIGN(const auto hand,
                       ComputeDiscountedClvs(std::vector{Profits({10, 20, 30})}, o));
  ASSERT_EQ(hand.size(), 1u);
  EXPECT_NEAR(hand[0].historical_value, 64.1, 1e-9);
  EXPECT_NEAR(hand[0].future_value, 40 / 1.1 + 50 / 1.21 + 60 / 1.331, 1e-9);
  // Errors as for one customer.
  EXPECT_FALSE(ComputeDiscountedClvs(std::vector{Profits({1}), Profits({})}, o).has_value());
  o.discount_rate = -1;
  EXPECT_FALSE(ComputeDiscountedClvs(std::vector{Profits({1})}, o).has_value());
  ASSERT_OK_AND_ASSIGN(const auto none, ComputeDiscountedClvs({}, DiscountedClvOptions{}));
  EXPECT_TRUE(none.empty());
}

TEST(DiscountedClv, IntervalsAcrossYearsAndBefore1970) {
  const auto day = [](const char* d) { return ParseDate(d).value(); };
  // Month and quarter boundaries on both sides of the epoch and of a year end.
  const std::vector<Transaction> t = {{5, day("1969-11-30"), 1, 0},  {5, day("1969-12-31"), 2, 0},
                                      {5, day("1970-01-01"), 4, 0},  {5, day("1970-03-31"), 8, 0},
                                      {5, day("1970-04-01"), 16, 0}, {7, day("1970-02-10"), 32, 1}};
  ASSERT_OK_AND_ASSIGN(const auto m,
                       BuildIntervalHistories(t, day("1970-05-01"), IntervalKind::kMonth));
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].customer_id, 5);
  EXPECT_EQ(m[0].revenue, (std::vector<double>{1, 2, 4, 0, 8, 16}));  // 1969-11 .. 1970-04
  EXPECT_EQ(m[1].revenue, (std::vector<double>{32, 0, 0}));           // 1970-02 .. 1970-04
  EXPECT_EQ(m[1].cost, (std::vector<double>{1, 0, 0}));
  ASSERT_OK_AND_ASSIGN(const auto q,
                       BuildIntervalHistories(t, day("1970-07-01"), IntervalKind::kQuarter));
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].revenue, (std::vector<double>{3, 12, 16}));  // 1969 Q4, 1970 Q1, Q2
  EXPECT_EQ(q[1].revenue, (std::vector<double>{32, 0}));
}

}  // namespace
}  // namespace chaincrm::analytics
