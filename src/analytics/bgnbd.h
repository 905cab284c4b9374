#pragma once
// BG/NBD repeat-purchase model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy
// Way"): purchases follow Poisson(lambda) while active, lambda ~ Gamma(r, alpha); after each
// purchase the customer drops out with probability p, p ~ Beta(a, b).

#include <span>
#include <string>

#include "analytics/optimizer.h"
#include "analytics/repeat_purchase_model.h"
#include "analytics/rfm_summary.h"
#include "core/result.h"

namespace chaincrm::analytics {

struct BgNbdParams {
  double r = 0.0;
  double alpha = 0.0;  // in the time unit of the summaries
  double a = 0.0;
  double b = 0.0;
};

struct BgNbdFit {
  BgNbdParams params;
  double log_likelihood = 0.0;
  int customers = 0;
  int groups = 0;       // distinct (x, t_x, T) histories the likelihood was evaluated on
  int evaluations = 0;  // likelihood + gradient evaluations used by the optimizer
  bool gradient_free_fallback = false;  // L-BFGS stopped; Nelder-Mead finished the fit
};

/// Total log-likelihood of the cohort. InvalidArgument on an empty cohort, an invalid
/// history or non-positive parameters.
Result<double> BgNbdLogLikelihood(const BgNbdParams& params,
                                  std::span<const CustomerSummary> customers);

/// The same, and its analytic gradient d/d(r, alpha, a, b) written to `gradient` (4
/// components) when it is non-empty.
Result<double> BgNbdLogLikelihood(const BgNbdParams& params,
                                  std::span<const CustomerSummary> customers,
                                  std::span<double> gradient);

/// Maximum-likelihood fit (L-BFGS on log-parameters, analytic gradient, customers grouped by
/// identical history, two threads for large cohorts). InvalidArgument on an empty cohort or
/// one without any repeat purchase (the model is not identified); FailedPrecondition if the
/// fit does not converge. When L-BFGS stops in a line search, Nelder-Mead continues from the
/// best point it reached (BgNbdFit::gradient_free_fallback). Deterministic; input order does not
/// change the result.
Result<BgNbdFit> FitBgNbd(std::span<const CustomerSummary> customers,
                          const MinimizeOptions& options = {});

/// A fitted BG/NBD model.
class BgNbdModel final : public RepeatPurchaseModel {
 public:
  /// InvalidArgument unless all four parameters are finite and > 0.
  static Result<BgNbdModel> Create(const BgNbdParams& params);

  const BgNbdParams& params() const { return params_; }
  std::string Name() const override { return "bgnbd"; }
  /// 1 / (1 + [x > 0] a / (b + x - 1) * ((alpha + T) / (alpha + t_x))^(r + x)).
  Result<double> ProbabilityAlive(double x, double t_x, double age) const override;
  /// FHL 2005 eq. (10), with the Gauss hypergeometric function.
  Result<double> ExpectedPurchases(double t, double x, double t_x, double age) const override;
  /// The bracket of eq. (10): (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(...)].
  Result<double> ExpectedPurchasesIfAlive(double t, double x, double age) const override;
  /// Internal error unless the product is finite and >= 0.
  Result<double> ScaleByAlive(double if_alive, double alive) const override;
  Result<double> LogLikelihood(std::span<const CustomerSummary> customers) const override;

 private:
  explicit BgNbdModel(const BgNbdParams& params) : params_(params) {}
  BgNbdParams params_;
};

}  // namespace chaincrm::analytics
