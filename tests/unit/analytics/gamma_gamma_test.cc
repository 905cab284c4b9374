#include "analytics/gamma_gamma.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "cdnow_data.h"
#include "testing/status_matchers.h"

namespace chaincrm::analytics {
namespace {

CustomerSummary Spender(double x, double zbar) {
  CustomerSummary c;
  c.frequency = x;
  c.monetary_value = zbar;
  return c;
}

TEST(GammaGamma, LogLikelihoodMatchesHandComputation) {
  // One transaction of 2 with p = 2, q = 3, gamma = 4: the marginal density is
  // z^(p-1) gamma^q Gamma(p+q) / (Gamma(p) Gamma(q) (gamma+z)^(p+q)) = 2*64*24 / (2*6^5).
  const std::vector<CustomerSummary> one = {Spender(1, 2)};
  ASSERT_OK_AND_ASSIGN(const double ll, GammaGammaLogLikelihood({2, 3, 4}, one));
  EXPECT_NEAR(ll, std::log(3072.0 / 15552.0), 1e-12);
}

TEST(GammaGamma, ReproducesPublishedCdnowEstimates) {
  const auto cohort = testing::ReadCdnowSummary("cdnow_customers_summary_with_transactions.csv");
  ASSERT_EQ(cohort.size(), 2357u);
  ASSERT_OK_AND_ASSIGN(const GammaGammaFit fit, FitGammaGamma(cohort));
  std::printf("Gamma-Gamma CDNOW: p=%.6f q=%.6f gamma=%.6f LL=%.4f n=%d corr=%.4f evals=%d\n",
              fit.params.p, fit.params.q, fit.params.gamma, fit.log_likelihood, fit.customers_used,
              fit.frequency_spend_correlation, fit.evaluations);
  // Fader & Hardie note 025 / lifetimes documentation: p = 6.25, q = 3.74, gamma = 15.44.
  EXPECT_EQ(fit.customers_used, 946);
  EXPECT_NEAR(fit.params.p, 6.25, 0.005);
  EXPECT_NEAR(fit.params.q, 3.74, 0.005);
  EXPECT_NEAR(fit.params.gamma, 15.44, 0.01);
  EXPECT_TRUE(fit.independence_plausible);
}

TEST(GammaGamma, ConditionalSpendShrinksTowardsThePopulationMean) {
  const GammaGammaParams p{6.25, 3.74, 15.44};
  const double population = 6.25 * 15.44 / 2.74;
  ASSERT_OK_AND_ASSIGN(const double none, ConditionalExpectedSpend(p, 0, 0));
  EXPECT_NEAR(none, population, 1e-9);
  ASSERT_OK_AND_ASSIGN(const double one, ConditionalExpectedSpend(p, 1, 100));
  ASSERT_OK_AND_ASSIGN(const double many, ConditionalExpectedSpend(p, 50, 100));
  EXPECT_GT(one, population);
  EXPECT_LT(one, many);
  EXPECT_LT(many, 100);
  EXPECT_FALSE(ConditionalExpectedSpend({6.25, 0.9, 15.44}, 1, 10).has_value());
}

TEST(GammaGamma, RejectsCohortsWithoutRepeatSpend) {
  const std::vector<CustomerSummary> none = {Spender(0, 0), Spender(2, -5)};
  EXPECT_FALSE(FitGammaGamma(none).has_value());
}

}  // namespace
}  // namespace chaincrm::analytics
