#include "analytics/gamma_gamma.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "analytics/special_functions.h"

namespace chaincrm::analytics {
namespace {

/// Repeat customers sorted by x, with the sums that do not depend on the parameters.
struct SpendData {
  std::vector<double> x, xm;                // per customer: x and x * zbar
  std::vector<double> distinct_x, count_x;  // customers per distinct x
  double n = 0, sum_x_log_m = 0, sum_log_m = 0, sum_x_log_x = 0;
  int excluded = 0;
};

Result<SpendData> Prepare(std::span<const CustomerSummary> customers) {
  SpendData d;
  std::map<double, double> count_x;
  for (const CustomerSummary& c : customers) {
    if (!std::isfinite(c.frequency) || !std::isfinite(c.monetary_value) || c.frequency < 0) {
      return Fail(Error::InvalidArgument("frequency and monetary value must be finite"));
    }
    if (c.frequency <= 0) continue;
    if (c.monetary_value <= 0) {
      ++d.excluded;
      continue;
    }
    const double x = c.frequency, m = c.monetary_value, log_m = std::log(m);
    d.x.push_back(x);
    d.xm.push_back(x * m);
    count_x[x] += 1;
    d.sum_x_log_m += x * log_m;
    d.sum_log_m += log_m;
    d.sum_x_log_x += x * std::log(x);
  }
  if (d.x.empty()) {
    return Fail(Error::InvalidArgument("no repeat customer with a positive mean spend"));
  }
  for (const auto& [x, count] : count_x) {
    d.distinct_x.push_back(x);
    d.count_x.push_back(count);
  }
  d.n = static_cast<double>(d.x.size());
  return d;
}

/// Log-likelihood and gradient (d/dp, d/dq, d/dgamma).
double Evaluate(const SpendData& d, const GammaGammaParams& par, std::span<double> grad) {
  const double p = par.p, q = par.q, g = par.gamma;
  enum { kL, kXL, kI, kXI, kSlots };
  double acc[kSlots];
  ParallelAccumulate(
      d.x.size(), kSlots,
      [&](std::size_t begin, std::size_t end, double* out) {
        double l = 0, xl = 0, inv = 0, xinv = 0;
        for (std::size_t i = begin; i < end; ++i) {
          const double v = d.xm[i] + g;
          const double lv = std::log(v), iv = 1.0 / v;
          l += lv;
          xl += d.x[i] * lv;
          inv += iv;
          xinv += d.x[i] * iv;
        }
        out[kL] += l;
        out[kXL] += xl;
        out[kI] += inv;
        out[kXI] += xinv;
      },
      acc);
  double ll = -d.n * std::lgamma(q) + d.n * q * std::log(g) + p * d.sum_x_log_m - d.sum_log_m +
              p * d.sum_x_log_x - p * acc[kXL] - q * acc[kL];
  double dp = d.sum_x_log_m + d.sum_x_log_x - acc[kXL];
  double dq = -d.n * Digamma(q) + d.n * std::log(g) - acc[kL];
  for (std::size_t k = 0; k < d.distinct_x.size(); ++k) {
    const double x = d.distinct_x[k], c = d.count_x[k];
    ll += c * (std::lgamma(p * x + q) - std::lgamma(p * x));
    if (!grad.empty()) {
      const double psi = Digamma(p * x + q);
      dp += c * x * (psi - Digamma(p * x));
      dq += c * psi;
    }
  }
  if (!grad.empty()) {
    grad[0] = dp;
    grad[1] = dq;
    grad[2] = d.n * q / g - p * acc[kXI] - q * acc[kI];
  }
  return ll;
}

/// ln q more than 12 from its start (q > 3e5 from 2): the q -> infinity ridge. The refit along
/// the ridge stops at start + kQCap.
constexpr double kQCap = 13.0;
bool OnRidge(double ln_q, double start) { return ln_q - start >= 12.0; }

bool Valid(const GammaGammaParams& p) {
  for (double v : {p.p, p.q, p.gamma}) {
    if (!std::isfinite(v) || !(v > 0)) return false;
  }
  return true;
}

}  // namespace

Result<double> GammaGammaLogLikelihood(const GammaGammaParams& params,
                                       std::span<const CustomerSummary> customers) {
  return GammaGammaLogLikelihood(params, customers, {});
}

Result<double> GammaGammaLogLikelihood(const GammaGammaParams& params,
                                       std::span<const CustomerSummary> customers,
                                       std::span<double> gradient) {
  if (!Valid(params)) return Fail(Error::InvalidArgument("Gamma-Gamma parameters must be > 0"));
  if (!gradient.empty() && gradient.size() != 3)
    return Fail(Error::InvalidArgument("the Gamma-Gamma gradient has three components"));
  ASSIGN_OR_RETURN(const SpendData d, Prepare(customers));
  return Evaluate(d, params, gradient);
}

Result<GammaGammaFit> FitGammaGamma(std::span<const CustomerSummary> customers,
                                    const MinimizeOptions& options) {
  ASSIGN_OR_RETURN(const SpendData d, Prepare(customers));
  if (d.n < 2) {
    return Fail(Error::InvalidArgument("the Gamma-Gamma fit needs at least two repeat customers"));
  }
  double mean_m = 0;
  for (std::size_t i = 0; i < d.x.size(); ++i) mean_m += d.xm[i] / d.x[i];
  mean_m /= d.n;
  const double n = d.n;
  Objective objective = [&d, n](std::span<const double> u, std::span<double> grad) {
    const GammaGammaParams p{std::exp(u[0]), std::exp(u[1]), std::exp(u[2])};
    double g[3] = {0, 0, 0};
    const double ll = Evaluate(d, p, grad.empty() ? std::span<double>() : std::span<double>(g));
    if (!grad.empty()) {
      grad[0] = -p.p * g[0] / n;
      grad[1] = -p.q * g[1] / n;
      grad[2] = -p.gamma * g[2] / n;
    }
    return -ll / n;
  };
  // Start at p = 1, q = 2, gamma = mean spend: the prior mean p gamma / (q - 1) matches it.
  const std::vector<double> start = {0.0, std::log(2.0), std::log(mean_m)};
  MinimizeFailure why = MinimizeFailure::kNone;
  MinimizeResult best;
  auto first = Minimize(objective, start, options, &why, &best);
  bool fallback = false;
  MinimizeResult m;
  if (first && !OnRidge(first->x[1], start[1])) {
    m = *first;
  } else if (!first && why == MinimizeFailure::kNotFiniteAtStart) {
    return Fail(first.error());
  } else {
    // L-BFGS stopped (NLopt "failure" in a line search, the budget or the bound) or ended with
    // q far out. When spend varies little between customers beyond the noise of single
    // transactions, the likelihood keeps rising along the ridge q, gamma -> infinity with
    // gamma / q fixed (every customer has the same nu), where (p, q, gamma) is badly
    // conditioned. Refit in w = (ln p, ln q, ln(p gamma / q)): the ridge is then the ln q axis
    // and the other two coordinates converge. L-BFGS first, then Nelder-Mead if it stops.
    fallback = true;
    Objective ridge = [&objective](std::span<const double> w, std::span<double> grad) {
      const double u[3] = {w[0], w[1], w[2] + w[1] - w[0]};  // ln gamma = ln M + ln q - ln p
      double gu[3] = {0, 0, 0};
      const double v = objective(u, grad.empty() ? std::span<double>() : std::span<double>(gu, 3));
      if (!grad.empty()) {
        grad[0] = gu[0] - gu[2];
        grad[1] = gu[1] + gu[2];
        grad[2] = gu[2];
      }
      return v;
    };
    const double ln_m = std::log(mean_m) - std::log(2.0);  // p gamma / q at the start
    const std::vector<double> w0 = {0.0, std::log(2.0), ln_m};
    // ln q is capped at its start + 13 (q ~ 8.8e5): further out the likelihood changes by
    // O(1/q) only, and n ln Gamma(q) would lose the digits that tell points apart.
    MinimizeOptions capped = options;
    capped.upper_bounds = {options.bound, start[1] + kQCap, options.bound};
    MinimizeResult w_best;
    auto second = Minimize(ridge, w0, capped, &why, &w_best);
    if (!second && why != MinimizeFailure::kNotFiniteAtStart && !w_best.x.empty() &&
        OnRidge(w_best.x[1], start[1])) {
      second = w_best;  // stopped far out on the ridge (or at the bound): that is the answer
    } else if (!second && why != MinimizeFailure::kNotFiniteAtStart) {
      MinimizeOptions nm = capped;
      nm.use_gradient = false;
      MinimizeResult nm_best;
      second = Minimize(ridge, w_best.x.empty() ? w0 : w_best.x, nm, &why, &nm_best);
      if (!second && !nm_best.x.empty() && OnRidge(nm_best.x[1], start[1])) second = nm_best;
      if (second) second->evaluations += w_best.evaluations;
    }
    if (!second) {
      return Fail(Error::FailedPrecondition(
          "the Gamma-Gamma fit did not converge (L-BFGS, then a refit along the q -> infinity "
          "ridge and Nelder-Mead): " +
          second.error().message()));
    }
    m = *second;
    m.x = {m.x[0], m.x[1], m.x[2] + m.x[1] - m.x[0]};
    m.evaluations += best.evaluations;
  }
  GammaGammaFit fit;
  fit.params = {std::exp(m.x[0]), std::exp(m.x[1]), std::exp(m.x[2])};
  fit.log_likelihood = -m.value * n;
  fit.customers_used = static_cast<int>(d.n);
  fit.customers_excluded = d.excluded;
  fit.evaluations = m.evaluations;
  fit.fallback = fallback;
  if (OnRidge(m.x[1], start[1])) {
    fit.no_spend_heterogeneity = true;
    const double mean = fit.params.p * fit.params.gamma / fit.params.q;
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "no evidence that customers differ in spend: the Gamma-Gamma fit ran to the "
                  "q -> infinity boundary (p = %.4g, q = %.3g, gamma = %.3g), where every "
                  "customer's transactions share one scale; expected spend is the population "
                  "mean %.4g for every customer, whatever their own average",
                  fit.params.p, fit.params.q, fit.params.gamma, mean);
    fit.warning = buf;
  }
  double mx = 0;
  for (double x : d.x) mx += x;
  mx /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < d.x.size(); ++i) {
    const double zbar = d.xm[i] / d.x[i];
    sxy += (d.x[i] - mx) * (zbar - mean_m);
    sxx += (d.x[i] - mx) * (d.x[i] - mx);
    syy += (zbar - mean_m) * (zbar - mean_m);
  }
  fit.frequency_spend_correlation = (sxx > 0 && syy > 0) ? sxy / std::sqrt(sxx * syy) : 0.0;
  fit.independence_plausible = std::abs(fit.frequency_spend_correlation) < 0.3;
  return fit;
}

Result<double> ConditionalExpectedSpend(const GammaGammaParams& params, double frequency,
                                        double monetary_value) {
  if (!Valid(params)) return Fail(Error::InvalidArgument("Gamma-Gamma parameters must be > 0"));
  if (!(params.q > 1)) {
    return Fail(Error::InvalidArgument("Gamma-Gamma q <= 1: the expected spend is infinite"));
  }
  if (!(frequency >= 0) || !(monetary_value >= 0) || !std::isfinite(frequency) ||
      !std::isfinite(monetary_value)) {
    return Fail(Error::InvalidArgument("frequency and mean spend must be finite and >= 0"));
  }
  return params.p * (params.gamma + frequency * monetary_value) /
         (params.p * frequency + params.q - 1);
}

}  // namespace chaincrm::analytics
