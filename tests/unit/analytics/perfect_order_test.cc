#include "analytics/perfect_order.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace chaincrm::analytics {
namespace {

Millis Day(const char* date) { return ParseDate(date).value(); }

LineDelivery Line(std::int64_t order, const char* promised, std::int64_t qty, std::int64_t first,
                  std::int64_t total, std::optional<const char*> last, bool damaged = false,
                  bool docs = true) {
  return {order,
          Day("2024-01-01"),
          Day(promised),
          qty,
          first,
          total,
          last ? std::optional(ParseTime(*last).value()) : std::nullopt,
          damaged,
          docs};
}

// The hand-computed example of docs/SALES.md.
std::vector<LineDelivery> Example() {
  return {Line(1, "2024-01-10", 10, 10, 10, "2024-01-08T10:00:00Z"),
          Line(1, "2024-01-10", 5, 3, 3, "2024-01-12T10:00:00Z"),                 // late and short
          Line(2, "2024-01-15", 4, 3, 3, "2024-01-14T23:00:00Z"),                 // short
          Line(3, "2024-01-20", 2, 2, 2, "2024-01-20T18:00:00Z", true),           // damaged
          Line(3, "2024-01-20", 1, 1, 1, "2024-01-19T08:00:00Z", false, false)};  // documents
}

TEST(PerfectOrder, LineComponentsUseTheWholePromisedDay) {
  const auto on_day = EvaluateLine(Line(1, "2024-01-10", 1, 1, 1, "2024-01-10T23:59:59Z"));
  EXPECT_TRUE(on_day.on_time);
  EXPECT_TRUE(on_day.Perfect());
  const auto next_day = EvaluateLine(Line(1, "2024-01-10", 1, 1, 1, "2024-01-11T00:00:00Z"));
  EXPECT_FALSE(next_day.on_time);
  EXPECT_TRUE(next_day.in_full);
}

TEST(PerfectOrder, MatchesTheHandComputedExample) {
  auto s = SummarizePerfectOrder(Example());
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->orders, 3);
  EXPECT_EQ(s->lines, 5);
  EXPECT_DOUBLE_EQ(s->on_time, 0.8);
  EXPECT_DOUBLE_EQ(s->in_full, 0.6);
  EXPECT_DOUBLE_EQ(s->damage_free, 0.8);
  EXPECT_DOUBLE_EQ(s->documentation, 0.8);
  EXPECT_NEAR(s->poi, 30.72, 1e-9);
  EXPECT_NEAR(s->scor, 20.0, 1e-9);
  EXPECT_EQ(s->perfect_orders, 0);
  EXPECT_NEAR(s->fill_rate, 19.0 / 22.0, 1e-12);
  EXPECT_NEAR(s->backorder_rate, 0.4, 1e-12);
  // Only order 3 is complete: ordered 2024-01-01, last delivery 2024-01-20T18:00.
  ASSERT_TRUE(s->cycle_time_days.has_value());
  EXPECT_NEAR(*s->cycle_time_days, 19.75, 1e-9);
}

TEST(PerfectOrder, UndeliveredLinesAreNotMeasuredButKeepTheOrderIncomplete) {
  std::vector<LineDelivery> lines = {Line(1, "2024-01-10", 1, 1, 1, "2024-01-09T10:00:00Z"),
                                     Line(1, "2024-01-10", 2, 0, 0, std::nullopt)};
  auto s = SummarizePerfectOrder(lines);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->lines, 1);
  EXPECT_DOUBLE_EQ(s->scor, 100.0);
  EXPECT_FALSE(s->cycle_time_days.has_value());
  EXPECT_FALSE(SummarizePerfectOrder({Line(1, "2024-01-10", 2, 0, 0, std::nullopt)}).has_value());
  EXPECT_FALSE(SummarizePerfectOrder({}).has_value());
}

TEST(PerfectOrder, PropertiesHoldOnRandomLines) {
  const unsigned seed = 20261124;
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  std::vector<LineDelivery> lines;
  for (int i = 0; i < 500; ++i) {
    const std::int64_t qty = 1 + static_cast<std::int64_t>(rng() % 5);
    const std::int64_t first = 1 + static_cast<std::int64_t>(rng() % qty);
    LineDelivery l{static_cast<std::int64_t>(rng() % 120),
                   Day("2024-01-01"),
                   Day("2024-02-01"),
                   qty,
                   first,
                   first,
                   Day("2024-01-20") + static_cast<Millis>(rng() % 20) * kMillisPerDay,
                   rng() % 10 == 0,
                   rng() % 12 != 0};
    lines.push_back(l);
  }
  auto s = SummarizePerfectOrder(lines);
  ASSERT_TRUE(s.has_value());
  // SCOR (all four at once) never exceeds the product of independent rates' minimum.
  const double min_rate = std::min({s->on_time, s->in_full, s->damage_free, s->documentation});
  EXPECT_LE(s->scor, min_rate * 100 + 1e-9);
  EXPECT_GE(s->poi, 0.0);
  EXPECT_LE(s->poi, 100.0);
  // Input order does not change the result.
  std::shuffle(lines.begin(), lines.end(), rng);
  auto t = SummarizePerfectOrder(lines);
  ASSERT_TRUE(t.has_value());
  EXPECT_DOUBLE_EQ(s->poi, t->poi);
  EXPECT_DOUBLE_EQ(s->scor, t->scor);
  EXPECT_EQ(s->perfect_orders, t->perfect_orders);
}

}  // namespace
}  // namespace chaincrm::analytics
