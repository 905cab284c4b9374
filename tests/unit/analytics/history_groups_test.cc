#include "analytics/history_groups.h"

#include <gtest/gtest.h>

#include <vector>

#include "builders.h"
#include "testing/status_matchers.h"

namespace chaincrm::analytics {
namespace {

TEST(HistoryGroups, GroupsIdenticalHistoriesAndMapsEveryCustomer) {
  const std::vector<CustomerSummary> c = {History(2, 5, 10), History(0, 0, 10), History(2, 5, 10),
                                          History(0, 0, 7), History(0, -0.0, 10)};
  ASSERT_OK_AND_ASSIGN(const HistoryGroups g, GroupHistories(c));
  ASSERT_EQ(g.weight.size(), 3u);
  EXPECT_EQ(g.customers, 5);
  EXPECT_EQ(g.xs, (std::vector<double>{0, 2}));
  EXPECT_EQ(g.ages, (std::vector<double>{7, 10}));
  double total = 0;
  for (double w : g.weight) total += w;
  EXPECT_EQ(total, 5);
  ASSERT_EQ(g.group_of.size(), c.size());
  for (std::size_t i = 0; i < c.size(); ++i) {
    const std::uint32_t k = g.group_of[i];
    EXPECT_EQ(g.xs[g.x_index[k]], c[i].frequency);
    EXPECT_EQ(g.recencies[g.recency_index[k]], c[i].recency);
    EXPECT_EQ(g.ages[g.age_index[k]], c[i].age);
  }
  EXPECT_EQ(g.group_of[0], g.group_of[2]);
  EXPECT_EQ(g.group_of[1], g.group_of[4]);
}

TEST(HistoryGroups, RejectsInvalidHistories) {
  EXPECT_FALSE(GroupHistories({}).has_value());
  EXPECT_FALSE(GroupHistories(std::vector{History(1, 11, 10)}).has_value());
  EXPECT_FALSE(GroupHistories(std::vector{History(0, 3, 10)}).has_value());
  EXPECT_FALSE(GroupHistories(std::vector{History(-1, 0, 10)}).has_value());
}

}  // namespace
}  // namespace chaincrm::analytics
