#include "analytics/bgnbd.h"

#include <gtest/gtest.h>

#include <cmath>

#include "cdnow_data.h"
#include "testing/status_matchers.h"

namespace chaincrm::analytics {
namespace {

TEST(BgNbd, ReproducesPublishedCdnowEstimates) {
  const auto cohort = testing::ReadCdnowSummary("cdnow_customers_summary.csv");
  ASSERT_EQ(cohort.size(), 2357u);
  ASSERT_OK_AND_ASSIGN(const BgNbdFit fit, FitBgNbd(cohort));
  // Fader, Hardie & Lee (2005), section 5: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426,
  // LL = -9582.4.
  EXPECT_NEAR(fit.params.r, 0.243, 0.0005);
  EXPECT_NEAR(fit.params.alpha, 4.414, 0.0005);
  EXPECT_NEAR(fit.params.a, 0.793, 0.0005);
  EXPECT_NEAR(fit.params.b, 2.426, 0.0005);
  EXPECT_NEAR(fit.log_likelihood, -9582.4, 0.05);
  std::printf("BG/NBD CDNOW: r=%.6f alpha=%.6f a=%.6f b=%.6f LL=%.4f groups=%d evals=%d\n",
              fit.params.r, fit.params.alpha, fit.params.a, fit.params.b, fit.log_likelihood,
              fit.groups, fit.evaluations);
}

}  // namespace
}  // namespace chaincrm::analytics
