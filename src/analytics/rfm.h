#pragma once
// RFM: recency, frequency and monetary value per customer at a reference date, quintile
// scores 1-5 and the cell string ("545").

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analytics/rfm_summary.h"
#include "core/result.h"
#include "core/time.h"

namespace chaincrm::analytics {

enum class MonetaryMeasure { kTotal, kMeanPerPurchase };

struct RfmOptions {
  Millis reference_date = 0;  // rows after its UTC day are ignored; recency is measured to it
  std::optional<Millis> window_start;  // only rows on or after this day count; none = all
  MonetaryMeasure monetary = MonetaryMeasure::kTotal;
};

struct RfmScore {
  std::int64_t customer_id = 0;
  std::optional<std::int64_t> recency_days;  // reference day - last purchase day; none if none
  int frequency = 0;      // purchase days in the window (one per customer-day, as elsewhere)
  double monetary = 0.0;  // net revenue in the window (returns included), total or per day
  int r_score = 0;        // 1..5, 5 = most recent; 0 = no purchase in the window
  int f_score = 0;        // 1..5, 5 = most frequent; 0 = no purchase
  int m_score = 0;        // 1..5, 5 = highest value; 0 = no purchase
  std::string cell;       // e.g. "545"; "000" for a customer without purchases
};

/// Quintile scores of values: the mid-rank percentile u = (below + equal/2) / n, where below
/// counts strictly worse values, gives score min(5, 1 + floor(5u)). Equal values always get
/// equal scores, input order does not matter, n distinct values get exact quintiles, and a
/// single value (or all equal) scores 3. Empty input gives an empty vector.
std::vector<int> QuintileScores(std::span<const double> values, bool higher_is_better);

/// Scores every customer that appears in `transactions` or in `customer_ids` (customers
/// with no purchase in the window get scores 0 and cell "000" and are not part of the
/// quintile base). A purchase day is a customer-day with at least one row of revenue >= 0;
/// return-only days add to monetary but not to frequency or recency. Output sorted by
/// customer_id. InvalidArgument on non-finite revenue, a window starting after the
/// reference date, or no customers at all.
Result<std::vector<RfmScore>> ComputeRfm(std::span<const Transaction> transactions,
                                         std::span<const std::int64_t> customer_ids,
                                         const RfmOptions& options);

}  // namespace chaincrm::analytics
