#pragma once
// Customers grouped by identical (x, t_x, T), with index tables of the distinct x, t_x and T
// values, so a likelihood evaluation costs one pass over groups plus a few special-function
// calls per distinct value instead of per customer.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "analytics/rfm_summary.h"
#include "core/result.h"

namespace chaincrm::analytics {

struct HistoryGroups {
  std::vector<double> xs, recencies, ages;                       // distinct values, ascending
  std::vector<std::uint32_t> x_index, recency_index, age_index;  // per group
  std::vector<double> weight;                                    // customers per group
  std::vector<std::uint32_t> group_of;  // per input customer (input order), its group
  double customers = 0.0;
};

/// Groups the histories; InvalidArgument if the cohort is empty or a history is invalid
/// (see ValidateHistory).
Result<HistoryGroups> GroupHistories(std::span<const CustomerSummary> customers);

}  // namespace chaincrm::analytics
