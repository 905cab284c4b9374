#pragma once
// Numerically stable building blocks shared by the likelihoods: log-sum-exp, digamma and
// the Gauss hypergeometric series. Pure functions, thread-safe.

#include "core/result.h"

namespace chaincrm::analytics {

/// log(1 + exp(z)) without overflow or loss of precision for large |z|.
double Log1pExp(double z);

/// log(exp(a) + exp(b)); -inf inputs are allowed.
double LogSumExp(double a, double b);

/// log(exp(a) - exp(b)) for a >= b; -inf when a == b.
double LogDiffExp(double a, double b);

/// The digamma function psi(x) for x > 0 (Boost.Math, no exceptions: NaN outside domain).
double Digamma(double x);

/// Gauss hypergeometric 2F1(a, b; c; z) by its power series, for a, b > 0, c not a
/// non-positive integer and 0 <= z < 1 (for c > 0 all terms are positive: no cancellation).
/// InvalidArgument outside that domain or when the series does not converge within its
/// term budget (z extremely close to 1).
Result<double> Hyp2F1(double a, double b, double c, double z, int max_terms = 2'000'000);

/// 2F1(a, b; c; z) and its partial derivatives in b, c and z, summed term by term in the same
/// pass as the value (d term_n/db = term_n * sum_{k<n} 1/(b+k), d/dc likewise with a minus
/// sign, d/dz = n term_n / z). Same domain as Hyp2F1; at most max_terms terms (so the cost is
/// bounded), InvalidArgument when the value or a derivative has not converged by then.
struct Hyp2F1Derivatives {
  double value = 0.0;
  double d_b = 0.0;
  double d_c = 0.0;
  double d_z = 0.0;
};
Result<Hyp2F1Derivatives> Hyp2F1WithDerivatives(double a, double b, double c, double z,
                                                int max_terms);

/// log 2F1(a, b; a+1; z) and its partial derivatives in a, b and z, for a > 0, 0 < b < a + 1
/// and 0 <= z < 1, however close z is to 1. This is the incomplete-beta family:
/// 2F1(a, b; a+1; z) = a * integral_0^1 u^(a-1) (1 - z u)^(-b) du (the Pareto/NBD likelihood's
/// function). Up to z* = max(1/2, 1 - 1/(min(a, 32)+1)) it is summed as Euler's transform
/// (1-z)^(1-b) 2F1(1, a+1-b; a+1; z) (Hyp2F1WithDerivatives). Beyond z* the power series needs
/// ~1/(1-z) terms, so the integral is split at u* = z*/z instead: the part over [0, u*] is
/// u*^a / a * 2F1(a, b; a+1; z*), the same series at z* (at most ~1,300 terms); the part over
/// [u*, 1] is 10-point Gauss-Legendre quadrature in v = -ln(1 - z u), where the integrand
/// e^((b-1) v) u^(a-1) is smooth and v runs over at most ~37 units, on panels in which the
/// log-integrand changes by at most 2, stopping where it has fallen e^-46 below its peak
/// (typically 20-50 panels). The cost is therefore bounded whatever 1 - z is. The derivatives
/// are taken under the integral, with the split point held fixed (it cancels out of the
/// total). InvalidArgument outside the domain, if the series at z* does not converge within
/// max_terms, or if the quadrature would need more than 200,000 nodes.
struct LogHyp2F1 {
  double value = 0.0;  // log 2F1(a, b; a+1; z)
  double d_a = 0.0;    // partial derivatives of the log
  double d_b = 0.0;
  double d_z = 0.0;
};
/// one_minus_z, when > 0, is 1 - z computed more accurately than 1 - z in floating point (z
/// close to 1 as a ratio such as (alpha - beta) / (alpha + t) = 1 - (beta + t) / (alpha + t)).
Result<LogHyp2F1> LogHyp2F1APlusOne(double a, double b, double z, int max_terms = 2'000'000,
                                    double one_minus_z = -1.0);

}  // namespace chaincrm::analytics
