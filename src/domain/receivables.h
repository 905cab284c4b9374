#pragma once
// Receivables ageing: which bucket an open balance falls in, as of a date. Pure.

#include <array>
#include <cstdint>

#include "core/time.h"

namespace chaincrm::domain {

enum class AgeingBucket { kCurrent, k1To30, k31To60, k61To90, kOver90 };

inline constexpr std::array<AgeingBucket, 5> kAllBuckets = {
    AgeingBucket::kCurrent, AgeingBucket::k1To30, AgeingBucket::k31To60, AgeingBucket::k61To90,
    AgeingBucket::kOver90};

/// "current", "1_30", "31_60", "61_90", "90_plus".
const char* BucketName(AgeingBucket b);

/// Whole UTC calendar days from the due date to `as_of` (0 or less: not yet overdue).
std::int64_t DaysPastDue(Millis due_at, Millis as_of);

/// current: not past due (days ≤ 0); then 1–30, 31–60, 61–90, over 90 days past due.
AgeingBucket BucketFor(std::int64_t days_past_due);

/// Open balances per bucket, in minor units of one currency.
struct AgeingTotals {
  std::array<std::int64_t, 5> buckets{};
  std::int64_t total = 0;
  void Add(AgeingBucket b, std::int64_t amount) {
    buckets[static_cast<std::size_t>(b)] += amount;
    total += amount;
  }
  std::int64_t overdue() const { return total - buckets[0]; }
};

}  // namespace chaincrm::domain
