#include "analytics/gamma_gamma.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <vector>

#include "analytics/simulation.h"
#include "cdnow_data.h"
#include "no_churn_cohort.h"
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

TEST(GammaGamma, RecoversParametersFromSimulatedSpend) {
  // 20,000 repeat customers: frequencies from a simulated BG/NBD cohort, spend drawn from the
  // Gamma-Gamma model with known parameters.
  SimulationOptions options;
  options.customers = 60'000;
  options.min_age = 26;
  options.max_age = 52;
  options.seed = 20261124;
  ASSERT_OK_AND_ASSIGN(auto cohort, SimulateBgNbd({0.243, 4.414, 0.793, 2.426}, options));
  std::erase_if(cohort, [](const CustomerSummary& c) { return c.frequency == 0; });
  ASSERT_GE(cohort.size(), 20'000u);
  cohort.resize(20'000);
  const GammaGammaParams truth{6.25, 3.74, 15.44};
  const std::uint64_t seed = 424242;
  std::printf("Gamma-Gamma simulation seeds %llu / %llu\n",
              static_cast<unsigned long long>(options.seed), static_cast<unsigned long long>(seed));
  ASSERT_OK(SimulateGammaGammaSpend(truth, seed, cohort));
  ASSERT_OK_AND_ASSIGN(const GammaGammaFit fit, FitGammaGamma(cohort));
  std::printf("Gamma-Gamma simulated: p=%.4f q=%.4f gamma=%.4f corr=%.4f\n", fit.params.p,
              fit.params.q, fit.params.gamma, fit.frequency_spend_correlation);
  // p and gamma are strongly correlated in this model (only their ratio to q-1 is sharply
  // identified), so they get wide bands: about 4 sampling sd at this size (sd p 7 %,
  // gamma 7 %, q 1.5 %); the population mean spend p gamma / (q - 1) is checked tightly.
  EXPECT_NEAR(fit.params.p, truth.p, 0.30 * truth.p);
  EXPECT_NEAR(fit.params.q, truth.q, 0.06 * truth.q);
  EXPECT_NEAR(fit.params.gamma, truth.gamma, 0.30 * truth.gamma);
  const double mean = fit.params.p * fit.params.gamma / (fit.params.q - 1);
  const double true_mean = truth.p * truth.gamma / (truth.q - 1);
  EXPECT_NEAR(mean, true_mean, 0.03 * true_mean);
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

/// Profile log-likelihood of p in the q -> infinity limit, where every transaction is
/// Gamma(p, nu) with one nu for all customers: x zbar ~ Gamma(p x, nu), nu-hat = p sum x /
/// sum x zbar. Up to terms free of p.
double LimitProfileLogLikelihood(const std::vector<CustomerSummary>& c, double p) {
  double sx = 0, sxm = 0;
  for (const auto& h : c) {
    if (h.frequency <= 0 || h.monetary_value <= 0) continue;
    sx += h.frequency;
    sxm += h.frequency * h.monetary_value;
  }
  const double nu = p * sx / sxm;
  double ll = 0;
  for (const auto& h : c) {
    if (h.frequency <= 0 || h.monetary_value <= 0) continue;
    const double a = p * h.frequency, s = h.frequency * h.monetary_value;
    ll += a * std::log(nu) + (a - 1) * std::log(s) - nu * s - std::lgamma(a);
  }
  return ll;
}

TEST(GammaGamma, SpendWithoutCustomerHeterogeneityFallsBackToTheRidge) {
  // The bench generator's spend: a price list times a quantity times noise, the same for
  // every customer. L-BFGS on (ln p, ln q, ln gamma) stopped here with "nlopt failure" (no
  // probabilistic CLV); the refit along q -> infinity must give the limit model.
  const auto cohort = testing::NoChurnCohort(10'000, 7);
  ASSERT_OK_AND_ASSIGN(const GammaGammaFit fit, FitGammaGamma(cohort));
  std::printf("Gamma-Gamma, bench spend: p=%.6g q=%.6g gamma=%.6g LL=%.3f evals=%d\n%s\n",
              fit.params.p, fit.params.q, fit.params.gamma, fit.log_likelihood, fit.evaluations,
              fit.warning.c_str());
  EXPECT_TRUE(fit.fallback);
  EXPECT_TRUE(fit.no_spend_heterogeneity);
  EXPECT_EQ(fit.warning.rfind("no evidence that customers differ in spend", 0), 0u);
  EXPECT_LE(fit.evaluations, 300);
  EXPECT_GT(fit.params.q, 3e5);
  // Independent check: p maximises the limit model's profile likelihood (golden section).
  double lo = 0.05, hi = 20;
  for (int i = 0; i < 200; ++i) {
    const double m1 = hi - (hi - lo) * 0.618033988749895, m2 = lo + (hi - lo) * 0.618033988749895;
    if (LimitProfileLogLikelihood(cohort, m1) < LimitProfileLogLikelihood(cohort, m2)) {
      lo = m1;
    } else {
      hi = m2;
    }
  }
  std::printf("limit model: p = %.6g\n", lo);
  EXPECT_NEAR(fit.params.p, lo, 1e-3 * lo);
  // Every customer's expected spend is then the population mean, finite.
  const double population = fit.params.p * fit.params.gamma / (fit.params.q - 1);
  for (std::size_t i = 0; i < 50; ++i) {
    const auto& c = cohort[i];
    ASSERT_OK_AND_ASSIGN(const double spend,
                         ConditionalExpectedSpend(fit.params, c.frequency, c.monetary_value));
    EXPECT_NEAR(spend, population, 1e-3 * population);
  }
}

TEST(GammaGamma, UniformAndLognormalSpendGiveAFit) {
  // Uniform spend (no heterogeneity: the ridge) and lognormal spend (a proper interior
  // optimum, no fallback needed).
  const auto uniform = testing::NoChurnCohort(10'000, 7, 10, 730, testing::SpendShape::kUniform);
  ASSERT_OK_AND_ASSIGN(const GammaGammaFit u, FitGammaGamma(uniform));
  EXPECT_TRUE(u.no_spend_heterogeneity);
  EXPECT_TRUE(std::isfinite(u.log_likelihood));
  const auto lognormal =
      testing::NoChurnCohort(10'000, 7, 10, 730, testing::SpendShape::kLognormal);
  ASSERT_OK_AND_ASSIGN(const GammaGammaFit l, FitGammaGamma(lognormal));
  EXPECT_FALSE(l.fallback);
  EXPECT_FALSE(l.no_spend_heterogeneity);
  EXPECT_TRUE(l.warning.empty());
  EXPECT_LT(l.params.q, 1e3);
}

TEST(GammaGamma, RejectsCohortsWithoutRepeatSpend) {
  const std::vector<CustomerSummary> none = {Spender(0, 0), Spender(2, -5)};
  EXPECT_FALSE(FitGammaGamma(none).has_value());
}

}  // namespace
}  // namespace chaincrm::analytics
