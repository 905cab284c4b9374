#pragma once
// Pure computations behind the service metrics: percentiles, first-contact resolution,
// backlog age buckets.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace chaincrm::analytics {

/// The p-th percentile (0 < p ≤ 100) by the nearest-rank method: the value at 1-based
/// rank ⌈p/100 · n⌉ of the sorted values (always an observed value). nullopt when empty.
std::optional<double> NearestRankPercentile(std::vector<double> values, double p);
/// Arithmetic mean; nullopt when empty.
std::optional<double> Mean(const std::vector<double>& values);

struct CaseTimes {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  Millis created_at = 0;
  std::optional<Millis> resolved_at;  // first resolution
  std::int64_t reopen_count = 0;
};

/// For each case, in order: resolved at first contact, i.e. resolved, never reopened, and
/// no other case in `cases` of the same customer created after its resolution and at
/// most `window` later. Callers pass every case that could be a follow-up.
std::vector<bool> FirstContactResolved(const std::vector<CaseTimes>& cases, Millis window);

/// Backlog age bucket of an open case of `age`: "lt_1d", "1_3d", "3_7d", "7_30d", "gt_30d".
std::string_view BacklogBucket(Millis age);
/// The bucket labels in order.
const std::vector<std::string_view>& BacklogBuckets();

}  // namespace chaincrm::analytics
