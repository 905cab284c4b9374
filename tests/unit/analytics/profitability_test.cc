#include "analytics/profitability.h"

#include <gtest/gtest.h>

#include <vector>

#include "testing/status_matchers.h"

namespace chaincrm::analytics {
namespace {

TEST(Profitability, SubtractsProductCostAndCostToServe) {
  const std::vector<CustomerActivity> a = {
      {1, 1000, 600, 2, 1, 4},  // 1000 - 600 - (2*15 + 1*25 + 4*10) = 305
      {2, 200, 150, 5, 2, 3},   // 200 - 150 - (75 + 50 + 30) = -105
      {3, 0, 0, 1, 0, 0},       // no revenue: margin unknown, profit -15
  };
  const CostToServeRates rates{15, 25, 10};
  ASSERT_OK_AND_ASSIGN(const auto p, ComputeProfitability(a, rates));
  ASSERT_EQ(p.size(), 3u);
  EXPECT_DOUBLE_EQ(p[0].cost_to_serve, 95);
  EXPECT_DOUBLE_EQ(p[0].profit, 305);
  EXPECT_DOUBLE_EQ(*p[0].margin, 0.305);
  EXPECT_DOUBLE_EQ(p[1].profit, -105);
  EXPECT_DOUBLE_EQ(p[2].profit, -15);
  EXPECT_FALSE(p[2].margin.has_value());
  // Zero rates (no data yet): profit is the gross margin.
  ASSERT_OK_AND_ASSIGN(const auto gross, ComputeProfitability(a, {}));
  EXPECT_DOUBLE_EQ(gross[0].profit, 400);

  const std::vector<std::string> seg = {"A", "B", "B"};
  ASSERT_OK_AND_ASSIGN(const auto by, ProfitBySegment(p, seg));
  ASSERT_EQ(by.size(), 2u);
  EXPECT_EQ(by[1].segment, "B");
  EXPECT_EQ(by[1].customers, 2);
  EXPECT_DOUBLE_EQ(by[1].profit, -120);
  EXPECT_DOUBLE_EQ(*by[0].share_of_profit, 305.0 / 185.0);
}

TEST(Profitability, AggregatesTransactions) {
  const std::vector<Transaction> t = {{2, 0, 10, 4}, {1, 0, 5, 1}, {2, 0, -3, -1}};
  ASSERT_OK_AND_ASSIGN(const auto a, ActivityFromTransactions(t));
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[1].customer_id, 2);
  EXPECT_DOUBLE_EQ(a[1].revenue, 7);
  EXPECT_DOUBLE_EQ(a[1].product_cost, 3);
}

TEST(Profitability, RejectsBadInput) {
  const std::vector<CustomerActivity> a = {{1, 10, 5, -1, 0, 0}};
  EXPECT_FALSE(ComputeProfitability(a, {}).has_value());
  EXPECT_FALSE(ComputeProfitability({}, {-1, 0, 0}).has_value());
  const std::vector<CustomerProfit> p(2);
  const std::vector<std::string> seg = {"A"};
  EXPECT_FALSE(ProfitBySegment(p, seg).has_value());
}

}  // namespace
}  // namespace chaincrm::analytics
