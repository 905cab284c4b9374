#pragma once
// Cohorts simulated from known model parameters, for validation and benchmarks. The random
// stream is std::mt19937_64 seeded explicitly, so a seed reproduces a cohort (with the same
// standard library).

#include <cstdint>
#include <vector>

#include "analytics/bgnbd.h"
#include "analytics/gamma_gamma.h"
#include "analytics/rfm_summary.h"
#include "core/result.h"

namespace chaincrm::analytics {

struct SimulationOptions {
  int customers = 0;
  double min_age = 0.0;  // T is uniform in [min_age, max_age] (first purchases spread out)
  double max_age = 0.0;
  /// > 0: times are rounded down to multiples of it (e.g. 1/7 for days on a week axis), as
  /// in real ledgers; 0: continuous time.
  double time_resolution = 0.0;
  std::uint64_t seed = 0;
};

/// Histories (x, t_x, T) drawn from the BG/NBD process: exponential inter-purchase times at
/// rate lambda ~ Gamma(r, alpha); after each repeat purchase the customer drops out with
/// probability p ~ Beta(a, b). customer_id = 1..n. InvalidArgument on bad options/params.
Result<std::vector<CustomerSummary>> SimulateBgNbd(const BgNbdParams& params,
                                                   const SimulationOptions& options);

/// Fills monetary_value of customers with frequency > 0 with the mean of x transaction
/// values drawn as Gamma(p, nu), nu ~ Gamma(q, gamma) per customer; 0 when x = 0.
Status SimulateGammaGammaSpend(const GammaGammaParams& params, std::uint64_t seed,
                               std::vector<CustomerSummary>& customers);

}  // namespace chaincrm::analytics
