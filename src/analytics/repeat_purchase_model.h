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
  /// Log-likelihood of the cohort under the fitted parameters.
  virtual Result<double> LogLikelihood(std::span<const CustomerSummary> customers) const = 0;
};

/// Checks one history: finite, x >= 0, 0 <= t_x <= T, and t_x = 0 when x = 0.
Status ValidateHistory(double x, double t_x, double age);

}  // namespace chaincrm::analytics
