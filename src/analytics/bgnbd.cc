#include "analytics/bgnbd.h"

#include <cmath>
#include <vector>

#include "analytics/history_groups.h"
#include "analytics/special_functions.h"

namespace chaincrm::analytics {
namespace {

enum Slot { kLl, kGr, kGalpha, kGa, kGb, kSlots };

bool Valid(const BgNbdParams& p) {
  for (double v : {p.r, p.alpha, p.a, p.b}) {
    if (!std::isfinite(v) || !(v > 0)) return false;
  }
  return true;
}

/// Log-likelihood and gradient (d/d r, alpha, a, b) of the grouped cohort.
double Evaluate(const HistoryGroups& g, const BgNbdParams& p, std::span<double> grad) {
  const double r = p.r, alpha = p.alpha, a = p.a, b = p.b;
  const std::size_t nx = g.xs.size();
  // Terms that depend on x only: log Gamma(r+x)/Gamma(r) + log B(a, b+x)/B(a, b).
  std::vector<double> cx(nx), dcr(nx), dca(nx), dcb(nx), log_b1(nx), inv_b1(nx);
  const double lg_r = std::lgamma(r), lg_b = std::lgamma(b), lg_ab = std::lgamma(a + b);
  const double psi_r = Digamma(r), psi_b = Digamma(b), psi_ab = Digamma(a + b);
  for (std::size_t i = 0; i < nx; ++i) {
    const double x = g.xs[i];
    cx[i] = std::lgamma(r + x) - lg_r + std::lgamma(b + x) + lg_ab - lg_b - std::lgamma(a + b + x);
    if (!grad.empty()) {
      const double psi_abx = Digamma(a + b + x);
      dcr[i] = Digamma(r + x) - psi_r;
      dca[i] = psi_ab - psi_abx;
      dcb[i] = Digamma(b + x) + psi_ab - psi_b - psi_abx;
    }
    if (x > 0) {
      log_b1[i] = std::log(b + x - 1);
      inv_b1[i] = 1.0 / (b + x - 1);
    }
  }
  auto logs = [alpha](const std::vector<double>& v, std::vector<double>& lg,
                      std::vector<double>& inv) {
    lg.resize(v.size());
    inv.resize(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
      lg[i] = std::log(alpha + v[i]);
      inv[i] = 1.0 / (alpha + v[i]);
    }
  };
  std::vector<double> l_age, i_age, l_rec, i_rec;
  logs(g.ages, l_age, i_age);
  logs(g.recencies, l_rec, i_rec);
  const double log_alpha = std::log(alpha), log_a = std::log(a);
  const bool want_grad = !grad.empty();

  double acc[kSlots];
  ParallelAccumulate(
      g.weight.size(), kSlots,
      [&](std::size_t begin, std::size_t end, double* out) {
        double ll = 0, gr = 0, gal = 0, ga = 0, gb = 0;
        for (std::size_t k = begin; k < end; ++k) {
          const std::uint32_t xi = g.x_index[k], ti = g.age_index[k];
          const double w = g.weight[k], x = g.xs[xi], rx = r + x;
          double l = cx[xi] + r * log_alpha - rx * l_age[ti];
          double s = 0.0;  // d log1p(e^z) / dz
          if (x > 0) {
            const std::uint32_t ri = g.recency_index[k];
            const double z = log_a - log_b1[xi] + rx * (l_age[ti] - l_rec[ri]);
            if (z > 0) {
              const double e = std::exp(-z);
              l += z + std::log1p(e);
              s = 1.0 / (1.0 + e);
            } else {
              const double e = std::exp(z);
              l += std::log1p(e);
              s = e / (1.0 + e);
            }
            if (want_grad) {
              gr += w * s * (l_age[ti] - l_rec[ri]);
              gal += w * s * rx * (i_age[ti] - i_rec[ri]);
              ga += w * s / a;
              gb -= w * s * inv_b1[xi];
            }
          }
          ll += w * l;
          if (want_grad) {
            gr += w * (dcr[xi] + log_alpha - l_age[ti]);
            gal += w * (r / alpha - rx * i_age[ti]);
            ga += w * dca[xi];
            gb += w * dcb[xi];
          }
        }
        out[kLl] += ll;
        out[kGr] += gr;
        out[kGalpha] += gal;
        out[kGa] += ga;
        out[kGb] += gb;
      },
      acc);
  if (want_grad) {
    grad[0] = acc[kGr];
    grad[1] = acc[kGalpha];
    grad[2] = acc[kGa];
    grad[3] = acc[kGb];
  }
  return acc[kLl];
}

}  // namespace

Result<double> BgNbdLogLikelihood(const BgNbdParams& params,
                                  std::span<const CustomerSummary> customers) {
  return BgNbdLogLikelihood(params, customers, {});
}

Result<double> BgNbdLogLikelihood(const BgNbdParams& params,
                                  std::span<const CustomerSummary> customers,
                                  std::span<double> gradient) {
  if (!Valid(params)) return Fail(Error::InvalidArgument("BG/NBD parameters must be > 0"));
  if (!gradient.empty() && gradient.size() != 4)
    return Fail(Error::InvalidArgument("the BG/NBD gradient has four components"));
  ASSIGN_OR_RETURN(HistoryGroups g, GroupHistories(customers));
  return Evaluate(g, params, gradient);
}

Result<BgNbdFit> FitBgNbd(std::span<const CustomerSummary> customers,
                          const MinimizeOptions& options) {
  ASSIGN_OR_RETURN(HistoryGroups g, GroupHistories(customers));
  if (g.xs.back() <= 0) {
    return Fail(Error::InvalidArgument(
        "no customer made a repeat purchase: the BG/NBD model cannot be fitted"));
  }
  double mean_age = 0;
  for (std::size_t k = 0; k < g.weight.size(); ++k)
    mean_age += g.weight[k] * g.ages[g.age_index[k]];
  mean_age /= g.customers;
  const double n = g.customers;
  // Minimise -LL / n over u = log(params); d/du = theta * d/dtheta.
  Objective objective = [&g, n](std::span<const double> u, std::span<double> grad) {
    const BgNbdParams p{std::exp(u[0]), std::exp(u[1]), std::exp(u[2]), std::exp(u[3])};
    std::vector<double> g_theta(grad.empty() ? 0 : 4);
    const double ll = Evaluate(g, p, g_theta);
    if (!grad.empty()) {
      const double theta[4] = {p.r, p.alpha, p.a, p.b};
      for (int i = 0; i < 4; ++i)
        grad[static_cast<std::size_t>(i)] = -theta[i] * g_theta[static_cast<std::size_t>(i)] / n;
    }
    return -ll / n;
  };
  const std::vector<double> x0 = {0.0, std::log(std::max(mean_age, 1e-3)), 0.0, 0.0};
  MinimizeFailure why = MinimizeFailure::kNone;
  MinimizeResult best;
  auto fitted = Minimize(objective, x0, options, &why, &best);
  bool fallback = false;
  if (!fitted && why == MinimizeFailure::kStopped && options.use_gradient && !best.x.empty()) {
    // L-BFGS's line search gave up ("nlopt failure": on small cohorts the surface can be
    // nearly flat in a direction). Nelder-Mead, which needs no gradient, goes on from the
    // best point L-BFGS reached; its own capped budget keeps it bounded.
    MinimizeOptions nm = options;
    nm.use_gradient = false;
    nm.max_evaluations = 4000;
    const int used = best.evaluations;
    fitted = Minimize(objective, best.x, nm, &why);
    if (fitted) fitted->evaluations += used;
    fallback = true;
  }
  if (!fitted) return Fail(fitted.error());
  const MinimizeResult& m = *fitted;
  BgNbdFit fit;
  fit.gradient_free_fallback = fallback;
  fit.params = {std::exp(m.x[0]), std::exp(m.x[1]), std::exp(m.x[2]), std::exp(m.x[3])};
  fit.log_likelihood = -m.value * n;
  fit.customers = static_cast<int>(customers.size());
  fit.groups = static_cast<int>(g.weight.size());
  fit.evaluations = m.evaluations;
  return fit;
}

Result<BgNbdModel> BgNbdModel::Create(const BgNbdParams& params) {
  if (!Valid(params)) {
    return Fail(Error::InvalidArgument("BG/NBD parameters must be finite and > 0"));
  }
  return BgNbdModel(params);
}

Result<double> BgNbdModel::ProbabilityAlive(double x, double t_x, double age) const {
  RETURN_IF_ERROR(ValidateHistory(x, t_x, age));
  if (x == 0) return 1.0;
  const BgNbdParams& p = params_;
  const double z = std::log(p.a / (p.b + x - 1)) +
                   (p.r + x) * (std::log(p.alpha + age) - std::log(p.alpha + t_x));
  return std::exp(-Log1pExp(z));
}

Result<double> BgNbdModel::ExpectedPurchases(double t, double x, double t_x, double age) const {
  RETURN_IF_ERROR(ValidateHistory(x, t_x, age));
  RETURN_IF_ERROR(ValidateHorizon(t));
  if (t == 0) return 0.0;
  ASSIGN_OR_RETURN(const double alive, ProbabilityAlive(x, t_x, age));
  // The alive factor of eq. (10): the bracket is the expectation for a customer known alive.
  ASSIGN_OR_RETURN(const double if_alive, ExpectedPurchasesIfAlive(t, x, age));
  return ScaleByAlive(if_alive, alive);
}

Result<double> BgNbdModel::ExpectedPurchasesIfAlive(double t, double x, double age) const {
  RETURN_IF_ERROR(ValidateHistory(x, 0.0, age));
  RETURN_IF_ERROR(ValidateHorizon(t));
  if (t == 0) return 0.0;
  const BgNbdParams& p = params_;
  // (a+b+x-1)/(a-1) * [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z)] is
  // continuous in a at a = 1; evaluate on both sides of the removable singularity.
  auto bracket = [&](double a) -> Result<double> {
    const double z = t / (p.alpha + age + t);
    ASSIGN_OR_RETURN(const double f, Hyp2F1(p.r + x, p.b + x, a + p.b + x - 1, z));
    const double lead = std::exp((p.r + x) * std::log((p.alpha + age) / (p.alpha + age + t)));
    return (a + p.b + x - 1) / (a - 1) * (1 - lead * f);
  };
  if (std::abs(p.a - 1) < 1e-6) {
    ASSIGN_OR_RETURN(const double lo, bracket(1 - 1e-6));
    ASSIGN_OR_RETURN(const double hi, bracket(1 + 1e-6));
    return 0.5 * (lo + hi);
  }
  return bracket(p.a);
}

Result<double> BgNbdModel::ScaleByAlive(double if_alive, double alive) const {
  const double out = if_alive * alive;
  if (!std::isfinite(out) || out < 0) {
    return Fail(Error::Internal("BG/NBD expected purchases is not finite for this history"));
  }
  return out;
}

Result<double> BgNbdModel::LogLikelihood(std::span<const CustomerSummary> customers) const {
  return BgNbdLogLikelihood(params_, customers);
}

}  // namespace chaincrm::analytics
