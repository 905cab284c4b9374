#include "analytics/rfm.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "analytics/customer_index.h"

namespace chaincrm::analytics {
namespace {

std::int64_t DayOf(Millis t) {
  return t / kMillisPerDay - ((t % kMillisPerDay != 0) && (t < 0) ? 1 : 0);
}

}  // namespace

std::vector<int> QuintileScores(std::span<const double> values, bool higher_is_better) {
  const std::size_t n = values.size();
  // Worst first. (value, index) pairs sort faster than indices compared through the values;
  // the order among equal values does not matter, as ties share a score.
  std::vector<std::pair<double, std::size_t>> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = {values[i], i};
  std::sort(order.begin(), order.end(), [&](const auto& l, const auto& r) {
    return higher_is_better ? l.first < r.first : l.first > r.first;
  });
  std::vector<int> scores(n, 0);
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j < n && order[j].first == order[i].first) ++j;
    const double u =
        (static_cast<double>(i) + 0.5 * static_cast<double>(j - i)) / static_cast<double>(n);
    const int score = std::min(5, 1 + static_cast<int>(std::floor(5.0 * u)));
    for (std::size_t k = i; k < j; ++k) scores[order[k].second] = score;
    i = j;
  }
  return scores;
}

Result<std::vector<RfmScore>> ComputeRfm(std::span<const Transaction> transactions,
                                         std::span<const std::int64_t> customer_ids,
                                         const RfmOptions& options) {
  const std::int64_t ref_day = DayOf(options.reference_date);
  const std::int64_t start_day = options.window_start ? DayOf(*options.window_start)
                                                      : std::numeric_limits<std::int64_t>::min();
  if (start_day > ref_day) {
    return Fail(Error::InvalidArgument("the RFM window starts after the reference date"));
  }
  const CustomerIndex index = CustomerIndex::Build(transactions, customer_ids);
  if (index.size() == 0) return Fail(Error::InvalidArgument("no customers to score"));
  // Two passes, no allocation per customer: revenue and the number of purchase days per
  // customer, then every customer's days in one array (slice start[p] .. start[p + 1]).
  std::vector<double> revenue(index.size(), 0.0);
  std::vector<std::size_t> start(index.size() + 1, 0);
  for (const Transaction& t : transactions) {
    if (!std::isfinite(t.revenue)) {
      return Fail(Error::InvalidArgument("transaction of customer " +
                                         std::to_string(t.customer_id) + " has no finite revenue"));
    }
    const std::int64_t day = DayOf(t.at);
    if (day > ref_day || day < start_day) continue;
    const std::size_t p = index.Position(t.customer_id);
    revenue[p] += t.revenue;
    if (t.revenue >= 0) ++start[p + 1];
  }
  for (std::size_t p = 1; p < start.size(); ++p) start[p] += start[p - 1];
  std::vector<std::int64_t> days(start.back());
  {
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (const Transaction& t : transactions) {
      const std::int64_t day = DayOf(t.at);
      if (day > ref_day || day < start_day || !(t.revenue >= 0)) continue;
      days[next[index.Position(t.customer_id)]++] = day;
    }
  }

  std::vector<RfmScore> out;
  out.reserve(index.size());
  std::vector<double> recency, frequency, monetary;
  std::vector<std::size_t> scored;
  for (std::size_t position = 0; position < index.size(); ++position) {
    RfmScore s;
    s.customer_id = index.id(position);
    const auto first = days.begin() + static_cast<std::ptrdiff_t>(start[position]);
    auto last = days.begin() + static_cast<std::ptrdiff_t>(start[position + 1]);
    std::sort(first, last);
    last = std::unique(first, last);
    s.frequency = static_cast<int>(last - first);
    s.monetary = revenue[position];
    if (s.frequency > 0) {
      s.recency_days = ref_day - *(last - 1);
      if (options.monetary == MonetaryMeasure::kMeanPerPurchase) s.monetary /= s.frequency;
      scored.push_back(out.size());
      recency.push_back(static_cast<double>(*s.recency_days));
      frequency.push_back(s.frequency);
      monetary.push_back(s.monetary);
    }
    s.cell = "000";
    out.push_back(std::move(s));
  }
  const std::vector<int> r = QuintileScores(recency, /*higher_is_better=*/false);
  const std::vector<int> f = QuintileScores(frequency, true);
  const std::vector<int> m = QuintileScores(monetary, true);
  for (std::size_t k = 0; k < scored.size(); ++k) {
    RfmScore& s = out[scored[k]];
    s.r_score = r[k];
    s.f_score = f[k];
    s.m_score = m[k];
    s.cell = {static_cast<char>('0' + r[k]), static_cast<char>('0' + f[k]),
              static_cast<char>('0' + m[k])};
  }
  return out;
}

}  // namespace chaincrm::analytics
