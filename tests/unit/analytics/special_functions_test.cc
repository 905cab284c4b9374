// The hypergeometric functions of the Pareto/NBD likelihood against independent values:
// closed forms, a direct long-double series, and mpmath (40 digits) near z = 1, where the
// power series alone would need ~1/(1-z) terms.

#include "analytics/special_functions.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "testing/status_matchers.h"

namespace chaincrm::analytics {
namespace {

/// log 2F1(a, b; a+1; z) by its plain power series in long double, summed until the terms
/// stop mattering (only for 1 - z not too small: it needs ~40/(1-z) terms).
long double LongDoubleSeries(long double a, long double b, long double z) {
  long double term = 1, sum = 1;
  for (long n = 0; n < 50'000'000; ++n) {
    term *= (a + n) * (b + n) / ((a + 1 + n) * (n + 1)) * z;
    sum += term;
    if (term < 1e-22L * sum) break;
  }
  return std::log(sum);
}

TEST(SpecialFunctions, LogHyp2F1MatchesClosedFormsUpToZNearOne) {
  for (double gap : {0.9, 0.5, 0.3, 1e-2, 1e-4, 1e-8, 1e-12, 1e-15}) {
    const double z = 1 - gap;
    const double one_minus_z = 1 - z;  // exact (Sterbenz), unlike gap
    const double log1mz = std::log1p(-z);
    // 2F1(1, 1; 2; z) = -ln(1-z)/z
    ASSERT_OK_AND_ASSIGN(const LogHyp2F1 f1, LogHyp2F1APlusOne(1, 1, z));
    EXPECT_NEAR(f1.value, std::log(-log1mz / z), 1e-13) << one_minus_z;
    // 2F1(1/2, 1; 3/2; z) = atanh(sqrt z)/sqrt z, with 1 - sqrt z = (1-z)/(1 + sqrt z)
    const double rz = std::sqrt(z);
    const double atanh = 0.5 * (std::log1p(rz) - std::log(one_minus_z / (1 + rz)));
    ASSERT_OK_AND_ASSIGN(const LogHyp2F1 f2, LogHyp2F1APlusOne(0.5, 1, z));
    EXPECT_NEAR(f2.value, std::log(atanh / rz), 1e-13) << one_minus_z;
    // 2F1(1, 3/2; 2; z) = 2 ((1-z)^(-1/2) - 1) / z
    ASSERT_OK_AND_ASSIGN(const LogHyp2F1 f3, LogHyp2F1APlusOne(1, 1.5, z));
    EXPECT_NEAR(f3.value, std::log(2 * std::expm1(-0.5 * log1mz) / z), 1e-13) << one_minus_z;
    // 2F1(2, 2; 3; z) = 2 (z/(1-z) + ln(1-z)) / z^2
    ASSERT_OK_AND_ASSIGN(const LogHyp2F1 f4, LogHyp2F1APlusOne(2, 2, z));
    EXPECT_NEAR(f4.value, std::log(2 * (z / one_minus_z + log1mz) / (z * z)), 1e-12) << one_minus_z;
    // d/dz of log(-ln(1-z)/z) = 1/((1-z)(-ln(1-z))) - 1/z
    EXPECT_NEAR(f1.d_z, 1 / (one_minus_z * -log1mz) - 1 / z, 1e-12 * (1 / (one_minus_z * -log1mz)))
        << one_minus_z;
  }
}

TEST(SpecialFunctions, LogHyp2F1MatchesALongDoubleSeries) {
  // Points on both sides of the switch from the series to the split integral
  // (z* = max(1/2, 1 - 1/(a+1))).
  for (double a : {0.3, 1.7, 6.0}) {
    for (double b : {0.05, 1.0, 1.25}) {  // b < a + 1
      for (double z : {0.2, 0.55, 0.8, 0.95, 0.999, 0.9999}) {
        ASSERT_OK_AND_ASSIGN(const LogHyp2F1 f, LogHyp2F1APlusOne(a, b, z));
        const long double ref = LongDoubleSeries(a, b, z);
        EXPECT_NEAR(f.value, static_cast<double>(ref), 1e-13 * std::max(1.0, std::abs(f.value)))
            << a << " " << b << " " << z;
      }
    }
  }
}

TEST(SpecialFunctions, LogHyp2F1AndItsDerivativesMatchMpmathNearZEqualsOne) {
  struct Case {
    double a, b, z, log_f, d_a, d_b, d_z;
  };
  // mpmath 1.3 at 40 digits: log(hyp2f1(a, b, a+1, z)) and mp.diff of it.
  const std::vector<Case> cases = {
      {0.3, 1.2, 0.9, 0.61098199771773206528, 1.3445209912392274, 0.77020155821925981,
       2.5343595273968139},
      {0.3, 1.2, 1 - 1e-6, 3.145197168327483093, 3.1696793290295449, 9.3658385242258863,
       204728.95888316604},
      {0.3, 1.2, 1 - 1e-12, 5.9302152377284770117, 3.3232312287776491, 22.685178831387969,
       200296347322.23186},
      {5.0, 0.004, 1 - 3e-4, 0.0091034981656870350741, 0.00071835302661236614, 2.2786731175086286,
       0.11812545823535112},
      {5.0, 1.004, 1 - 1e-9, 4.5804414644345822612, 0.18855669166876494, 11.483545850119122,
       55681320.405698073},
      {0.75, 0.55, 1 - 1e-10, 0.67803332126813681491, 0.53649103238924985, 1.9438752931272295,
       120390.55267633521},
      {25.5, 1.3, 1 - 1e-7, 9.2506781560155097211, 0.038880446405511469, 13.109600192158915,
       3083316.8436408561},
      {25.5, 22.0, 0.999, 145.25679191287223946, 0.03916570133382787, 6.8601974621525157,
       21000.224920399787},
      {0.3, 0.05, 1 - 1e-13, 0.021065822151817437589, 0.058262644509113309, 0.43515608282483904,
       1.0120963681072775},
      {1.7, 2.6, 1 - 1e-15, 55.323946209561841368, 0.58823529411764541, 33.914575992340884,
       1601279867509509.7},
  };
  for (const Case& c : cases) {
    ASSERT_OK_AND_ASSIGN(const LogHyp2F1 f, LogHyp2F1APlusOne(c.a, c.b, c.z));
    auto rel = [](double v) { return 1e-11 * std::max(1.0, std::abs(v)); };
    EXPECT_NEAR(f.value, c.log_f, rel(c.log_f)) << c.a << " " << c.b << " " << c.z;
    EXPECT_NEAR(f.d_a, c.d_a, 1e3 * rel(c.d_a)) << c.a << " " << c.b << " " << c.z;
    EXPECT_NEAR(f.d_b, c.d_b, 1e3 * rel(c.d_b)) << c.a << " " << c.b << " " << c.z;
    EXPECT_NEAR(f.d_z, c.d_z, 1e3 * rel(c.d_z)) << c.a << " " << c.b << " " << c.z;
  }
}

TEST(SpecialFunctions, LogHyp2F1RejectsOutsideItsDomain) {
  EXPECT_FALSE(LogHyp2F1APlusOne(0, 1, 0.5).has_value());
  EXPECT_FALSE(LogHyp2F1APlusOne(1, 2, 0.5).has_value());  // b must be < a + 1
  EXPECT_FALSE(LogHyp2F1APlusOne(1, 1, 1.0).has_value());
  EXPECT_FALSE(LogHyp2F1APlusOne(1, 1, -0.1).has_value());
  EXPECT_FALSE(LogHyp2F1APlusOne(1, 1, std::nan("")).has_value());
}

}  // namespace
}  // namespace chaincrm::analytics
