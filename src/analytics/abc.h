#pragma once
// ABC / Pareto classification of customers by a value (revenue or profit) with the data of
// the Pareto chart.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace chaincrm::analytics {

enum class AbcClass { kA, kB, kC };

/// "A", "B" or "C".
std::string_view AbcClassName(AbcClass c);

/// The value a customer is ranked by (revenue or profit: the caller chooses).
struct CustomerValue {
  std::int64_t customer_id = 0;
  double value = 0.0;
};

struct AbcOptions {
  double a_cutoff = 0.80;    // A while the cumulative share before the customer is below it
  double b_cutoff = 0.95;    // then B while below this; C for the rest
  int max_chart_bars = 100;  // the chart groups ranked customers into at most this many bars
};

struct AbcEntry {
  std::int64_t customer_id = 0;
  double value = 0.0;
  int rank = 0;                   // 1 = largest value; ties ranked by customer_id
  double share = 0.0;             // value / total positive value (0 for value <= 0)
  double cumulative_share = 0.0;  // including this customer
  AbcClass abc_class = AbcClass::kC;
};

/// One bar of the Pareto chart: consecutive ranked customers [first_rank, last_rank].
struct ParetoBar {
  int first_rank = 0;
  int last_rank = 0;
  double value = 0.0;                 // sum of the customers' values (may be <= 0)
  double share = 0.0;                 // sum of their shares
  double cumulative_share = 0.0;      // the curve: value share up to last_rank
  double cumulative_customers = 0.0;  // last_rank / number of customers
};

struct AbcClassTotal {
  int customers = 0;
  double value = 0.0;
  double share = 0.0;
};

struct AbcResult {
  std::vector<AbcEntry> customers;  // ranked, largest value first
  std::vector<ParetoBar> chart;
  AbcClassTotal totals[3];  // indexed by AbcClass
  double total_positive_value = 0.0;
};

/// Ranks customers by value (descending, ties by customer_id) and classes them: a customer
/// is A if the cumulative share of the customers ranked before it is below a_cutoff (so the
/// customer that crosses 80 % is still A), B if below b_cutoff, else C. Customers with equal
/// values share the class of the first of them. Shares are of the total positive value;
/// customers with value <= 0 contribute nothing to it and are always C. If no value is
/// positive every customer is C. InvalidArgument on an empty input, a non-finite value, a
/// duplicate customer, cut-offs outside 0 < a <= b <= 1 or max_chart_bars < 1.
Result<AbcResult> ClassifyAbc(std::span<const CustomerValue> values, const AbcOptions& options);

}  // namespace chaincrm::analytics
