#include "analytics/rfm_summary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "cdnow_data.h"
#include "testing/status_matchers.h"

namespace chaincrm::analytics {
namespace {

Millis Day(const char* date) { return ParseDate(date).value(); }

SummaryOptions Options(const char* calibration_end, TimeUnit unit,
                       const char* observation_end = nullptr) {
  SummaryOptions o;
  o.calibration_end = Day(calibration_end);
  if (observation_end != nullptr) o.observation_end = Day(observation_end);
  o.unit = unit;
  return o;
}

TEST(RfmSummary, ReproducesTheCdnowCalibrationSummary) {
  const auto transactions = testing::ReadCdnowSample();
  ASSERT_EQ(transactions.size(), 6919u);
  const auto expected = testing::ReadCdnowSummary("cdnow_customers_summary_with_transactions.csv");
  ASSERT_EQ(expected.size(), 2357u);
  ASSERT_OK_AND_ASSIGN(const CohortSummary summary,
                       SummarizeTransactions(transactions, Options("1997-09-30", TimeUnit::kWeek)));
  ASSERT_EQ(summary.customers.size(), expected.size());
  double repeat = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const CustomerSummary& got = summary.customers[i];
    const CustomerSummary& want = expected[i];
    ASSERT_EQ(got.customer_id, want.customer_id);
    EXPECT_EQ(got.frequency, want.frequency) << "customer " << want.customer_id;
    // The file is rounded to 2 dp.
    EXPECT_NEAR(got.recency, want.recency, 0.005 + 1e-9) << "customer " << want.customer_id;
    EXPECT_NEAR(got.age, want.age, 0.005 + 1e-9) << "customer " << want.customer_id;
    EXPECT_NEAR(got.monetary_value, want.monetary_value, 0.005 + 1e-9)
        << "customer " << want.customer_id;
    repeat += got.frequency;
  }
  EXPECT_EQ(repeat, 2457);
}

TEST(RfmSummary, SplitsCalibrationAndHoldout) {
  const auto transactions = testing::ReadCdnowSample();
  ASSERT_OK_AND_ASSIGN(
      const CohortSummary summary,
      SummarizeTransactions(transactions, Options("1997-09-30", TimeUnit::kWeek, "1998-06-30")));
  EXPECT_NEAR(summary.holdout_length, 273.0 / 7.0, 1e-12);
  double holdout = 0;
  for (const auto& c : summary.customers) holdout += c.holdout_frequency;
  // Independent count: distinct (customer, day) pairs after the calibration end.
  std::vector<std::pair<std::int64_t, Millis>> days;
  for (const auto& t : transactions) {
    if (t.at > Day("1997-09-30")) days.emplace_back(t.customer_id, t.at);
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  EXPECT_EQ(holdout, static_cast<double>(days.size()));
  std::printf("CDNOW holdout repeat transactions: %.0f\n", holdout);
}

TEST(RfmSummary, CountsOneTransactionPerCustomerDayAndSkipsReturns) {
  const std::vector<Transaction> t = {
      {7, Day("2024-01-01"), 10, 0},  {7, Day("2024-01-01") + 3600000, 5, 0},  // same day: merged
      {7, Day("2024-01-08"), 20, 0},  {7, Day("2024-01-08") + 1000, 4, 0},
      {7, Day("2024-01-15"), -30, 0},  // a return-only day is not a purchase
      {7, Day("2024-02-01"), 99, 0},   // after the calibration end: ignored
      {8, Day("2024-02-01"), 50, 0},   // first purchase after the end: not in the cohort
  };
  ASSERT_OK_AND_ASSIGN(const CohortSummary s,
                       SummarizeTransactions(t, Options("2024-01-29", TimeUnit::kDay)));
  ASSERT_EQ(s.customers.size(), 1u);
  const CustomerSummary& c = s.customers[0];
  EXPECT_EQ(c.frequency, 1);
  EXPECT_EQ(c.recency, 7);
  EXPECT_EQ(c.age, 28);
  EXPECT_EQ(c.monetary_value, 24);
  EXPECT_EQ(c.first_purchase, Day("2024-01-01"));
}

TEST(RfmSummary, InputOrderDoesNotChangeTheResult) {
  auto transactions = testing::ReadCdnowSample();
  const SummaryOptions options = Options("1997-09-30", TimeUnit::kDay);
  ASSERT_OK_AND_ASSIGN(const CohortSummary a, SummarizeTransactions(transactions, options));
  const unsigned seed = 20261124;
  std::printf("shuffle seed %u\n", seed);
  std::shuffle(transactions.begin(), transactions.end(), std::mt19937(seed));
  ASSERT_OK_AND_ASSIGN(const CohortSummary b, SummarizeTransactions(transactions, options));
  ASSERT_EQ(a.customers.size(), b.customers.size());
  for (std::size_t i = 0; i < a.customers.size(); ++i) {
    EXPECT_EQ(a.customers[i].frequency, b.customers[i].frequency);
    EXPECT_EQ(a.customers[i].recency, b.customers[i].recency);
    EXPECT_NEAR(a.customers[i].monetary_value, b.customers[i].monetary_value, 1e-9);
  }
  // Grouped by ascending customer but each customer's rows newest first: the per-customer
  // sort must put the days in order just as the sort of the whole ledger does.
  std::sort(transactions.begin(), transactions.end(),
            [](const Transaction& l, const Transaction& r) {
              return l.customer_id != r.customer_id ? l.customer_id < r.customer_id : l.at > r.at;
            });
  ASSERT_OK_AND_ASSIGN(const CohortSummary c, SummarizeTransactions(transactions, options));
  ASSERT_EQ(a.customers.size(), c.customers.size());
  for (std::size_t i = 0; i < a.customers.size(); ++i) {
    EXPECT_EQ(a.customers[i].customer_id, c.customers[i].customer_id);
    EXPECT_EQ(a.customers[i].frequency, c.customers[i].frequency);
    EXPECT_EQ(a.customers[i].recency, c.customers[i].recency);
    EXPECT_EQ(a.customers[i].age, c.customers[i].age);
    EXPECT_NEAR(a.customers[i].monetary_value, c.customers[i].monetary_value, 1e-9);
  }
}

TEST(RfmSummary, RejectsBadInput) {
  EXPECT_FALSE(SummarizeTransactions({}, Options("2024-01-01", TimeUnit::kWeek)).has_value());
  const std::vector<Transaction> nan = {{1, Day("2024-01-01"), std::nan(""), 0}};
  EXPECT_FALSE(SummarizeTransactions(nan, Options("2024-01-01", TimeUnit::kWeek)).has_value());
  const std::vector<Transaction> ok = {{1, Day("2024-01-01"), 1, 0}};
  EXPECT_FALSE(
      SummarizeTransactions(ok, Options("2024-02-01", TimeUnit::kWeek, "2024-01-15")).has_value());
  EXPECT_FALSE(ParseTimeUnit("fortnight").has_value());
  EXPECT_NEAR(DaysPerUnit(TimeUnit::kMonth), 30.4375, 1e-12);
}

}  // namespace
}  // namespace chaincrm::analytics
