#include "analytics/rfm_summary.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace chaincrm::analytics {
namespace {

std::int64_t DayOf(Millis t) {
  return t / kMillisPerDay - ((t % kMillisPerDay != 0) && (t < 0) ? 1 : 0);
}

struct DayRow {
  std::int64_t customer_id;
  std::int64_t day;
  double revenue;
  bool purchase;  // at least one row with revenue >= 0
};

}  // namespace

double DaysPerUnit(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kDay:
      return 1.0;
    case TimeUnit::kWeek:
      return 7.0;
    case TimeUnit::kMonth:
      return 365.25 / 12.0;
  }
  return 1.0;
}

Result<TimeUnit> ParseTimeUnit(std::string_view s) {
  if (s == "day") return TimeUnit::kDay;
  if (s == "week") return TimeUnit::kWeek;
  if (s == "month") return TimeUnit::kMonth;
  return Fail(Error::InvalidArgument("time unit must be day, week or month, not '" +
                                     std::string(s.substr(0, 32)) + "'"));
}

Result<CohortSummary> SummarizeTransactions(std::span<const Transaction> transactions,
                                            const SummaryOptions& options) {
  const std::int64_t cal_day = DayOf(options.calibration_end);
  std::int64_t end_day = cal_day;
  if (options.observation_end) {
    end_day = DayOf(*options.observation_end);
    if (end_day < cal_day) {
      return Fail(Error::InvalidArgument("observation end is before the calibration end"));
    }
  }
  std::vector<DayRow> rows;
  rows.reserve(transactions.size());
  for (const Transaction& t : transactions) {
    if (!std::isfinite(t.revenue)) {
      return Fail(Error::InvalidArgument("transaction of customer " +
                                         std::to_string(t.customer_id) + " has no finite revenue"));
    }
    const std::int64_t day = DayOf(t.at);
    if (day > end_day) continue;
    rows.push_back({t.customer_id, day, t.revenue, t.revenue >= 0});
  }
  // Sort by (customer, day). A ledger already grouped by ascending customer (as the value
  // run loads it) only needs each customer's few rows sorted: far cheaper than one sort of
  // millions of rows.
  const auto by_customer = [](const DayRow& l, const DayRow& r) {
    return l.customer_id < r.customer_id;
  };
  const auto by_day = [](const DayRow& l, const DayRow& r) { return l.day < r.day; };
  if (std::is_sorted(rows.begin(), rows.end(), by_customer)) {
    for (auto run = rows.begin(); run != rows.end();) {
      const auto end = std::find_if(
          run, rows.end(), [&](const DayRow& r) { return r.customer_id != run->customer_id; });
      std::sort(run, end, by_day);
      run = end;
    }
  } else {
    std::sort(rows.begin(), rows.end(), [](const DayRow& l, const DayRow& r) {
      return l.customer_id != r.customer_id ? l.customer_id < r.customer_id : l.day < r.day;
    });
  }
  // Merge rows of one customer-day.
  std::size_t w = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (w > 0 && rows[w - 1].customer_id == rows[i].customer_id && rows[w - 1].day == rows[i].day) {
      rows[w - 1].revenue += rows[i].revenue;
      rows[w - 1].purchase = rows[w - 1].purchase || rows[i].purchase;
    } else {
      rows[w++] = rows[i];
    }
  }
  rows.resize(w);

  const double days_per_unit = DaysPerUnit(options.unit);
  CohortSummary out;
  out.unit = options.unit;
  out.holdout_length = static_cast<double>(end_day - cal_day) / days_per_unit;
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t j = i;
    while (j < rows.size() && rows[j].customer_id == rows[i].customer_id) ++j;
    CustomerSummary s;
    s.customer_id = rows[i].customer_id;
    bool has_first = false;
    std::int64_t first_day = 0;
    std::int64_t last_day = 0;
    double repeat_revenue = 0.0;
    double holdout_revenue = 0.0;
    for (std::size_t k = i; k < j; ++k) {
      if (!rows[k].purchase) continue;
      if (!has_first) {
        if (rows[k].day > cal_day) break;  // first purchase after calibration: not in cohort
        has_first = true;
        first_day = rows[k].day;
        last_day = first_day;
      } else if (rows[k].day <= cal_day) {
        s.frequency += 1.0;
        repeat_revenue += rows[k].revenue;
        last_day = rows[k].day;
      } else {
        s.holdout_frequency += 1.0;
        holdout_revenue += rows[k].revenue;
      }
    }
    if (has_first) {
      s.recency = static_cast<double>(last_day - first_day) / days_per_unit;
      s.age = static_cast<double>(cal_day - first_day) / days_per_unit;
      s.monetary_value = s.frequency > 0 ? repeat_revenue / s.frequency : 0.0;
      s.holdout_monetary_value =
          s.holdout_frequency > 0 ? holdout_revenue / s.holdout_frequency : 0.0;
      s.first_purchase = first_day * kMillisPerDay;
      out.customers.push_back(s);
    }
    i = j;
  }
  if (out.customers.empty()) {
    return Fail(Error::InvalidArgument("no customer purchased on or before the calibration end"));
  }
  return out;
}

}  // namespace chaincrm::analytics
