#include "analytics/pareto_nbd.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "analytics/history_groups.h"
#include "analytics/special_functions.h"

namespace chaincrm::analytics {
namespace {

// Per 2F1 during a fit: beyond it the point is rejected (the line search backs off), so one
// likelihood evaluation costs at most (distinct (x, t) points) x kSeriesBudget terms.
constexpr int kSeriesBudget = 100'000;
// L-BFGS with the analytic gradient needs well under 100 on real cohorts.
constexpr int kMaxEvaluations = 500;
// Nelder-Mead fallback when L-BFGS stops early (it needed ~1,000 on CDNOW).
// Per round; two rounds, the second restarted from the first's optimum, because Nelder-Mead
// can stall on a ridge.
constexpr int kMaxFallbackEvaluations = 2500;

bool Valid(const ParetoNbdParams& p) {
  for (double v : {p.r, p.alpha, p.s, p.beta}) {
    if (!std::isfinite(v) || !(v > 0)) return false;
  }
  return true;
}

/// s = beta = 0: the no-dropout limit (NBD: Poisson purchases, gamma rates, nobody leaves).
bool IsNoDropout(const ParetoNbdParams& p) { return p.s == 0 && p.beta == 0; }

bool ValidOrNoDropout(const ParetoNbdParams& p) {
  if (!IsNoDropout(p)) return Valid(p);
  return std::isfinite(p.r) && p.r > 0 && std::isfinite(p.alpha) && p.alpha > 0;
}

/// The NBD log-likelihood sum_i [ln Gamma(r+x) - ln Gamma(r) + r ln alpha - (r+x) ln(alpha+T)]
/// over the grouped cohort, and its gradient in (r, alpha) when grad is non-empty.
double NbdLogLikelihood(const HistoryGroups& g, double r, double alpha, std::span<double> grad) {
  double ll = 0, d_r = 0, d_alpha = 0;
  for (std::size_t k = 0; k < g.weight.size(); ++k) {
    const double x = g.xs[g.x_index[k]], age = g.ages[g.age_index[k]], w = g.weight[k];
    const double log_at = std::log(alpha + age);
    ll += w * (std::lgamma(r + x) - (r + x) * log_at);
    if (!grad.empty()) {
      d_r += w * (Digamma(r + x) - log_at);
      d_alpha -= w * (r + x) / (alpha + age);
    }
  }
  const double n = g.customers;
  ll += n * (r * std::log(alpha) - std::lgamma(r));
  if (!grad.empty()) {
    grad[0] = d_r + n * (std::log(alpha) - Digamma(r));
    grad[1] = d_alpha + n * r / alpha;
  }
  return ll;
}

/// log of 2F1(r+s+x, b2; r+s+x+1; z(t)) / (big + t)^(r+s+x), one of the two parts of A0 in
/// the note's likelihood, and its partial derivatives in (r, alpha, s, beta). It branches on
/// the larger of alpha and beta so that 0 <= z < 1: if alpha >= beta, big = alpha, b2 = s+1
/// and z = (alpha-beta)/(alpha+t); otherwise big = beta, b2 = r+x, z = (beta-alpha)/(beta+t).
/// Equivalently (r+s+x) times integral_t^inf (alpha+u)^-(r+x) (beta+u)^-(s+1) du. The
/// function 2F1(a, b; a+1; z) and its derivatives in a, b, z come from LogHyp2F1APlusOne,
/// which stays cheap as z -> 1 (the smaller of alpha, beta tiny next to the larger and t):
/// the no-dropout boundary, where the plain series needs ~1/(1-z) terms.
struct PartValue {
  double value = 0.0;
  double d[4] = {0, 0, 0, 0};
};

Result<PartValue> LogA0Part(const ParetoNbdParams& p, double x, double t, int budget) {
  const double a = p.r + p.s + x;
  PartValue out;
  if (p.alpha >= p.beta) {
    const double at = p.alpha + t, bt = p.beta + t;
    const double z = (p.alpha - p.beta) / at;
    ASSIGN_OR_RETURN(const LogHyp2F1 f, LogHyp2F1APlusOne(a, p.s + 1, z, budget, bt / at));
    const double log_at = std::log(at);
    out.value = f.value - a * log_at;
    out.d[0] = f.d_a - log_at;
    out.d[1] = f.d_z * bt / (at * at) - a / at;
    out.d[2] = f.d_a + f.d_b - log_at;
    out.d[3] = -f.d_z / at;
  } else {
    const double at = p.alpha + t, bt = p.beta + t;
    const double z = (p.beta - p.alpha) / bt;
    ASSIGN_OR_RETURN(const LogHyp2F1 f, LogHyp2F1APlusOne(a, p.r + x, z, budget, at / bt));
    const double log_bt = std::log(bt);
    out.value = f.value - a * log_bt;
    out.d[0] = f.d_a + f.d_b - log_bt;
    out.d[1] = -f.d_z / bt;
    out.d[2] = f.d_a - log_bt;
    out.d[3] = f.d_z * at / (bt * bt) - a / bt;
  }
  return out;
}

/// The two log-terms of the individual likelihood, without the constant
/// log Gamma(r+x) - log Gamma(r) + r log alpha + s log beta:
/// first = -(r+x) log(alpha+T) - s log(beta+T), second = log(s/(r+s+x) A0).
struct Terms {
  double first;
  double second;
};

Result<Terms> IndividualTerms(const ParetoNbdParams& p, double x, double t_x, double age) {
  ASSIGN_OR_RETURN(const PartValue at_tx, LogA0Part(p, x, t_x, 2'000'000));
  ASSIGN_OR_RETURN(const PartValue at_age, LogA0Part(p, x, age, 2'000'000));
  return Terms{-(p.r + x) * std::log(p.alpha + age) - p.s * std::log(p.beta + age),
               std::log(p.s / (p.r + p.s + x)) + LogDiffExp(at_tx.value, at_age.value)};
}

/// The grouped cohort plus the distinct (x, t) points where A0's parts are needed
/// (t = t_x or T), so each hypergeometric series is summed once per evaluation.
struct ParetoData {
  HistoryGroups g;
  std::vector<double> point_x, point_t;
  std::vector<std::uint32_t> recency_point, age_point;  // per group
};

ParetoData Prepare(HistoryGroups g) {
  ParetoData d;
  // Key: x index (21 bits), which table (1 bit), index in that table (21 bits).
  auto key = [](std::uint64_t xi, std::uint64_t table, std::uint64_t ti) {
    return (xi << 22) | (table << 21) | ti;
  };
  const std::size_t n = g.weight.size();
  std::vector<std::uint64_t> keys;
  keys.reserve(2 * n);
  for (std::size_t k = 0; k < n; ++k) {
    keys.push_back(key(g.x_index[k], 0, g.recency_index[k]));
    keys.push_back(key(g.x_index[k], 1, g.age_index[k]));
  }
  std::vector<std::uint64_t> distinct = keys;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  constexpr std::uint64_t kMask = (std::uint64_t{1} << 21) - 1;
  for (std::uint64_t k : distinct) {
    d.point_x.push_back(g.xs[k >> 22]);
    d.point_t.push_back(((k >> 21) & 1) ? g.ages[k & kMask] : g.recencies[k & kMask]);
  }
  auto find = [&](std::uint64_t k) {
    return static_cast<std::uint32_t>(std::lower_bound(distinct.begin(), distinct.end(), k) -
                                      distinct.begin());
  };
  for (std::size_t k = 0; k < n; ++k) {
    d.recency_point.push_back(find(keys[2 * k]));
    d.age_point.push_back(find(keys[2 * k + 1]));
  }
  d.g = std::move(g);
  return d;
}

/// Log-likelihood of the grouped cohort and, when grad is non-empty, its gradient in
/// (r, alpha, s, beta). Each hypergeometric series is summed once per distinct (x, t) point
/// with at most `budget` terms; a series that does not converge fails the evaluation (the
/// optimizer then backs off), so one evaluation's cost is bounded.
Result<double> Evaluate(const ParetoData& d, const ParetoNbdParams& p, int budget,
                        std::span<double> grad) {
  const HistoryGroups& g = d.g;
  std::vector<PartValue> part(d.point_x.size());
  std::vector<char> failed(part.size(), 0);
  ParallelFor(part.size(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end; ++k) {
      auto v = LogA0Part(p, d.point_x[k], d.point_t[k], budget);
      if (v) {
        part[k] = *v;
      } else {
        failed[k] = 1;
      }
    }
  });
  if (std::find(failed.begin(), failed.end(), 1) != failed.end()) {
    return Fail(Error::Internal("a hypergeometric series did not converge"));
  }
  const bool want_grad = !grad.empty();
  std::vector<double> lg_x(g.xs.size()), log_ratio_x(g.xs.size()), psi_x(g.xs.size());
  for (std::size_t i = 0; i < g.xs.size(); ++i) {
    lg_x[i] = std::lgamma(p.r + g.xs[i]);
    log_ratio_x[i] = std::log(p.s / (p.r + p.s + g.xs[i]));
    if (want_grad) psi_x[i] = Digamma(p.r + g.xs[i]);
  }
  std::vector<double> log_alpha_t(g.ages.size()), log_beta_t(g.ages.size());
  for (std::size_t i = 0; i < g.ages.size(); ++i) {
    log_alpha_t[i] = std::log(p.alpha + g.ages[i]);
    log_beta_t[i] = std::log(p.beta + g.ages[i]);
  }
  const double constant = p.r * std::log(p.alpha) + p.s * std::log(p.beta) - std::lgamma(p.r);
  std::array<double, 5> acc{};  // ll, then d/dr, d/dalpha, d/ds, d/dbeta
  ParallelAccumulate(
      g.weight.size(), acc.size(),
      [&](std::size_t begin, std::size_t end, double* out) {
        for (std::size_t k = begin; k < end; ++k) {
          const std::uint32_t xi = g.x_index[k], ai = g.age_index[k];
          const double x = g.xs[xi], w = g.weight[k];
          const double first = -(p.r + x) * log_alpha_t[ai] - p.s * log_beta_t[ai];
          const PartValue& at_tx = part[d.recency_point[k]];
          const PartValue& at_age = part[d.age_point[k]];
          const double second = log_ratio_x[xi] + LogDiffExp(at_tx.value, at_age.value);
          const double lse = LogSumExp(first, second);
          out[0] += w * (lg_x[xi] + constant + lse);
          if (!want_grad) continue;
          const double age = g.ages[ai], rsx = p.r + p.s + x;
          const double q1 = std::exp(first - lse);
          double dl[4] = {psi_x[xi] - q1 * log_alpha_t[ai], -q1 * (p.r + x) / (p.alpha + age),
                          -q1 * log_beta_t[ai], -q1 * p.s / (p.beta + age)};
          if (std::isfinite(second)) {
            const double q2 = std::exp(second - lse);
            const double e = std::exp(at_age.value - at_tx.value);  // < 1
            const double w_tx = 1.0 / (1.0 - e), w_age = e / (1.0 - e);
            const double ds[4] = {-1.0 / rsx, 0.0, 1.0 / p.s - 1.0 / rsx, 0.0};
            for (int j = 0; j < 4; ++j)
              dl[j] += q2 * (ds[j] + w_tx * at_tx.d[j] - w_age * at_age.d[j]);
          }
          for (int j = 0; j < 4; ++j) out[1 + j] += w * dl[j];
        }
      },
      std::span<double>(acc));
  if (want_grad) {
    const double n = g.customers;
    grad[0] = acc[1] + n * (std::log(p.alpha) - Digamma(p.r));
    grad[1] = acc[2] + n * p.r / p.alpha;
    grad[2] = acc[3] + n * std::log(p.beta);
    grad[3] = acc[4] + n * p.s / p.beta;
  }
  return acc[0];
}

/// A log-parameter more than kRidge from its start (a factor of 1.6e5 from 1 for r and s, from
/// the mean age for alpha and beta) has run off towards a boundary of the parameter space.
constexpr double kRidge = 12.0;
// Likelihood-ratio threshold against the NBD: the 5 % point of (chi2_0 + chi2_1) / 2.
constexpr double kNoDropoutLr = 2.71;

bool OnRidge(std::span<const double> u, std::span<const double> start) {
  for (std::size_t i = 0; i < u.size(); ++i) {
    if (std::abs(u[i] - start[i]) >= kRidge) return true;
  }
  return false;
}

std::string Format(const char* format, double a, double b = 0, double c = 0) {
  char buf[1024];
  std::snprintf(buf, sizeof buf, format, a, b, c);
  return buf;
}

/// Flags a fit whose estimate lies on a boundary ridge (other than the no-dropout one) and
/// says which parameters ran off.
void DescribeBoundary(std::span<const double> u, std::span<const double> start, ParetoNbdFit& fit) {
  const ParetoNbdParams& p = fit.params;
  fit.boundary = true;
  std::string which;
  const char* names[4] = {"r", "alpha", "s", "beta"};
  const double values[4] = {p.r, p.alpha, p.s, p.beta};
  for (std::size_t i = 0; i < 4; ++i) {
    if (std::abs(u[i] - start[i]) < kRidge) continue;
    if (!which.empty()) which += ", ";
    which += std::string(names[i]) + Format(" = %.3g", values[i]);
  }
  fit.warning =
      "the Pareto/NBD fit ran to a boundary of the parameter space (" + which +
      "): the likelihood is flat along a ridge there, so the estimate is one point on it. "
      "The cohort does not identify the model (e.g. s and beta -> infinity: every customer "
      "drops out at the same rate s/beta; r and alpha -> infinity: every customer buys at the "
      "same rate r/alpha); predictions hold, the individual parameters do not";
}

/// The NBD (no-dropout) fit of the cohort: L-BFGS on (log r, log alpha) from (r0, alpha0).
struct NbdFit {
  double r = 0, alpha = 0, log_likelihood = 0;
  int evaluations = 0;
};

std::optional<NbdFit> FitNbd(const HistoryGroups& g, double r0, double alpha0) {
  const double n = g.customers;
  Objective nbd = [&g, n](std::span<const double> u, std::span<double> grad) {
    std::array<double, 2> g2{};
    const double r = std::exp(u[0]), alpha = std::exp(u[1]);
    const double ll =
        NbdLogLikelihood(g, r, alpha, grad.empty() ? std::span<double>() : std::span<double>(g2));
    if (!grad.empty()) {
      grad[0] = -r * g2[0] / n;
      grad[1] = -alpha * g2[1] / n;
    }
    return -ll / n;
  };
  MinimizeOptions options;
  options.max_evaluations = 200;
  // Started next to its optimum, L-BFGS may stop in its first line search without progress
  // (an NLopt "failure"): the best point seen is then the optimum.
  MinimizeFailure why = MinimizeFailure::kNone;
  MinimizeResult best;
  auto m = Minimize(nbd, {std::log(r0), std::log(alpha0)}, options, &why, &best);
  if (!m && why == MinimizeFailure::kStopped && !best.x.empty()) m = best;
  if (!m) return std::nullopt;
  return NbdFit{std::exp(m->x[0]), std::exp(m->x[1]), -m->value * n, m->evaluations};
}

/// The no-dropout treatment (see FitParetoNbd): params become the NBD limit (s = beta = 0)
/// with r, alpha refitted; the Pareto/NBD point is kept in ridge_params.
void ApplyNoDropout(const NbdFit& nbd, double max_age, double survive, ParetoNbdFit& fit) {
  fit.ridge_params = fit.params;
  fit.ridge_log_likelihood = fit.log_likelihood;
  fit.params = {nbd.r, nbd.alpha, 0.0, 0.0};
  fit.log_likelihood = nbd.log_likelihood;
  fit.evaluations += nbd.evaluations;
  fit.boundary = true;
  fit.no_dropout = true;
  fit.warning = Format(
                    "no evidence of dropout: the Pareto/NBD fit went to the no-dropout boundary "
                    "(s = %.3g, beta = %.3g; %.1f %% of customers would still be alive after ",
                    fit.ridge_params.s, fit.ridge_params.beta, 100 * survive) +
                Format(
                    "the longest history, %.4g time units). Treated as the no-dropout limit "
                    "(NBD, s = beta = 0): P(alive) = 1 for every customer and expected "
                    "purchases are (r+x) t / (alpha+T); log-likelihood %.1f (%.1f at the "
                    "boundary point)",
                    max_age, fit.log_likelihood, fit.ridge_log_likelihood);
}

}  // namespace

Result<double> ParetoNbdLogLikelihood(const ParetoNbdParams& params,
                                      std::span<const CustomerSummary> customers) {
  return ParetoNbdLogLikelihood(params, customers, {});
}

Result<double> ParetoNbdLogLikelihood(const ParetoNbdParams& params,
                                      std::span<const CustomerSummary> customers,
                                      std::span<double> gradient) {
  if (!ValidOrNoDropout(params)) {
    return Fail(Error::InvalidArgument(
        "Pareto/NBD parameters must be > 0 (or s = beta = 0 for the no-dropout limit)"));
  }
  if (!gradient.empty() && gradient.size() != 4)
    return Fail(Error::InvalidArgument("the Pareto/NBD gradient has four components"));
  ASSIGN_OR_RETURN(HistoryGroups g, GroupHistories(customers));
  if (IsNoDropout(params)) {
    std::array<double, 2> g2{};
    const double ll = NbdLogLikelihood(
        g, params.r, params.alpha, gradient.empty() ? std::span<double>() : std::span<double>(g2));
    if (!gradient.empty()) {
      gradient[0] = g2[0];
      gradient[1] = g2[1];
      gradient[2] = gradient[3] = 0.0;
    }
    return ll;
  }
  auto ll = Evaluate(Prepare(std::move(g)), params, 2'000'000, gradient);
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
  const double max_age = g.ages.back();
  const double n = g.customers;
  const int groups = static_cast<int>(g.weight.size());
  const ParetoData data = Prepare(std::move(g));
  Objective objective = [&data, n](std::span<const double> u, std::span<double> grad) {
    const ParetoNbdParams p{std::exp(u[0]), std::exp(u[1]), std::exp(u[2]), std::exp(u[3])};
    std::array<double, 4> g_theta{};
    auto ll = Evaluate(data, p, kSeriesBudget,
                       grad.empty() ? std::span<double>() : std::span<double>(g_theta));
    if (!ll) return std::numeric_limits<double>::infinity();
    const double theta[4] = {p.r, p.alpha, p.s, p.beta};
    for (std::size_t i = 0; i < grad.size(); ++i) grad[i] = -theta[i] * g_theta[i] / n;
    return -*ll / n;
  };
  MinimizeOptions opts = options;
  opts.use_gradient = true;
  opts.max_evaluations = std::min(opts.max_evaluations, kMaxEvaluations);
  const double log_age = std::log(std::max(mean_age, 1e-3));
  const std::vector<double> start = {0.0, log_age, 0.0, log_age};
  // The no-dropout region: s < 0.01 and >= 95 % of customers alive after the longest history.
  auto no_dropout_at = [max_age](std::span<const double> u) {
    const double s = std::exp(u[2]), beta = std::exp(u[3]);
    return s < 0.01 && std::exp(-s * std::log1p(max_age / beta)) >= 0.95;
  };
  // Once L-BFGS is inside the no-dropout region and out on the ridge there, it only creeps
  // along it (hundreds of evaluations against round-off at 100k customers): stop, the NBD
  // refit below finishes the job.
  opts.stop_at = [&](std::span<const double> u) { return no_dropout_at(u) && OnRidge(u, start); };
  MinimizeFailure why = MinimizeFailure::kNone;
  MinimizeResult best;
  auto lbfgs = Minimize(objective, start, opts, &why, &best);
  bool fallback = false;
  auto acceptable = [&](const MinimizeResult& r) {
    return !r.x.empty() && (OnRidge(r.x, start) || no_dropout_at(r.x));
  };
  if (!lbfgs && why != MinimizeFailure::kNotFiniteAtStart && acceptable(best)) {
    // L-BFGS stopped (at the box bound, on its budget or in a line search) after a parameter
    // ran off towards 0 or infinity, or inside the no-dropout region: a boundary of the
    // parameter space where the likelihood is flat along a ridge. The best point it reached is
    // the estimate, with the treatment and warning below; Nelder-Mead would only wander
    // further along the ridge (~1,000 evaluations).
    lbfgs = best;
  } else if (!lbfgs && why == MinimizeFailure::kStopped) {
    // L-BFGS stops when its line search cannot make progress in the interior: a nearly flat
    // region or a step where a series exceeds its budget (the objective is +inf there).
    // Nelder-Mead, which needs neither gradients nor finite values everywhere, finishes
    // the job from the same start, with its own capped budget.
    MinimizeOptions nm = opts;
    nm.use_gradient = false;
    nm.max_evaluations = kMaxFallbackEvaluations;
    int used = 0;
    std::vector<double> x = start;
    for (int round = 0; round < 2; ++round) {
      MinimizeResult nm_best;
      lbfgs = Minimize(objective, x, nm, &why, &nm_best);
      if (!lbfgs && why != MinimizeFailure::kNotFiniteAtStart && acceptable(nm_best)) {
        lbfgs = nm_best;
      }
      if (!lbfgs) break;
      used += lbfgs->evaluations;
      x = lbfgs->x;
    }
    if (lbfgs) lbfgs->evaluations = used;
    fallback = true;
  }
  if (!lbfgs) return Fail(lbfgs.error());
  const MinimizeResult& m = *lbfgs;
  ParetoNbdFit fit;
  fit.gradient_free_fallback = fallback;
  fit.params = {std::exp(m.x[0]), std::exp(m.x[1]), std::exp(m.x[2]), std::exp(m.x[3])};
  fit.log_likelihood = -m.value * n;
  fit.customers = static_cast<int>(customers.size());
  fit.groups = groups;
  fit.evaluations = m.evaluations;
  if (!std::isfinite(fit.log_likelihood) || !Valid(fit.params)) {
    return Fail(Error::FailedPrecondition("the Pareto/NBD fit did not converge (non-finite)"));
  }
  // No evidence of dropout: >= 95 % of customers survive the longest history under the fit,
  // and either s < 0.01 (the estimate went to the s -> 0 boundary) or the likelihood-ratio
  // statistic against the nested NBD is below 2.71 (5 % for a parameter on its boundary).
  const double survive = std::exp(-fit.params.s * std::log1p(max_age / fit.params.beta));
  if (survive >= 0.95) {
    if (const auto nbd = FitNbd(data.g, fit.params.r, fit.params.alpha)) {
      const double lr = 2 * (fit.log_likelihood - nbd->log_likelihood);
      if (fit.params.s < 0.01 || lr < kNoDropoutLr) {
        ApplyNoDropout(*nbd, max_age, survive, fit);
        return fit;
      }
    }
  }
  if (OnRidge(m.x, start)) DescribeBoundary(m.x, start, fit);
  return fit;
}

Result<ParetoNbdModel> ParetoNbdModel::Create(const ParetoNbdParams& params) {
  if (!ValidOrNoDropout(params)) {
    return Fail(Error::InvalidArgument(
        "Pareto/NBD parameters must be finite and > 0 (or s = beta = 0: no dropout)"));
  }
  return ParetoNbdModel(params);
}

Result<double> ParetoNbdModel::ProbabilityAlive(double x, double t_x, double age) const {
  RETURN_IF_ERROR(ValidateHistory(x, t_x, age));
  if (IsNoDropout(params_)) return 1.0;
  auto t = IndividualTerms(params_, x, t_x, age);
  if (!t) return Fail(Error::Internal("Pareto/NBD P(alive): " + t.error().message()));
  return std::exp(t->first - LogSumExp(t->first, t->second));
}

Result<double> ParetoNbdModel::ExpectedPurchases(double t, double x, double t_x, double age) const {
  RETURN_IF_ERROR(ValidateHistory(x, t_x, age));
  RETURN_IF_ERROR(ValidateHorizon(t));
  const ParetoNbdParams& p = params_;
  if (IsNoDropout(p)) return (p.r + x) / (p.alpha + age) * t;  // the NBD's E[X(t) | x, T]
  ASSIGN_OR_RETURN(const double alive, ProbabilityAlive(x, t_x, age));
  ASSIGN_OR_RETURN(const double if_alive, ExpectedPurchasesIfAlive(t, x, age));
  return ScaleByAlive(if_alive, alive);
}

Result<double> ParetoNbdModel::ExpectedPurchasesIfAlive(double t, double x, double age) const {
  RETURN_IF_ERROR(ValidateHistory(x, 0.0, age));
  RETURN_IF_ERROR(ValidateHorizon(t));
  const ParetoNbdParams& p = params_;
  if (IsNoDropout(p)) return (p.r + x) / (p.alpha + age) * t;  // P(alive) = 1
  const double lead = (p.r + x) * (p.beta + age) / (p.alpha + age);
  const double log_ratio = std::log((p.beta + age + t) / (p.beta + age));
  // (1 - ((beta+T)/(beta+T+t))^(s-1)) / (s-1), which tends to log_ratio as s -> 1.
  const double factor =
      std::abs(p.s - 1) < 1e-10 ? log_ratio : -std::expm1(-(p.s - 1) * log_ratio) / (p.s - 1);
  return lead * factor;
}

Result<double> ParetoNbdModel::LogLikelihood(std::span<const CustomerSummary> customers) const {
  return ParetoNbdLogLikelihood(params_, customers);
}

}  // namespace chaincrm::analytics
