#include "domain/pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace chaincrm::domain {
namespace {

TEST(Stage, NamesRoundTripAndUnknownIsRejected) {
  for (Stage s : kAllStages) EXPECT_EQ(ParseStage(StageName(s)), s);
  EXPECT_FALSE(ParseStage("proposal").has_value());
  EXPECT_TRUE(IsClosed(Stage::kWon));
  EXPECT_FALSE(IsClosed(Stage::kFollowUp));
}

TEST(StageProbabilities, DefaultsAndClosedStagesAreFixed) {
  StageProbabilities p;
  EXPECT_EQ(p.Percent(Stage::kNeedCollection), 10);
  EXPECT_EQ(p.Percent(Stage::kSolutionDesign), 25);
  EXPECT_EQ(p.Percent(Stage::kSelling), 50);
  EXPECT_EQ(p.Percent(Stage::kFollowUp), 80);
  EXPECT_EQ(p.Percent(Stage::kWon), 100);
  EXPECT_EQ(p.Percent(Stage::kLost), 0);
  EXPECT_FALSE(p.Set(Stage::kWon, 50));
  EXPECT_FALSE(p.Set(Stage::kSelling, 101));
  EXPECT_TRUE(p.Set(Stage::kSelling, 60));
  EXPECT_EQ(p.Percent(Stage::kSelling), 60);
}

TEST(Weighted, RoundsHalfAwayFromZero) {
  EXPECT_EQ(Weighted(1000, 25), 250);
  EXPECT_EQ(Weighted(333, 50), 167);  // 166.5
  EXPECT_EQ(Weighted(-333, 50), -167);
  EXPECT_EQ(Weighted(12345, 0), 0);
}

// Hand computation: March has 10,000.00 in need collection (10%) and 4,000.00 in selling
// (50%) → 1,000.00 + 2,000.00 = 3,000.00; a lost deal is left out; April has a won deal
// counted whole and one in follow-up at 80%.
TEST(WeightedForecast, MatchesHandComputedExample) {
  StageProbabilities p;
  std::vector<ForecastInput> in = {
      {"2026-03", "USD", 1'000'000, Stage::kNeedCollection},
      {"2026-03", "USD", 400'000, Stage::kSelling},
      {"2026-03", "USD", 999'999, Stage::kLost},
      {"2026-04", "USD", 200'000, Stage::kWon},
      {"2026-04", "USD", 50'000, Stage::kFollowUp},
      {"2026-04", "EUR", 10'000, Stage::kSolutionDesign},
  };
  auto rows = WeightedForecast(in, p);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].group, "2026-03");
  EXPECT_EQ(rows[0].count, 2);
  EXPECT_EQ(rows[0].amount_minor, 1'400'000);
  EXPECT_EQ(rows[0].weighted_minor, 300'000);
  EXPECT_EQ(rows[1].group, "2026-04");
  EXPECT_EQ(rows[1].currency, "EUR");
  EXPECT_EQ(rows[1].weighted_minor, 2'500);
  EXPECT_EQ(rows[2].currency, "USD");
  EXPECT_EQ(rows[2].weighted_minor, 200'000 + 40'000);
}

TEST(WeightedForecast, InputOrderDoesNotChangeResult) {
  StageProbabilities p;
  std::vector<ForecastInput> in = {{"b", "USD", 100, Stage::kSelling},
                                   {"a", "USD", 300, Stage::kFollowUp},
                                   {"b", "USD", 700, Stage::kNeedCollection}};
  auto r1 = WeightedForecast(in, p);
  std::reverse(in.begin(), in.end());
  auto r2 = WeightedForecast(in, p);
  ASSERT_EQ(r1.size(), r2.size());
  for (std::size_t i = 0; i < r1.size(); ++i) {
    EXPECT_EQ(r1[i].group, r2[i].group);
    EXPECT_EQ(r1[i].weighted_minor, r2[i].weighted_minor);
  }
}

}  // namespace
}  // namespace chaincrm::domain
