#include "analytics/special_functions.h"

#include <boost/math/policies/policy.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <cmath>
#include <limits>
#include <string>

namespace chaincrm::analytics {
namespace {

using NoThrowPolicy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::pole_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::evaluation_error<boost::math::policies::ignore_error>>;

}  // namespace

double Log1pExp(double z) {
  if (z > 0) return z + std::log1p(std::exp(-z));
  return std::log1p(std::exp(z));
}

double LogSumExp(double a, double b) {
  if (a < b) std::swap(a, b);
  if (b == -std::numeric_limits<double>::infinity()) return a;
  return a + std::log1p(std::exp(b - a));
}

double LogDiffExp(double a, double b) {
  if (b >= a) return -std::numeric_limits<double>::infinity();
  return a + std::log1p(-std::exp(b - a));
}

double Digamma(double x) { return boost::math::digamma(x, NoThrowPolicy()); }

Result<double> Hyp2F1(double a, double b, double c, double z, int max_terms) {
  const bool c_pole = c <= 0 && std::floor(c) == c;
  if (!(a > 0) || !(b > 0) || !std::isfinite(c) || c_pole || !(z >= 0) || !(z < 1)) {
    return Fail(Error::InvalidArgument(
        "hypergeometric 2F1 needs a, b > 0, c not a non-positive integer and 0 <= z < 1"));
  }
  double term = 1.0;
  double sum = 1.0;
  for (int n = 0; n < max_terms; ++n) {
    const double k = static_cast<double>(n);
    term *= (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z;
    sum += term;
    // Once the term ratio is below one the tail is bounded by a geometric series.
    if (c + k + 1.0 > 0) {  // from here on every term has the sign of the current one
      const double ratio = (a + k + 1.0) * (b + k + 1.0) / ((c + k + 1.0) * (k + 2.0)) * z;
      if (ratio < 1.0 && std::abs(term) / (1.0 - ratio) <= 1e-16 * std::abs(sum)) return sum;
    }
    if (!std::isfinite(sum)) break;
  }
  return Fail(Error::InvalidArgument(
      "hypergeometric 2F1 series did not converge (z = " + std::to_string(z) + ")"));
}

}  // namespace chaincrm::analytics
