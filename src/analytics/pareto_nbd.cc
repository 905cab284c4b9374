#include "analytics/pareto_nbd.h"

#include <cmath>
#include <limits>
#include <vector>

#include "analytics/history_groups.h"
#include "analytics/special_functions.h"

namespace chaincrm::analytics {
namespace {

constexpr int kSeriesBudget = 200'000;  // per 2F1 during a fit; beyond it the point is rejected

bool Valid(const ParetoNbdParams& p) {
  for (double v : {p.r, p.alpha, p.s, p.beta}) {
    if (!std::isfinite(v) || !(v > 0)) return false;
  }
  return true;
}

/// The two log-terms of the individual likelihood, without the constant
/// log Gamma(r+x) - log Gamma(r) + r log alpha + s log beta:
/// first = -(r+x) log(alpha+T) - s log(beta+T), second = log(s/(r+s+x) A0).
struct Terms {
  double first;
  double second;
};

Result<Terms> IndividualTerms(const ParetoNbdParams& p, double x, double t_x, double age,
                              int budget) {
  const double rsx = p.r + p.s + x;
  const double first = -(p.r + x) * std::log(p.alpha + age) - p.s * std::log(p.beta + age);
  // A0 branch on the larger of alpha and beta so that 0 <= z < 1. The Euler transform
  // 2F1(a, b; a+1; z) = (1-z)^(1-b) 2F1(1, a+1-b; a+1; z) gives faster-converging terms.
  const bool alpha_larger = p.alpha >= p.beta;
  const double big = alpha_larger ? p.alpha : p.beta;
  const double diff = std::abs(p.alpha - p.beta);
  const double b2 = alpha_larger ? p.s + 1 : p.r + x;
  auto log_part = [&](double t) -> Result<double> {
    const double z = diff / (big + t);
    ASSIGN_OR_RETURN(const double f, Hyp2F1(1.0, rsx + 1 - b2, rsx + 1, z, budget));
    return (1 - b2) * std::log1p(-z) + std::log(f) - rsx * std::log(big + t);
  };
  ASSIGN_OR_RETURN(const double at_tx, log_part(t_x));
  ASSIGN_OR_RETURN(const double at_age, log_part(age));
  const double log_a0 = LogDiffExp(at_tx, at_age);
  return Terms{first, std::log(p.s / rsx) + log_a0};
}

Result<double> Evaluate(const HistoryGroups& g, const ParetoNbdParams& p, int budget) {
  const double constant = p.r * std::log(p.alpha) + p.s * std::log(p.beta) - std::lgamma(p.r);
  double ll = 0;
  for (std::size_t k = 0; k < g.weight.size(); ++k) {
    const double x = g.xs[g.x_index[k]];
    ASSIGN_OR_RETURN(const Terms t, IndividualTerms(p, x, g.recencies[g.recency_index[k]],
                                                    g.ages[g.age_index[k]], budget));
    ll += g.weight[k] * (std::lgamma(p.r + x) + constant + LogSumExp(t.first, t.second));
  }
  return ll;
}

}  // namespace

Result<double> ParetoNbdLogLikelihood(const ParetoNbdParams& params,
                                      std::span<const CustomerSummary> customers) {
  if (!Valid(params)) return Fail(Error::InvalidArgument("Pareto/NBD parameters must be > 0"));
  ASSIGN_OR_RETURN(HistoryGroups g, GroupHistories(customers));
  auto ll = Evaluate(g, params, 2'000'000);
  if (!ll) return Fail(Error::Internal("Pareto/NBD likelihood: " + ll.error().message()));
  return *ll;
}

Result<ParetoNbdFit> FitParetoNbd(std::span<const CustomerSummary> customers,
                                  const MinimizeOptions& options) {
  ASSIGN_OR_RETURN(HistoryGroups g, GroupHistories(customers));
  if (g.xs.back() <= 0) {
    return Fail(Error::InvalidArgument(
        "no customer made a repeat purchase: the Pareto/NBD model cannot be fitted"));
  }
  double mean_age = 0;
  for (std::size_t k = 0; k < g.weight.size(); ++k) {
    mean_age += g.weight[k] * g.ages[g.age_index[k]];
  }
  mean_age /= g.customers;
  const double n = g.customers;
  int evaluations = 0;
  Objective objective = [&g, n](std::span<const double> u, std::span<double>) {
    const ParetoNbdParams p{std::exp(u[0]), std::exp(u[1]), std::exp(u[2]), std::exp(u[3])};
    auto ll = Evaluate(g, p, kSeriesBudget);
    return ll ? -*ll / n : std::numeric_limits<double>::infinity();
  };
  MinimizeOptions opts = options;
  opts.use_gradient = false;
  const double log_age = std::log(std::max(mean_age, 1e-3));
  std::vector<double> x0 = {0.0, log_age, 0.0, log_age};
  MinimizeResult m;
  for (int round = 0; round < 2; ++round) {  // restart: Nelder-Mead can stall on a ridge
    ASSIGN_OR_RETURN(m, Minimize(objective, x0, opts));
    evaluations += m.evaluations;
    x0 = m.x;
  }
  ParetoNbdFit fit;
  fit.params = {std::exp(m.x[0]), std::exp(m.x[1]), std::exp(m.x[2]), std::exp(m.x[3])};
  fit.log_likelihood = -m.value * n;
  fit.customers = static_cast<int>(customers.size());
  fit.groups = static_cast<int>(g.weight.size());
  fit.evaluations = evaluations;
  return fit;
}

Result<ParetoNbdModel> ParetoNbdModel::Create(const ParetoNbdParams& params) {
  if (!Valid(params)) {
    return Fail(Error::InvalidArgument("Pareto/NBD parameters must be finite and > 0"));
  }
  return ParetoNbdModel(params);
}

Result<double> ParetoNbdModel::ProbabilityAlive(double x, double t_x, double age) const {
  RETURN_IF_ERROR(ValidateHistory(x, t_x, age));
  auto t = IndividualTerms(params_, x, t_x, age, 2'000'000);
  if (!t) return Fail(Error::Internal("Pareto/NBD P(alive): " + t.error().message()));
  return std::exp(t->first - LogSumExp(t->first, t->second));
}

Result<double> ParetoNbdModel::ExpectedPurchases(double t, double x, double t_x, double age) const {
  RETURN_IF_ERROR(ValidateHistory(x, t_x, age));
  if (!(t >= 0) || !std::isfinite(t)) {
    return Fail(Error::InvalidArgument("the prediction horizon must be >= 0"));
  }
  ASSIGN_OR_RETURN(const double alive, ProbabilityAlive(x, t_x, age));
  const ParetoNbdParams& p = params_;
  const double lead = (p.r + x) * (p.beta + age) / (p.alpha + age);
  const double log_ratio = std::log((p.beta + age + t) / (p.beta + age));
  // (1 - ((beta+T)/(beta+T+t))^(s-1)) / (s-1), which tends to log_ratio as s -> 1.
  const double factor =
      std::abs(p.s - 1) < 1e-10 ? log_ratio : -std::expm1(-(p.s - 1) * log_ratio) / (p.s - 1);
  return lead * factor * alive;
}

Result<double> ParetoNbdModel::LogLikelihood(std::span<const CustomerSummary> customers) const {
  return ParetoNbdLogLikelihood(params_, customers);
}

}  // namespace chaincrm::analytics
