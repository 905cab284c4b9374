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

Result<Hyp2F1Derivatives> Hyp2F1WithDerivatives(double a, double b, double c, double z,
                                                int max_terms) {
  const bool c_pole = c <= 0 && std::floor(c) == c;
  if (!(a > 0) || !(b > 0) || !(c > 0) || c_pole || !(z >= 0) || !(z < 1)) {
    return Fail(
        Error::InvalidArgument("hypergeometric 2F1 derivatives need a, b, c > 0 and 0 <= z < 1"));
  }
  // term_n = (a)_n (b)_n / ((c)_n n!) z^n; all terms are positive (c > 0).
  Hyp2F1Derivatives out{1.0, 0.0, 0.0, a * b / c};
  if (z == 0) return out;
  double term = 1.0, sum_b = 0.0, sum_c = 0.0, d_z = 0.0;
  constexpr double kEps = 1e-15;
  for (int n = 0; n < max_terms; ++n) {
    const double k = static_cast<double>(n);
    sum_b += 1.0 / (b + k);
    sum_c += 1.0 / (c + k);
    term *= (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z;  // term_{n+1}
    out.value += term;
    out.d_b += term * sum_b;
    out.d_c -= term * sum_c;
    d_z += term * (k + 1.0);
    // Tail bounds: the next terms shrink at least geometrically with ratio q (for the d/dz
    // series with q * (n+2)/(n+1)); the harmonic sums grow by less than 1/(b+n) a term, so
    // the tails of the b and c series are bounded by (sum + tail length) times the value tail.
    const double q = (a + k + 1.0) * (b + k + 1.0) / ((c + k + 1.0) * (k + 2.0)) * z;
    const double qz = q * (k + 3.0) / (k + 2.0);
    double tail = HUGE_VAL, tail_z = HUGE_VAL, horizon = HUGE_VAL;
    if (q < 1.0 && qz < 1.0) {
      tail = term * q / (1.0 - q);
      tail_z = term * (k + 2.0) * qz / (1.0 - qz);
      horizon = 1.0 / (1.0 - q);
    }
    if (a == 1.0 && c - b > 1.0) {
      // With a = 1 the ratio of successive terms is at most (b+k)/(c+k) whatever z <= 1, and
      // sum_{j>=1} (beta)_j / (gamma)_j = beta / (gamma - beta - 1): a bound that does not
      // blow up as z -> 1, where the geometric one needs ~1/(1-z) terms.
      const double d = c - b;
      const double poly = term * (b + k + 1.0) / (d - 1.0);
      if (poly < tail) {
        tail = poly;
        horizon = std::min(horizon, (b + k + 1.0) / (d - 1.0));
      }
      if (d > 2.0) tail_z = std::min(tail_z, poly * (k + 2.0 + (b + k + 1.0) / (d - 2.0)));
    }
    if (std::isfinite(tail) && std::isfinite(tail_z)) {
      const bool done = tail <= kEps * out.value &&
                        tail * (sum_b + horizon / b) <= kEps * out.d_b &&
                        tail * (sum_c + horizon / c) <= kEps * -out.d_c && tail_z <= kEps * d_z;
      if (done) {
        out.d_z = d_z / z;
        return out;
      }
    }
    if (!std::isfinite(out.value) || !std::isfinite(d_z)) break;
  }
  return Fail(Error::InvalidArgument("hypergeometric 2F1 series did not converge within " +
                                     std::to_string(max_terms) +
                                     " terms (z = " + std::to_string(z) + ")"));
}

}  // namespace chaincrm::analytics
