#include "analytics/rfm.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "testing/status_matchers.h"

namespace chaincrm::analytics {
namespace {

Millis Day(const char* date) { return ParseDate(date).value(); }

RfmOptions At(const char* date) {
  RfmOptions o;
  o.reference_date = Day(date);
  return o;
}

TEST(Rfm, ScoresHandMadeFixtureWithTiesOnePurchaseAndNone) {
  const std::vector<Transaction> t = {
      {1, Day("2024-03-30"), 100, 0}, {1, Day("2024-03-01"), 50, 0},
      {2, Day("2024-03-30"), 100, 0},                                     // recency tie with 1
      {3, Day("2024-01-01"), 500, 0}, {3, Day("2024-01-01") + 1, 20, 0},  // one purchase day
      {4, Day("2024-02-15"), 30, 0},  {4, Day("2024-02-20"), 40, 0},
      {4, Day("2024-03-10"), -10, 0},                                   // a return
      {5, Day("2024-03-20"), 10, 0},  {5, Day("2024-04-05"), 1000, 0},  // after the reference
  };
  const std::vector<std::int64_t> all = {1, 2, 3, 4, 5, 6};  // 6 never bought
  ASSERT_OK_AND_ASSIGN(const auto s, ComputeRfm(t, all, At("2024-03-31")));
  ASSERT_EQ(s.size(), 6u);
  // By hand: recency 1,1,90,40,11 days; frequency 2,1,1,2,1; monetary 150,100,520,60,10.
  EXPECT_EQ(s[0].recency_days, 1);
  EXPECT_EQ(s[2].recency_days, 90);
  EXPECT_EQ(s[3].recency_days, 40);
  EXPECT_EQ(s[4].recency_days, 11);
  EXPECT_EQ(s[2].frequency, 1);
  EXPECT_EQ(s[3].frequency, 2);
  EXPECT_EQ(s[2].monetary, 520);
  EXPECT_EQ(s[3].monetary, 60);
  EXPECT_EQ(s[4].monetary, 10);
  // Mid-rank quintiles: tied recency (1 and 2) and tied frequency (2, 3, 5) share scores.
  EXPECT_EQ(s[0].cell, "554");
  EXPECT_EQ(s[1].cell, "523");
  EXPECT_EQ(s[2].cell, "125");
  EXPECT_EQ(s[3].cell, "252");
  EXPECT_EQ(s[4].cell, "321");
  EXPECT_EQ(s[5].cell, "000");
  EXPECT_FALSE(s[5].recency_days.has_value());
  EXPECT_EQ(s[5].frequency, 0);
}

TEST(Rfm, MeanMonetaryAndWindow) {
  const std::vector<Transaction> t = {{1, Day("2023-01-01"), 1000, 0},
                                      {1, Day("2024-03-01"), 10, 0},
                                      {1, Day("2024-03-02"), 30, 0}};
  RfmOptions o = At("2024-03-31");
  o.window_start = Day("2024-01-01");
  o.monetary = MonetaryMeasure::kMeanPerPurchase;
  ASSERT_OK_AND_ASSIGN(const auto s, ComputeRfm(t, {}, o));
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].frequency, 2);
  EXPECT_EQ(s[0].monetary, 20);
  EXPECT_EQ(s[0].cell, "333");  // a single scored customer is neutral
}

TEST(Rfm, QuintileScoresAreExactQuintilesAndOrderFree) {
  std::vector<double> v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  EXPECT_EQ(QuintileScores(v, true), (std::vector<int>{1, 1, 2, 2, 3, 3, 4, 4, 5, 5}));
  EXPECT_EQ(QuintileScores(v, false), (std::vector<int>{5, 5, 4, 4, 3, 3, 2, 2, 1, 1}));
  EXPECT_EQ(QuintileScores(std::vector<double>{7, 7, 7}, true), (std::vector<int>{3, 3, 3}));
  EXPECT_TRUE(QuintileScores({}, true).empty());
  // Property: shuffling the input permutes the scores the same way.
  const unsigned seed = 31337;
  std::printf("quintile property seed %u\n", seed);
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> small(0, 20);
  std::vector<double> values(500);
  for (double& x : values) x = small(rng);
  const auto scores = QuintileScores(values, true);
  std::vector<std::size_t> perm(values.size());
  for (std::size_t i = 0; i < perm.size(); ++i) perm[i] = i;
  std::shuffle(perm.begin(), perm.end(), rng);
  std::vector<double> shuffled(values.size());
  for (std::size_t i = 0; i < perm.size(); ++i) shuffled[i] = values[perm[i]];
  const auto shuffled_scores = QuintileScores(shuffled, true);
  for (std::size_t i = 0; i < perm.size(); ++i) {
    ASSERT_EQ(shuffled_scores[i], scores[perm[i]]);
    ASSERT_GE(scores[i], 1);
    ASSERT_LE(scores[i], 5);
  }
}

TEST(Rfm, RejectsBadInput) {
  EXPECT_FALSE(ComputeRfm({}, {}, At("2024-01-01")).has_value());
  RfmOptions o = At("2024-01-01");
  o.window_start = Day("2024-02-01");
  EXPECT_FALSE(ComputeRfm({}, std::vector<std::int64_t>{1}, o).has_value());
}

}  // namespace
}  // namespace chaincrm::analytics
