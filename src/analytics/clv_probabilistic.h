#pragma once
// CLV model 2: expected purchases from a fitted repeat-purchase model (BG/NBD or
// Pareto/NBD) times the Gamma-Gamma expected spend, discounted monthly over a horizon, as
// lifetimes' customer_lifetime_value does; and the calibration/holdout comparison report.

#include <cstdint>
#include <span>
#include <vector>

#include "analytics/gamma_gamma.h"
#include "analytics/repeat_purchase_model.h"
#include "analytics/rfm_summary.h"
#include "core/result.h"

namespace chaincrm::analytics {

struct ProbabilisticClvOptions {
  int horizon_months = 12;
  double monthly_discount_rate = 0.01;
  /// Model time units per month: PeriodsPerMonth(unit) by default (30.4375 days, 4.348
  /// weeks); lifetimes uses 30 days or 4.345 weeks and can be matched by setting this.
  double periods_per_month = 0.0;
};

/// 30.4375 / DaysPerUnit(unit).
double PeriodsPerMonth(TimeUnit unit);

struct CustomerClv {
  std::int64_t customer_id = 0;
  double probability_alive = 0.0;
  double expected_purchases = 0.0;  // over the horizon
  double expected_spend = 0.0;      // Gamma-Gamma conditional mean spend per purchase
  double clv = 0.0;                 // sum_i spend * (E[Y(i)] - E[Y(i-1)]) / (1+d)^i
};

/// CLV per customer, in input order. A repeat customer whose mean spend is <= 0 (net
/// returns) is given the spend of a customer with the same frequency and zero mean spend.
/// periods_per_month <= 0 means "derive from the unit". Uses two threads for large inputs.
/// InvalidArgument on an empty cohort, horizon < 1, discount rate <= -1, or Gamma-Gamma
/// q <= 1; any per-customer error is returned with its customer id.
Result<std::vector<CustomerClv>> ComputeProbabilisticClv(const RepeatPurchaseModel& model,
                                                         const GammaGammaParams& spend,
                                                         std::span<const CustomerSummary> customers,
                                                         TimeUnit unit,
                                                         const ProbabilisticClvOptions& options);

/// Customers with calibration frequency x (the last bucket: x >= max_frequency).
struct HoldoutBucket {
  int frequency = 0;
  bool open_ended = false;  // "7+"
  int customers = 0;
  double actual_mean = 0.0;    // holdout repeat purchases per customer
  double expected_mean = 0.0;  // model's conditional expectation per customer
};

struct HoldoutReport {
  double holdout_length = 0.0;
  std::vector<HoldoutBucket> buckets;  // frequency 0, 1, ..., max_frequency+
  double actual_total = 0.0;
  double expected_total = 0.0;
  double mean_absolute_error = 0.0;  // per customer, over all customers
};

/// Expected (conditional on calibration history) vs actual holdout repeat purchases per
/// calibration-frequency bucket (FHL 2005 figure 5). InvalidArgument on an empty cohort,
/// holdout_length <= 0 or max_frequency < 1.
Result<HoldoutReport> CompareHoldout(const RepeatPurchaseModel& model,
                                     std::span<const CustomerSummary> customers,
                                     double holdout_length, int max_frequency = 7);

}  // namespace chaincrm::analytics
