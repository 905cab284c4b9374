#include "analytics/abc.h"

#include <gtest/gtest.h>

#include <vector>

#include "testing/status_matchers.h"

namespace chaincrm::analytics {
namespace {

TEST(Abc, ClassesHandMadeFixtureWithTiesAndNonPositiveValues) {
  const std::vector<CustomerValue> v = {{7, -3}, {3, 10}, {1, 50}, {5, 5}, {2, 30}, {6, 0}, {4, 5}};
  AbcOptions o;
  o.max_chart_bars = 3;
  ASSERT_OK_AND_ASSIGN(const AbcResult r, ClassifyAbc(v, o));
  EXPECT_EQ(r.total_positive_value, 100);
  const std::vector<std::int64_t> ids = {1, 2, 3, 4, 5, 6, 7};
  const std::vector<AbcClass> classes = {AbcClass::kA, AbcClass::kA, AbcClass::kB, AbcClass::kB,
                                         AbcClass::kB, AbcClass::kC, AbcClass::kC};
  const std::vector<double> cumulative = {0.5, 0.8, 0.9, 0.95, 1.0, 1.0, 1.0};
  ASSERT_EQ(r.customers.size(), 7u);
  for (std::size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(r.customers[i].customer_id, ids[i]);
    EXPECT_EQ(r.customers[i].rank, static_cast<int>(i) + 1);
    EXPECT_EQ(r.customers[i].abc_class, classes[i]) << "customer " << ids[i];
    EXPECT_NEAR(r.customers[i].cumulative_share, cumulative[i], 1e-12);
  }
  // Customer 5 starts at 95 %, but ties with customer 4 and so shares its class B.
  EXPECT_EQ(r.totals[0].customers, 2);
  EXPECT_NEAR(r.totals[0].share, 0.8, 1e-12);
  EXPECT_EQ(r.totals[1].customers, 3);
  EXPECT_EQ(r.totals[2].customers, 2);
  EXPECT_EQ(r.totals[2].value, -3);
  EXPECT_EQ(r.customers[6].share, 0);
  // Chart: 3 bars over ranks 1-2, 3-4, 5-7.
  ASSERT_EQ(r.chart.size(), 3u);
  EXPECT_EQ(r.chart[0].last_rank, 2);
  EXPECT_EQ(r.chart[0].value, 80);
  EXPECT_NEAR(r.chart[1].cumulative_share, 0.95, 1e-12);
  EXPECT_EQ(r.chart[2].first_rank, 5);
  EXPECT_EQ(r.chart[2].value, 2);
  EXPECT_NEAR(r.chart[2].cumulative_customers, 1.0, 1e-12);
  EXPECT_EQ(AbcClassName(r.customers[0].abc_class), "A");
}

TEST(Abc, CrossingCustomerStaysInTheHigherClass) {
  // One dominant customer (90 %) is A even though it alone passes 80 %.
  const std::vector<CustomerValue> v = {{1, 90}, {2, 6}, {3, 4}};
  ASSERT_OK_AND_ASSIGN(const AbcResult r, ClassifyAbc(v, {}));
  EXPECT_EQ(r.customers[0].abc_class, AbcClass::kA);
  EXPECT_EQ(r.customers[1].abc_class, AbcClass::kB);
  EXPECT_EQ(r.customers[2].abc_class, AbcClass::kC);
}

TEST(Abc, AllNonPositiveIsAllC) {
  const std::vector<CustomerValue> v = {{1, 0}, {2, -5}};
  ASSERT_OK_AND_ASSIGN(const AbcResult r, ClassifyAbc(v, {}));
  EXPECT_EQ(r.totals[2].customers, 2);
  EXPECT_EQ(r.total_positive_value, 0);
}

TEST(Abc, RejectsBadInput) {
  EXPECT_FALSE(ClassifyAbc({}, {}).has_value());
  const std::vector<CustomerValue> dup = {{1, 5}, {1, 6}};
  EXPECT_FALSE(ClassifyAbc(dup, {}).has_value());
  AbcOptions bad;
  bad.a_cutoff = 0.96;
  const std::vector<CustomerValue> one = {{1, 5}};
  EXPECT_FALSE(ClassifyAbc(one, bad).has_value());
}

}  // namespace
}  // namespace chaincrm::analytics
