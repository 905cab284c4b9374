#include "analytics/special_functions.h"

#include <algorithm>
#include <boost/math/policies/policy.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace chaincrm::analytics {
namespace {

using NoThrowPolicy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::pole_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::evaluation_error<boost::math::policies::ignore_error>>;

// Largest change of the log-integrand across one quadrature panel (4 lost ~1e-10 against the
// long-double and closed-form references; 2 keeps them to ~1e-14).
constexpr double kPanelChange = 2.0;

// 10-point Gauss-Legendre rule on [-1, 1]: the positive nodes and their weights.
constexpr double kGaussNodes[5] = {0.1488743389816312108848260, 0.4333953941292471907992659,
                                   0.6794095682990244062343274, 0.8650633666889845107320967,
                                   0.9739065285171717200779640};
constexpr double kGaussWeights[5] = {0.2955242247147528701738930, 0.2692667193099963550912269,
                                     0.2190863625159820439955349, 0.1494513491505805931457763,
                                     0.0666713443086881375935688};

/// log 2F1(a, b; a+1; z) by the series of its Euler transform, for z <= z*.
/// one_minus_z = 1 - z and log1mz = ln(1 - z), as accurately as the caller has them.
Result<LogHyp2F1> LogHyp2F1BySeries(double a, double b, double z, double one_minus_z, double log1mz,
                                    int max_terms) {
  ASSIGN_OR_RETURN(const Hyp2F1Derivatives g,
                   Hyp2F1WithDerivatives(1.0, a + 1 - b, a + 1, z, max_terms));
  const double gb = g.d_b / g.value, gc = g.d_c / g.value;
  LogHyp2F1 out;
  out.value = (1 - b) * log1mz + std::log(g.value);
  out.d_a = gb + gc;  // a enters as b' = a+1-b and c = a+1
  out.d_b = -log1mz - gb;
  out.d_z = -(1 - b) / one_minus_z + g.d_z / g.value;
  return out;
}

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

Result<LogHyp2F1> LogHyp2F1APlusOne(double a, double b, double z, int max_terms,
                                    double one_minus_z) {
  if (!(a > 0) || !(b > 0) || !(b < a + 1) || !std::isfinite(a) || !(z >= 0) || !(z < 1)) {
    return Fail(
        Error::InvalidArgument("log 2F1(a, b; a+1; z) needs a > 0, 0 < b < a + 1 and 0 <= z < 1"));
  }
  // The series at z* needs ~40 / (1 - z*) terms: at most ~1,300.
  const double z_star = std::max(0.5, 1.0 - 1.0 / (std::min(a, 32.0) + 1.0));
  // 1 - z as given (exact when the caller knows it better than 1 - z in floating point).
  const double gap = one_minus_z > 0 ? one_minus_z : 1 - z;
  const double log_gap = one_minus_z > 0 ? std::log(one_minus_z) : std::log1p(-z);
  if (z <= z_star) return LogHyp2F1BySeries(a, b, z, gap, log_gap, max_terms);

  // F / a = integral_0^1 phi(u) du, phi = u^(a-1) (1 - z u)^(-b), split at u* = z*/z.
  // Head: integral_0^u* phi = u*^a / a * F(a, b; a+1; z u* = z*). Its derivatives with u* held
  // fixed (the split point cancels out of the total, so it may be treated as a constant).
  const double u_star = z_star / z, log_u_star = std::log(u_star);
  ASSIGN_OR_RETURN(const LogHyp2F1 head,
                   LogHyp2F1BySeries(a, b, z_star, 1 - z_star, std::log1p(-z_star), max_terms));
  const double log_head = a * log_u_star - std::log(a) + head.value;
  const double head_a = log_u_star - 1.0 / a + head.d_a;  // d log(head) / da
  const double head_b = head.d_b;
  const double head_z = u_star * head.d_z;

  // Tail: integral_u*^1 phi du with 1 - z u = e^-v, du = e^-v / z dv: the integrand is
  // exp(g(v)), g = (a-1) ln u + (b-1) v - ln z, over v in [v0, v1], v0 = -ln(1-z*),
  // v1 = -ln(1-z) <= ~37. g' = (a-1)/(e^v - 1) + (b-1) is monotone, and |g'| on [v, v1] is
  // at most A/(e^v - 1) + B (A = |a-1|, B = |b-1|). Panels are laid from v1 down, each of
  // width 2/(1 + that bound at its lower end), so g changes by at most 2 across a panel and
  // the 10-point rule is exact to rounding there. The march stops once g is increasing on all
  // of [v0, top] (for a >= 1 g' decreases in v, so g'(top) >= 0 suffices; for a < 1, g'(v0) >= 0)
  // and g(top) is 46 below the largest value seen: the rest is < e^-46 of the tail.
  const double lo = -std::log1p(-z_star);
  const double hi = -log_gap;
  const double big_a = std::abs(a - 1), big_b = std::abs(b - 1);
  auto slope_bound = [&](double at) { return big_a / std::expm1(at) + big_b; };
  auto slope = [&](double at) { return (a - 1) / std::expm1(at) + (b - 1); };
  const double log_z = std::log(z);
  auto g_of = [&](double at) {
    return (a - 1) * (std::log(-std::expm1(-at)) - log_z) + (b - 1) * at - log_z;
  };
  const bool increasing_below_any = a < 1 && slope(lo) >= 0;
  struct Node {
    double v, w, g, log_u, u;
  };
  std::vector<Node> nodes;
  double peak = -std::numeric_limits<double>::infinity();
  for (double top = hi; top > lo;) {
    const double h0 = kPanelChange / (1.0 + slope_bound(top));
    const double h = std::min(top - lo, kPanelChange / (1.0 + slope_bound(std::max(lo, top - h0))));
    const double mid = top - 0.5 * h;
    for (int j = 0; j < 10; ++j) {
      Node n;
      n.v = mid + 0.5 * h * (j < 5 ? -kGaussNodes[j] : kGaussNodes[j - 5]);
      n.w = 0.5 * h * kGaussWeights[j < 5 ? j : j - 5];
      const double one_minus = -std::expm1(-n.v);  // z u = 1 - e^-v
      n.u = one_minus / z;
      n.log_u = std::log(one_minus) - log_z;
      n.g = (a - 1) * n.log_u + (b - 1) * n.v - log_z;
      peak = std::max(peak, n.g);
      nodes.push_back(n);
    }
    top -= h;
    const bool increasing_below = a >= 1 ? slope(top) >= 0 : increasing_below_any;
    if (increasing_below && g_of(top) < peak - 46.0) break;
    if (nodes.size() > 200'000) {
      return Fail(Error::InvalidArgument("log 2F1(a, b; a+1; z): quadrature budget exceeded"));
    }
  }
  double s0 = 0, sa = 0, sb = 0, sz = 0;
  for (const Node& n : nodes) {
    const double e = n.w * std::exp(n.g - peak);
    s0 += e;
    sa += e * n.log_u;                  // d phi / da = ln u phi
    sb += e * n.v;                      // d phi / db = -ln(1 - z u) phi
    sz += e * b * n.u * std::exp(n.v);  // d phi / dz = b u / (1 - z u) phi
  }
  const double log_tail = peak + std::log(s0);
  const double log_sum = LogSumExp(log_head, log_tail);
  const double wh = std::exp(log_head - log_sum), wt = std::exp(log_tail - log_sum);
  LogHyp2F1 out;
  out.value = std::log(a) + log_sum;
  out.d_a = 1.0 / a + wh * head_a + wt * sa / s0;
  out.d_b = wh * head_b + wt * sb / s0;
  out.d_z = wh * head_z + wt * sz / s0;
  if (!std::isfinite(out.value) || !std::isfinite(out.d_a) || !std::isfinite(out.d_b) ||
      !std::isfinite(out.d_z)) {
    return Fail(
        Error::InvalidArgument("log 2F1(a, b; a+1; z) overflowed (z = " + std::to_string(z) + ")"));
  }
  return out;
}

}  // namespace chaincrm::analytics
