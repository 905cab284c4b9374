#include "analytics/pareto_nbd.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "builders.h"
#include "cdnow_data.h"
#include "testing/status_matchers.h"

namespace chaincrm::analytics {
namespace {

TEST(ParetoNbd, LogLikelihoodMatchesHandComputation) {
  // r = s = alpha = beta = 1, x = 0, T = 1: lambda, mu ~ Exp(1) and
  // P(no purchase in (0, 1]) = E[e^-(lambda+mu)] + E[mu/(lambda+mu)(1 - e^-(lambda+mu))]
  //                          = 1/4 + (1/2 - 1/8) = 0.625.
  const std::vector<CustomerSummary> one = {History(0, 0, 1)};
  ASSERT_OK_AND_ASSIGN(const double ll, ParetoNbdLogLikelihood({1, 1, 1, 1}, one));
  EXPECT_NEAR(ll, std::log(0.625), 1e-12);
}

TEST(ParetoNbd, LikelihoodIsContinuousAcrossTheAlphaBetaBranches) {
  const std::vector<CustomerSummary> c = {History(3, 10, 30), History(0, 0, 20)};
  ASSERT_OK_AND_ASSIGN(const double below, ParetoNbdLogLikelihood({0.5, 5 - 1e-7, 0.7, 5}, c));
  ASSERT_OK_AND_ASSIGN(const double at, ParetoNbdLogLikelihood({0.5, 5, 0.7, 5}, c));
  ASSERT_OK_AND_ASSIGN(const double above, ParetoNbdLogLikelihood({0.5, 5 + 1e-7, 0.7, 5}, c));
  EXPECT_NEAR(below, at, 1e-6);
  EXPECT_NEAR(above, at, 1e-6);
}

TEST(ParetoNbd, ReproducesPublishedCdnowEstimates) {
  const auto cohort = testing::ReadCdnowSummary("cdnow_customers_summary.csv");
  ASSERT_EQ(cohort.size(), 2357u);
  ASSERT_OK_AND_ASSIGN(const ParetoNbdFit fit, FitParetoNbd(cohort));
  std::printf("Pareto/NBD CDNOW: r=%.6f alpha=%.6f s=%.6f beta=%.6f LL=%.4f evals=%d\n",
              fit.params.r, fit.params.alpha, fit.params.s, fit.params.beta, fit.log_likelihood,
              fit.evaluations);
  // Fader, Hardie & Lee (2005), section 5: r = 0.55, alpha = 10.58, s = 0.61, beta = 11.67,
  // LL = -9595.0.
  EXPECT_NEAR(fit.params.r, 0.55, 0.005);
  EXPECT_NEAR(fit.params.alpha, 10.58, 0.005);
  EXPECT_NEAR(fit.params.s, 0.61, 0.005);
  EXPECT_NEAR(fit.params.beta, 11.67, 0.005);
  EXPECT_NEAR(fit.log_likelihood, -9595.0, 0.05);
  // A cohort with churn: an interior optimum, no boundary treatment, no warning.
  EXPECT_FALSE(fit.boundary);
  EXPECT_FALSE(fit.no_dropout);
  EXPECT_FALSE(fit.gradient_free_fallback);
  EXPECT_TRUE(fit.warning.empty());
}

TEST(ParetoNbd, PredictionsAreConsistent) {
  ASSERT_OK_AND_ASSIGN(const ParetoNbdModel m, ParetoNbdModel::Create({0.55, 10.58, 0.61, 11.67}));
  ASSERT_OK_AND_ASSIGN(const double fresh, m.ProbabilityAlive(0, 0, 0));
  EXPECT_NEAR(fresh, 1.0, 1e-12);
  ASSERT_OK_AND_ASSIGN(const double recent, m.ProbabilityAlive(5, 38, 39));
  ASSERT_OK_AND_ASSIGN(const double lapsed, m.ProbabilityAlive(5, 5, 39));
  EXPECT_GT(recent, lapsed);
  ASSERT_OK_AND_ASSIGN(const double e39, m.ExpectedPurchases(39, 5, 38, 39));
  ASSERT_OK_AND_ASSIGN(const double e78, m.ExpectedPurchases(78, 5, 38, 39));
  EXPECT_GT(e39, 0);
  EXPECT_GT(e78, e39);
  EXPECT_FALSE(m.ExpectedPurchases(-1, 0, 0, 1).has_value());
  EXPECT_FALSE(ParetoNbdModel::Create({0.55, -1, 0.61, 11.67}).has_value());
}

}  // namespace
}  // namespace chaincrm::analytics
