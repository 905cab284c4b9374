#include "analytics/satisfaction.h"

#include <gtest/gtest.h>

#include "testing/status_matchers.h"

namespace chaincrm::analytics {
namespace {

// Hand computation: weights 7/14, 5/14, 2/14; perceptions 5, 7, 1; gaps −1, +2, −3.
//   index     = .5·(4/6)·100 + (5/14)·100 + (1/7)·0            = 69.047619…
//   gap index = .5·(5/12)·100 + (5/14)·(8/12)·100 + (1/7)·(3/12)·100 = 48.214285…
//   mean gap  = −.5 + 10/14 − 3/7                               = −0.214285…
TEST(Satisfaction, ScoresHandComputedSurvey) {
  const std::vector<AttributeRating> r = {
      {"product_quality", 7, 6, 5}, {"on_time_delivery", 5, 5, 7}, {"price", 2, 4, 1}};
  ASSERT_OK_AND_ASSIGN(const SatisfactionScore s, ScoreSurvey(r));
  EXPECT_NEAR(s.index, 69.0476190476, 1e-9);
  EXPECT_NEAR(s.gap_index, 48.2142857143, 1e-9);
  EXPECT_NEAR(s.mean_gap, -0.2142857143, 1e-9);
  EXPECT_EQ(Gap(r[0]), -1);
  EXPECT_EQ(Gap(r[1]), 2);
}

TEST(Satisfaction, BoundsAreZeroAndHundred) {
  ASSERT_OK_AND_ASSIGN(auto low, ScoreSurvey({{"a", 3, 7, 1}, {"b", 1, 7, 1}}));
  EXPECT_DOUBLE_EQ(low.index, 0);
  EXPECT_DOUBLE_EQ(low.gap_index, 0);
  ASSERT_OK_AND_ASSIGN(auto high, ScoreSurvey({{"a", 3, 1, 7}}));
  EXPECT_DOUBLE_EQ(high.index, 100);
  EXPECT_DOUBLE_EQ(high.gap_index, 100);
  ASSERT_OK_AND_ASSIGN(auto met, ScoreSurvey({{"a", 4, 5, 5}}));
  EXPECT_DOUBLE_EQ(met.gap_index, 50);
}

TEST(Satisfaction, RejectsOutOfRangeNamingTheField) {
  auto r = ScoreSurvey({{"price", 0, 4, 8}});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code(), Code::kInvalidArgument);
  ASSERT_EQ(r.error().fields().size(), 2u);
  EXPECT_EQ(r.error().fields()[0].field, "price.importance");
  EXPECT_EQ(r.error().fields()[1].field, "price.perception");
  EXPECT_FALSE(ScoreSurvey({}).has_value());
}

TEST(Satisfaction, CsatAndNps) {
  EXPECT_DOUBLE_EQ(*Csat({5, 4, 3, 2, 5}), 60.0);
  EXPECT_FALSE(Csat({}).has_value());
  EXPECT_DOUBLE_EQ(*Nps({10, 9, 8, 7, 6, 0, 10, 5}), 0.0);
  EXPECT_DOUBLE_EQ(*Nps({10, 9, 9, 7, 3}), 40.0);
  EXPECT_DOUBLE_EQ(*Nps({0, 6}), -100.0);
  EXPECT_FALSE(Nps({}).has_value());
}

}  // namespace
}  // namespace chaincrm::analytics
