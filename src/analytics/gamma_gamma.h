#pragma once
// Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV";
// Fader & Hardie note 025): a customer's transaction values are Gamma(p, nu), nu ~
// Gamma(q, gamma) across customers; fitted on repeat customers' (x, mean spend zbar).

#include <span>
#include <string>

#include "analytics/optimizer.h"
#include "analytics/rfm_summary.h"
#include "core/result.h"

namespace chaincrm::analytics {

struct GammaGammaParams {
  double p = 0.0;
  double q = 0.0;
  double gamma = 0.0;  // in currency units
};

struct GammaGammaFit {
  GammaGammaParams params;
  double log_likelihood = 0.0;
  int customers_used = 0;      // frequency > 0 and monetary_value > 0
  int customers_excluded = 0;  // frequency > 0 but monetary_value <= 0 (net returns)
  /// Pearson correlation of frequency and mean spend over the customers used. The model
  /// assumes spend is independent of frequency; |correlation| >= 0.3 is flagged.
  double frequency_spend_correlation = 0.0;
  bool independence_plausible = true;
  int evaluations = 0;  // all methods together
  /// L-BFGS on (ln p, ln q, ln gamma) stopped or ran out along q; the estimate comes from the
  /// refit in (ln p, ln q, ln(p gamma / q)) (L-BFGS, then Nelder-Mead if that stops too).
  bool fallback = false;
  /// The estimate is on the q -> infinity boundary (q more than e^12 times its start): spend
  /// does not vary between customers beyond single transactions' noise, so every customer's
  /// conditional expected spend is (about) the population mean. `warning` says so.
  bool no_spend_heterogeneity = false;
  std::string warning;
};

/// Total log-likelihood over customers with frequency > 0 and monetary_value > 0.
/// InvalidArgument if there are none or a parameter is not > 0.
Result<double> GammaGammaLogLikelihood(const GammaGammaParams& params,
                                       std::span<const CustomerSummary> customers);

/// The same, and its analytic gradient d/d(p, q, gamma) written to `gradient` (3 components)
/// when it is non-empty.
Result<double> GammaGammaLogLikelihood(const GammaGammaParams& params,
                                       std::span<const CustomerSummary> customers,
                                       std::span<double> gradient);

/// Maximum-likelihood fit (L-BFGS on log-parameters, analytic gradient; one logarithm per
/// customer per evaluation, two threads for large cohorts). If L-BFGS stops without converging
/// or q runs out (spend that is not a Gamma-Gamma population), the fit is redone along the
/// q -> infinity ridge (see GammaGammaFit::fallback), and an estimate on that ridge is returned
/// with a warning. InvalidArgument with fewer than two usable customers; FailedPrecondition if
/// no method converges. Deterministic.
Result<GammaGammaFit> FitGammaGamma(std::span<const CustomerSummary> customers,
                                    const MinimizeOptions& options = {});

/// E[mean spend | x, zbar] = p (gamma + x zbar) / (p x + q - 1): a weighted average of the
/// population mean p gamma / (q - 1) and the customer's own zbar. x = 0 gives the population
/// mean. InvalidArgument if q <= 1 (the population mean is infinite), x < 0 or zbar < 0.
Result<double> ConditionalExpectedSpend(const GammaGammaParams& params, double frequency,
                                        double monetary_value);

}  // namespace chaincrm::analytics
