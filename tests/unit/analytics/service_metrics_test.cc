#include "analytics/service_metrics.h"

#include <gtest/gtest.h>

namespace chaincrm::analytics {
namespace {

TEST(ServiceMetrics, NearestRankPercentileOnHandMadeSet) {
  // The textbook nearest-rank example: 15, 20, 35, 40, 50.
  const std::vector<double> v = {40, 15, 50, 35, 20};
  EXPECT_DOUBLE_EQ(*NearestRankPercentile(v, 30), 20);
  EXPECT_DOUBLE_EQ(*NearestRankPercentile(v, 40), 20);
  EXPECT_DOUBLE_EQ(*NearestRankPercentile(v, 50), 35);
  EXPECT_DOUBLE_EQ(*NearestRankPercentile(v, 100), 50);
  EXPECT_DOUBLE_EQ(*NearestRankPercentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90), 9);
  EXPECT_DOUBLE_EQ(*NearestRankPercentile({7}, 90), 7);
  EXPECT_FALSE(NearestRankPercentile({}, 90).has_value());
  EXPECT_FALSE(NearestRankPercentile(v, 0).has_value());
  EXPECT_DOUBLE_EQ(*Mean({1, 2, 6}), 3);
  EXPECT_FALSE(Mean({}).has_value());
}

TEST(ServiceMetrics, FirstContactResolutionNeedsNoReopenAndNoFollowUp) {
  constexpr Millis kDay = kMillisPerDay;
  const Millis window = 7 * kDay;
  const std::vector<CaseTimes> cases = {
      {1, 100, 0, 1 * kDay, 0},         // resolved, no follow-up: FCR
      {2, 200, 0, 1 * kDay, 1},         // reopened: not FCR
      {3, 300, 0, 2 * kDay, 0},         // follow-up case 4 five days later: not FCR
      {4, 300, 7 * kDay, 8 * kDay, 0},  // itself FCR (no later case)
      {5, 400, 0, std::nullopt, 0},     // unresolved: not FCR
      {6, 500, 0, 1 * kDay, 0},         // follow-up 7 arrives after the window: FCR
      {7, 500, 9 * kDay, std::nullopt, 0},
  };
  const std::vector<bool> want = {true, false, false, true, false, true, false};
  EXPECT_EQ(FirstContactResolved(cases, window), want);
}

TEST(ServiceMetrics, BacklogBuckets) {
  EXPECT_EQ(BacklogBucket(0), "lt_1d");
  EXPECT_EQ(BacklogBucket(kMillisPerDay), "1_3d");
  EXPECT_EQ(BacklogBucket(5 * kMillisPerDay), "3_7d");
  EXPECT_EQ(BacklogBucket(29 * kMillisPerDay), "7_30d");
  EXPECT_EQ(BacklogBucket(31 * kMillisPerDay), "gt_30d");
  EXPECT_EQ(BacklogBuckets().size(), 5u);
}

}  // namespace
}  // namespace chaincrm::analytics
