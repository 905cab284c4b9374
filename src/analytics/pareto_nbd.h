#pragma once
// Pareto/NBD repeat-purchase model (Schmittlein, Morrison & Colombo 1987): purchases follow
// Poisson(lambda) while active, lambda ~ Gamma(r, alpha); the lifetime is exponential(mu),
// mu ~ Gamma(s, beta). Likelihood as in Fader & Hardie's note "A Note on Implementing the
// Pareto/NBD Model in MATLAB" (2005), with the Gauss hypergeometric function.

#include <span>
#include <string>

#include "analytics/optimizer.h"
#include "analytics/repeat_purchase_model.h"
#include "analytics/rfm_summary.h"
#include "core/result.h"

namespace chaincrm::analytics {

struct ParetoNbdParams {
  double r = 0.0;
  double alpha = 0.0;  // in the time unit of the summaries
  double s = 0.0;
  double beta = 0.0;  // in the time unit of the summaries
};

struct ParetoNbdFit {
  ParetoNbdParams params;
  double log_likelihood = 0.0;
  int customers = 0;
  int groups = 0;
  int evaluations = 0;                  // of the method that produced the estimate
  bool gradient_free_fallback = false;  // L-BFGS stopped early; Nelder-Mead finished
  /// The estimate lies on a boundary of the parameter space: a log-parameter moved more than
  /// 12 from its start (a factor 1.6e5), or the no-dropout case below. The fit ends there
  /// instead of failing or wandering; `warning` explains.
  bool boundary = false;
  /// No evidence of dropout: the estimate went to s < 0.01 with >= 95 % of customers alive
  /// after the longest observed history. params is then the no-dropout limit (NBD: s = beta
  /// = 0, r and alpha refitted; P(alive) = 1) and log_likelihood that model's.
  bool no_dropout = false;
  ParetoNbdParams ridge_params;       // with no_dropout: the Pareto/NBD boundary point
  double ridge_log_likelihood = 0.0;  // and its log-likelihood
  std::string warning;                // empty unless boundary
};

/// Total log-likelihood of the cohort. InvalidArgument on an empty cohort, an invalid
/// history or non-positive parameters; Internal if a hypergeometric series fails.
Result<double> ParetoNbdLogLikelihood(const ParetoNbdParams& params,
                                      std::span<const CustomerSummary> customers);

/// The same, and its gradient d/d(r, alpha, s, beta) written to `gradient` (4 components)
/// when it is non-empty; analytic, from the term-by-term derivatives of the hypergeometric
/// series.
Result<double> ParetoNbdLogLikelihood(const ParetoNbdParams& params,
                                      std::span<const CustomerSummary> customers,
                                      std::span<double> gradient);

/// Maximum-likelihood fit (L-BFGS on log-parameters with the analytic gradient, whatever
/// options.use_gradient says; customers grouped by identical history; the fit capped at 500
/// evaluations; 2F1 stays cheap as z -> 1, see LogHyp2F1APlusOne). Degenerate cohorts end on
/// L-BFGS at a boundary of the parameter space (ParetoNbdFit::boundary, with a warning); a
/// cohort without churn gets the no-dropout treatment (ParetoNbdFit::no_dropout: the NBD limit,
/// s = beta = 0, P(alive) = 1; ANALYTICS.md section 7). If L-BFGS's line search stops early in
/// the interior, Nelder-Mead from the same start (two rounds of at most 2,500 evaluations).
/// InvalidArgument on an empty cohort or one without repeat purchases; FailedPrecondition if
/// the fit does not converge. Deterministic.
Result<ParetoNbdFit> FitParetoNbd(std::span<const CustomerSummary> customers,
                                  const MinimizeOptions& options = {});

/// A fitted Pareto/NBD model.
class ParetoNbdModel final : public RepeatPurchaseModel {
 public:
  /// InvalidArgument unless all four parameters are finite and > 0, or r, alpha > 0 with
  /// s = beta = 0: the no-dropout limit (NBD), where P(alive) = 1 and the expected purchases
  /// in (T, T+t] are (r+x) t / (alpha+T).
  static Result<ParetoNbdModel> Create(const ParetoNbdParams& params);

  const ParetoNbdParams& params() const { return params_; }
  std::string Name() const override { return "paretonbd"; }
  Result<double> ProbabilityAlive(double x, double t_x, double age) const override;
  /// (r+x)(beta+T) / ((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)] P(alive)
  /// (the log limit when s = 1).
  Result<double> ExpectedPurchases(double t, double x, double t_x, double age) const override;
  /// (r+x)(beta+T) / ((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)].
  Result<double> ExpectedPurchasesIfAlive(double t, double x, double age) const override;
  Result<double> LogLikelihood(std::span<const CustomerSummary> customers) const override;

 private:
  explicit ParetoNbdModel(const ParetoNbdParams& params) : params_(params) {}
  ParetoNbdParams params_;
};

}  // namespace chaincrm::analytics
