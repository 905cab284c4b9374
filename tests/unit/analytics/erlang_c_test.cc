#include "analytics/erlang_c.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "testing/status_matchers.h"

namespace chaincrm::analytics {
namespace {

// The textbook formula with explicit powers and factorials in long double, to check the
// Erlang B recursion independently (valid for small N only).
long double DirectErlangC(int n, long double a) {
  long double sum = 0, term = 1;  // a^k / k!
  for (int k = 0; k < n; ++k) {
    sum += term;
    term = term * a / (k + 1);
  }
  const long double top = term * n / (n - a);  // a^n / n! * n / (n - a)
  return top / (sum + top);
}

TEST(ErlangC, RecursionMatchesTheDirectFormula) {
  for (int n = 1; n <= 40; ++n) {
    for (double a : {0.5, 3.0, 9.5, 20.0, 35.0}) {
      if (n <= a) continue;
      EXPECT_NEAR(ErlangC(n, a), static_cast<double>(DirectErlangC(n, a)), 1e-12) << n << " " << a;
    }
  }
}

TEST(ErlangC, CallCentreHelperWorkedExample) {
  // Inputs of Call Centre Helper's "Erlang C Formula - Made Simple With an Easy Worked
  // Example": 100 calls per 30 minutes (200/h), AHT 180 s, 80 % answered in 20 s, which the
  // page turns into A = 10 erlangs and a first trial of N = A + 1 = 11 agents. The figures
  // asserted below were computed independently with the direct factorial formula above
  // (long double): N = 11 gives P(wait) = 0.6821 and SL = 0.3896; 13 agents give SL 0.7956
  // (< 80 %), 14 agents SL 0.8884, so the answer is 14 agents (occupancy 71.4 %).
  const ErlangInput in{200, 180, 20, 0.8};
  ASSERT_OK_AND_ASSIGN(const ErlangResult eleven, EvaluateStaffing(in, 11));
  EXPECT_NEAR(eleven.traffic_erlangs, 10.0, 1e-12);
  EXPECT_NEAR(eleven.probability_wait, static_cast<double>(DirectErlangC(11, 10)), 1e-12);
  EXPECT_NEAR(eleven.probability_wait, 0.6821, 0.0001);
  EXPECT_NEAR(eleven.service_level, 0.3896, 0.0001);
  ASSERT_OK_AND_ASSIGN(const ErlangResult need, RequiredAgents(in));
  std::printf(
      "Erlang C 200 calls/h, AHT 180 s, 80/20: %d agents, SL %.4f, Pw %.4f, ASA %.2f s, "
      "occupancy %.4f\n",
      need.agents, need.service_level, need.probability_wait, need.average_speed_of_answer,
      need.occupancy);
  const auto direct_level = [](int n) {
    return 1 - static_cast<double>(DirectErlangC(n, 10)) * std::exp(-(n - 10.0) * 20 / 180);
  };
  EXPECT_EQ(need.agents, 14);
  EXPECT_NEAR(direct_level(13), 0.7956, 0.0001);
  EXPECT_NEAR(need.service_level, direct_level(14), 1e-12);
  EXPECT_NEAR(need.service_level, 0.8884, 0.0001);
  EXPECT_NEAR(need.occupancy, 10.0 / 14, 1e-12);
  EXPECT_NEAR(need.average_speed_of_answer, need.probability_wait * 180 / 4, 1e-12);
}

TEST(ErlangC, PublishedStaffingFigureJonesTheNet) {
  // Published figure: jonesthenet.com, "Erlang uplift" (service levels and Erlang): an
  // average hour of 250 calls with AHT 330 s and a target of 80 % answered in 30 s needs
  // 28 advisors by Erlang C (against the 22.9 of workload alone).
  const ErlangInput in{250, 330, 30, 0.8};
  ASSERT_OK_AND_ASSIGN(const ErlangResult need, RequiredAgents(in));
  EXPECT_EQ(need.agents, 28);
  EXPECT_NEAR(need.traffic_erlangs, 250.0 * 330 / 3600, 1e-12);
  EXPECT_GE(need.service_level, 0.8);
  ASSERT_OK_AND_ASSIGN(const ErlangResult fewer, EvaluateStaffing(in, 27));
  EXPECT_LT(fewer.service_level, 0.8);
}

TEST(ErlangC, MitanStepByStepExample) {
  // Inputs of the step-by-step example of "The Erlang-C formula" (Mitan Ltd): 360 calls per
  // half hour, 4-minute calls, 55 agents, 15 s target, so A = 48 erlangs and occupancy
  // 48/55 = 0.8727. P(wait), SL and ASA are checked against the direct formula.
  const ErlangInput in{720, 240, 15, 0.7};
  ASSERT_OK_AND_ASSIGN(const ErlangResult r, EvaluateStaffing(in, 55));
  std::printf("Erlang C 720 calls/h, AHT 240 s, 55 agents: Pw %.4f SL %.4f ASA %.2f s\n",
              r.probability_wait, r.service_level, r.average_speed_of_answer);
  const double pw = static_cast<double>(DirectErlangC(55, 48));
  EXPECT_NEAR(r.traffic_erlangs, 48.0, 1e-12);
  EXPECT_NEAR(r.occupancy, 0.8727, 0.0001);
  EXPECT_NEAR(r.probability_wait, pw, 1e-12);
  EXPECT_NEAR(r.service_level, 1 - pw * std::exp(-7.0 * 15 / 240), 1e-12);
  EXPECT_NEAR(r.average_speed_of_answer, pw * 240 / 7, 1e-9);
}

TEST(ErlangC, StableForLargeTraffic) {
  // 20,000 calls/h at 300 s is 1,666.7 erlangs: factorials overflow, the recursion does not.
  ASSERT_OK_AND_ASSIGN(const ErlangResult r, RequiredAgents({20000, 300, 20, 0.9}));
  EXPECT_GT(r.agents, 1667);
  EXPECT_LT(r.agents, 1760);
  EXPECT_TRUE(std::isfinite(r.probability_wait));
  EXPECT_GE(r.service_level, 0.9);
  ASSERT_OK_AND_ASSIGN(const ErlangResult fewer,
                       EvaluateStaffing({20000, 300, 20, 0.9}, r.agents - 1));
  EXPECT_LT(fewer.service_level, 0.9);
}

TEST(ErlangC, EdgeCasesAndBadInput) {
  ASSERT_OK_AND_ASSIGN(const ErlangResult none, RequiredAgents({0, 180, 20, 0.8}));
  EXPECT_EQ(none.agents, 0);
  ASSERT_OK_AND_ASSIGN(const ErlangResult overloaded, EvaluateStaffing({200, 180, 20, 0.8}, 10));
  EXPECT_EQ(overloaded.service_level, 0.0);
  EXPECT_EQ(overloaded.probability_wait, 1.0);
  EXPECT_FALSE(RequiredAgents({-1, 180, 20, 0.8}).has_value());
  EXPECT_FALSE(RequiredAgents({100, 0, 20, 0.8}).has_value());
  EXPECT_FALSE(RequiredAgents({100, 180, 20, 1.0}).has_value());
  EXPECT_FALSE(RequiredAgents({100, 180, -5, 0.8}).has_value());
  EXPECT_FALSE(RequiredAgents({std::nan(""), 180, 20, 0.8}).has_value());
  EXPECT_FALSE(RequiredAgents({1e6, 86400, 20, 0.8}).has_value());  // 24 million erlangs
}

}  // namespace
}  // namespace chaincrm::analytics
