#pragma once
// The common face of the fitted "buy till you die" models (BG/NBD, Pareto/NBD), so that
// CLV and the holdout report work with either.

#include <span>
#include <string>

#include "analytics/rfm_summary.h"
#include "core/result.h"

namespace chaincrm::analytics {

/// A fitted repeat-purchase model. Implementations are immutable and thread-safe.
class RepeatPurchaseModel {
 public:
  virtual ~RepeatPurchaseModel() = default;

  /// "bgnbd" or "paretonbd".
  virtual std::string Name() const = 0;
  /// Probability that a customer with history (x, t_x, T) is still active at T.
  virtual Result<double> ProbabilityAlive(double x, double t_x, double age) const = 0;
  /// Expected number of repeat purchases in (T, T + t] given the history (x, t_x, T).
  /// InvalidArgument for t < 0 or an inconsistent history.
  virtual Result<double> ExpectedPurchases(double t, double x, double t_x, double age) const = 0;
  /// The factor of ExpectedPurchases that does not depend on t_x: the expectation for a
  /// customer known to be alive at T. ExpectedPurchases(t, x, t_x, T) is exactly
  /// ScaleByAlive(ExpectedPurchasesIfAlive(t, x, T), ProbabilityAlive(x, t_x, T)) (t > 0),
  /// so customers who share (x, T) share this, the costly part. InvalidArgument for t < 0 or
  /// an invalid x or T.
  virtual Result<double> ExpectedPurchasesIfAlive(double t, double x, double age) const = 0;
  /// if_alive * alive, with the model's own check of the product.
  virtual Result<double> ScaleByAlive(double if_alive, double alive) const {
    return if_alive * alive;
  }
  /// Log-likelihood of the cohort under the fitted parameters.
  virtual Result<double> LogLikelihood(std::span<const CustomerSummary> customers) const = 0;
};

/// Checks one history: finite, x >= 0, 0 <= t_x <= T, and t_x = 0 when x = 0.
Status ValidateHistory(double x, double t_x, double age);
/// Checks a prediction horizon: finite and t >= 0.
Status ValidateHorizon(double t);

}  // namespace chaincrm::analytics
