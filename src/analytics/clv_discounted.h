#pragma once
// CLV model 1, "scientific calculation of customer lifecycle value" from the source
// documents: CLV = sum_{i=1..n} (U_i - V_i) / (1 + c)^i, split into the historical value
// (past intervals compounded to today), the future value (the next m intervals projected by
// a least-squares line through the customer's interval profits, discounted, m from the
// retention rate) and a potential value (what the customer could additionally bring).

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "analytics/rfm_summary.h"
#include "core/result.h"
#include "core/time.h"

namespace chaincrm::analytics {

/// Revenue U_i and cost V_i per interval, oldest first; the last entry is the most recent
/// complete interval ("today" is its end).
struct IntervalHistory {
  std::int64_t customer_id = 0;
  std::vector<double> revenue;
  std::vector<double> cost;
  /// Potential extra profit per future interval (see PeerPotentialGaps); 0 = none.
  double potential_per_interval = 0.0;
};

struct DiscountedClvOptions {
  double discount_rate = 0.01;         // c, per interval (e.g. 1 % a month)
  double retention_rate = 0.80;        // probability of keeping the customer one more interval
  int max_future_intervals = 60;       // cap on m (e.g. 5 years of months)
  double potential_realisation = 0.5;  // expected fraction of the potential gap realised
};

struct DiscountedClv {
  std::int64_t customer_id = 0;
  double historical_value = 0.0;    // sum_i P_i (1+c)^(n-i)
  double future_value = 0.0;        // sum_j max(0, a + b (n+j)) w_j / (1+c)^j
  double potential_value = 0.0;     // sum_j realisation * gap w_j / (1+c)^j
  double total = 0.0;               // historical + future + potential
  double trend_intercept = 0.0;     // a, profit line over interval index 1..n
  double trend_slope = 0.0;         // b, profit change per interval
  double expected_intervals = 0.0;  // m
};

/// sum_{i=1..n} profits[i-1] / (1+c)^i: the documents' formula for a known profit stream.
/// InvalidArgument if c <= -1 or a profit is not finite.
Result<double> DiscountedProfitSum(std::span<const double> profits, double discount_rate);

/// m = min(cap, r / (1 - r)), the expected number of further intervals of a customer kept
/// with probability r each interval (geometric lifetime); cap when r = 1.
Result<double> ExpectedRemainingIntervals(double retention_rate, int cap);

/// Intercept and slope of the least-squares line through (i, y_i), i = 1..n; slope 0 when
/// n = 1. InvalidArgument when empty.
Result<std::pair<double, double>> FitLinearTrend(std::span<const double> y);

/// The model for one customer. Future interval j = 1..floor(m) has weight w_j = 1 and
/// interval floor(m)+1 the fractional rest of m. A projected profit below 0 counts as 0
/// (the customer would not be served at a loss forever). InvalidArgument on an empty
/// history, revenue/cost sizes that differ, non-finite amounts, c <= -1, r outside [0, 1],
/// a negative cap or potential.
Result<DiscountedClv> ComputeDiscountedClv(const IntervalHistory& history,
                                           const DiscountedClvOptions& options);
/// ComputeDiscountedClv for each history, in order, with the same results: the powers of
/// (1 + c) are computed once for the batch instead of per customer and interval.
Result<std::vector<DiscountedClv>> ComputeDiscountedClvs(std::span<const IntervalHistory> histories,
                                                         const DiscountedClvOptions& options);

/// Potential gap per interval for each customer: the mean interval profit of the top
/// quartile of its peer group (same label; e.g. sector x size) minus its own mean interval
/// profit, floored at 0. Customers already in the top quartile get 0. `peer_groups[i]`
/// labels `histories[i]`. InvalidArgument on size mismatch or an empty history.
Result<std::vector<double>> PeerPotentialGaps(std::span<const IntervalHistory> histories,
                                              std::span<const std::string> peer_groups);

enum class IntervalKind { kMonth, kQuarter };

/// Calendar-month or quarter histories from transactions: for each customer, the intervals
/// from the one containing its first purchase through the last complete interval before
/// as_of (the interval containing as_of is still running and left out). Customers without
/// a complete interval are omitted. Sorted by customer_id. InvalidArgument on non-finite
/// amounts.
Result<std::vector<IntervalHistory>> BuildIntervalHistories(
    std::span<const Transaction> transactions, Millis as_of, IntervalKind kind);

}  // namespace chaincrm::analytics
