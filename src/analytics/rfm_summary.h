#pragma once
// Per-customer sufficient statistics for the repeat-purchase models (BG/NBD, Pareto/NBD,
// Gamma-Gamma) from a transaction ledger, with an optional calibration/holdout split.
// Follows Hardie's note 022 and lifetimes' summary_data_from_transaction_data (freq = day).

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace chaincrm::analytics {

/// One purchase line. revenue < 0 is a return; cost is the product cost of the line.
struct Transaction {
  std::int64_t customer_id = 0;
  Millis at = 0;
  double revenue = 0.0;
  double cost = 0.0;
};

/// Unit of the time axis: day, week (7 days) or month (365.25 / 12 = 30.4375 days).
enum class TimeUnit { kDay, kWeek, kMonth };

/// Days in one unit (1, 7 or 30.4375).
double DaysPerUnit(TimeUnit unit);
/// "day" | "week" | "month"; InvalidArgument otherwise.
Result<TimeUnit> ParseTimeUnit(std::string_view s);

/// Sufficient statistics of one customer, times in the chosen unit.
struct CustomerSummary {
  std::int64_t customer_id = 0;
  double frequency = 0.0;          // x: repeat purchase days in calibration (first day excluded)
  double recency = 0.0;            // t_x: first purchase day to last repeat purchase day (0 if x=0)
  double age = 0.0;                // T: first purchase day to calibration end
  double monetary_value = 0.0;     // zbar: mean revenue of the repeat purchase days (0 if x=0)
  double holdout_frequency = 0.0;  // purchase days in (calibration end, observation end]
  double holdout_monetary_value = 0.0;  // mean revenue of those days (0 if none)
  Millis first_purchase = 0;            // midnight UTC of the first purchase day
};

struct SummaryOptions {
  Millis calibration_end = 0;  // the whole UTC day containing it belongs to calibration
  /// End of the holdout period (inclusive day); none = no holdout, later rows ignored.
  std::optional<Millis> observation_end;
  TimeUnit unit = TimeUnit::kWeek;
};

struct CohortSummary {
  TimeUnit unit = TimeUnit::kWeek;
  double holdout_length = 0.0;  // observation end - calibration end, in units (0 if none)
  std::vector<CustomerSummary> customers;  // sorted by customer_id
};

/// Builds the summary. Rows are bucketed by (customer, UTC day): purchases on one day are
/// one transaction whose value is the day's net revenue. A day whose rows are all returns
/// (revenue < 0) is not a purchase occasion and is ignored. Customers whose first purchase
/// is after the calibration end are left out; rows after the observation end (or after the
/// calibration end when there is no holdout) are ignored. InvalidArgument when no customer
/// purchased by the calibration end, on non-finite revenue, or observation_end <
/// calibration_end. Input order does not matter.
Result<CohortSummary> SummarizeTransactions(std::span<const Transaction> transactions,
                                            const SummaryOptions& options);

}  // namespace chaincrm::analytics
