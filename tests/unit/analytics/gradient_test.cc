// The analytic gradients of the three likelihoods against central finite differences, at
// the CDNOW estimates and at points away from them (both Pareto/NBD alpha/beta branches),
// and the Pareto/NBD fit's bounded cost on a degenerate small cohort.

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "analytics/bgnbd.h"
#include "analytics/gamma_gamma.h"
#include "analytics/pareto_nbd.h"
#include "builders.h"
#include "cdnow_data.h"
#include "testing/status_matchers.h"

namespace chaincrm::analytics {
namespace {

/// Central differences with a relative step; each component must agree with `analytic` to
/// `tolerance` relative to max(1, |component|).
template <std::size_t N>
void ExpectGradientMatches(const std::function<double(const std::array<double, N>&)>& f,
                           const std::array<double, N>& at, const std::array<double, N>& analytic,
                           double tolerance, double step = 1e-4) {
  for (std::size_t i = 0; i < N; ++i) {
    const double h = step * at[i];  // small truncation error, rounding noise / h small too
    auto up = at, down = at;
    up[i] += h;
    down[i] -= h;
    const double numeric = (f(up) - f(down)) / (2 * h);
    EXPECT_NEAR(analytic[i], numeric, tolerance * std::max(1.0, std::abs(numeric)))
        << "component " << i << " at (" << at[0] << ", " << at[1] << ", ...)";
  }
}

std::vector<CustomerSummary> Cdnow() {
  return testing::ReadCdnowSummary("cdnow_customers_summary.csv");
}

TEST(Gradients, BgNbdMatchesFiniteDifferences) {
  const auto cohort = Cdnow();
  ASSERT_EQ(cohort.size(), 2357u);
  const std::vector<std::array<double, 4>> points = {
      {0.243, 4.414, 0.793, 2.426}, {1.0, 10.0, 0.5, 3.0}, {0.1, 1.0, 2.0, 0.5}};
  for (const auto& pt : points) {
    std::array<double, 4> g{};
    ASSERT_TRUE(BgNbdLogLikelihood({pt[0], pt[1], pt[2], pt[3]}, cohort, g).has_value());
    ExpectGradientMatches<4>(
        [&](const std::array<double, 4>& v) {
          return *BgNbdLogLikelihood({v[0], v[1], v[2], v[3]}, cohort);
        },
        pt, g, 1e-5);
  }
}

TEST(Gradients, ParetoNbdMatchesFiniteDifferencesOnBothBranches) {
  const auto cohort = Cdnow();
  ASSERT_EQ(cohort.size(), 2357u);
  // CDNOW estimates (alpha < beta), alpha > beta, alpha = beta, far from the optimum, and
  // near the no-dropout boundary.
  // The last three put z near 1 for small t (beta or alpha tiny next to the other), where
  // LogHyp2F1APlusOne integrates instead of summing the series. There the quadrature's
  // relative accuracy (~1e-11 of the log-likelihood) needs a larger difference step.
  const std::vector<std::array<double, 4>> points = {{0.5533, 10.5777, 0.6062, 11.6688},
                                                     {0.8, 20.0, 0.3, 5.0},
                                                     {0.5, 8.0, 1.5, 8.0},
                                                     {2.0, 1.0, 0.1, 40.0},
                                                     {0.5, 10.0, 0.05, 1e-4},
                                                     {4.9, 47.0, 0.002, 1e-6},
                                                     {0.6, 1e-5, 0.7, 12.0}};
  for (std::size_t k = 0; k < points.size(); ++k) {
    const auto& pt = points[k];
    std::array<double, 4> g{};
    ASSERT_TRUE(ParetoNbdLogLikelihood({pt[0], pt[1], pt[2], pt[3]}, cohort, g).has_value());
    ExpectGradientMatches<4>(
        [&](const std::array<double, 4>& v) {
          return *ParetoNbdLogLikelihood({v[0], v[1], v[2], v[3]}, cohort);
        },
        pt, g, 1e-5, k < 4 ? 1e-4 : 1e-3);
  }
}

TEST(Gradients, GammaGammaMatchesFiniteDifferences) {
  const auto cohort = testing::ReadCdnowSummary("cdnow_customers_summary_with_transactions.csv");
  ASSERT_FALSE(cohort.empty());
  const std::vector<std::array<double, 3>> points = {
      {6.25, 3.74, 15.44}, {2.0, 8.0, 40.0}, {12.0, 1.5, 3.0}};
  for (const auto& pt : points) {
    std::array<double, 3> g{};
    ASSERT_TRUE(GammaGammaLogLikelihood({pt[0], pt[1], pt[2]}, cohort, g).has_value());
    ExpectGradientMatches<3>(
        [&](const std::array<double, 3>& v) {
          return *GammaGammaLogLikelihood({v[0], v[1], v[2]}, cohort);
        },
        pt, g, 1e-5);
  }
}

TEST(Gradients, ParetoNbdGradientFitUsesFewEvaluationsOnCdnow) {
  ASSERT_OK_AND_ASSIGN(const ParetoNbdFit fit, FitParetoNbd(Cdnow()));
  // Nelder-Mead without a gradient needed 957; L-BFGS with the analytic gradient ~50.
  EXPECT_LT(fit.evaluations, 150);
}

/// 40 customers, almost all one-off buyers seen for a long time plus a few with many
/// purchases bunched at the very start: the optimum runs towards the parameter bounds and
/// the hypergeometric argument towards 1, where a Nelder-Mead fit with unbounded series once
/// took over a minute. The maximum lies on the s, beta -> infinity ridge (every customer drops
/// out at the same rate).
std::vector<CustomerSummary> PathologicalCohort() {
  std::vector<CustomerSummary> c;
  for (int i = 0; i < 34; ++i) c.push_back(History(0, 0, 52 + i));
  for (int i = 0; i < 6; ++i) c.push_back(History(20 + i, 0.5 + 0.1 * i, 60));
  return c;
}

/// A fit on a degenerate cohort: it must end on L-BFGS within a bounded number of evaluations
/// (no Nelder-Mead wandering along the ridge), with a finite estimate flagged as a boundary
/// point and a warning saying which parameters ran off, and finite predictions.
void ExpectBoundedBoundaryFit(const std::vector<CustomerSummary>& cohort, const char* label) {
  const auto fit = FitParetoNbd(cohort);
  ASSERT_TRUE(fit.has_value()) << label << ": " << fit.error().message();
  std::printf("%s: evaluations %d%s; %s\n", label, fit->evaluations,
              fit->gradient_free_fallback ? " (Nelder-Mead fallback)" : "", fit->warning.c_str());
  // Before the z -> 1 evaluation and the ridge detection: L-BFGS gave up, then Nelder-Mead
  // took 777-1,021 evaluations (1.7-4 s in the -O0 build).
  EXPECT_FALSE(fit->gradient_free_fallback) << label;
  EXPECT_LE(fit->evaluations, 150) << label;
  EXPECT_TRUE(fit->boundary) << label;
  EXPECT_FALSE(fit->warning.empty()) << label;
  EXPECT_TRUE(std::isfinite(fit->log_likelihood));
  ASSERT_OK_AND_ASSIGN(const ParetoNbdModel model, ParetoNbdModel::Create(fit->params));
  for (const CustomerSummary& c : cohort) {
    ASSERT_OK_AND_ASSIGN(const double alive, model.ProbabilityAlive(c.frequency, c.recency, c.age));
    EXPECT_TRUE(std::isfinite(alive) && alive >= 0 && alive <= 1) << alive;
  }
}

TEST(Gradients, ParetoNbdDegenerateSmallCohortHasBoundedCost) {
  ExpectBoundedBoundaryFit(PathologicalCohort(), "degenerate cohort");
}

TEST(Gradients, ParetoNbdDegenerateCohortsNeverExceedTheEvaluationBudget) {
  // Variations of the degenerate shape.
  for (int repeaters : {1, 4}) {
    std::vector<CustomerSummary> c;
    for (int i = 0; i < 40 - repeaters; ++i) c.push_back(History(0, 0, 30 + i));
    for (int i = 0; i < repeaters; ++i) c.push_back(History(40, 0.2, 70));
    ExpectBoundedBoundaryFit(c, repeaters == 1 ? "1 repeater" : "4 repeaters");
  }
}

}  // namespace
}  // namespace chaincrm::analytics
