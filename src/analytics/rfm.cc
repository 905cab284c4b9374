#include "analytics/rfm.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "analytics/customer_index.h"

namespace chaincrm::analytics {
namespace {

std::int64_t DayOf(Millis t) {
  return t / kMillisPerDay - ((t % kMillisPerDay != 0) && (t < 0) ? 1 : 0);
}

struct Accumulator {
  std::vector<std::int64_t> purchase_days;
  double revenue = 0.0;
};

}  // namespace

std::vector<int> QuintileScores(std::span<const double> values, bool higher_is_better) {
  const std::size_t n = values.size();
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  // Worst first.
  std::sort(order.begin(), order.end(), [&](std::size_t l, std::size_t r) {
    return higher_is_better ? values[l] < values[r] : values[l] > values[r];
  });
  std::vector<int> scores(n, 0);
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j < n && values[order[j]] == values[order[i]]) ++j;
    const double u =
        (static_cast<double>(i) + 0.5 * static_cast<double>(j - i)) / static_cast<double>(n);
    const int score = std::min(5, 1 + static_cast<int>(std::floor(5.0 * u)));
    for (std::size_t k = i; k < j; ++k) scores[order[k]] = score;
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
  std::vector<Accumulator> by_customer(index.size());
  for (const Transaction& t : transactions) {
    if (!std::isfinite(t.revenue)) {
      return Fail(Error::InvalidArgument("transaction of customer " +
                                         std::to_string(t.customer_id) + " has no finite revenue"));
    }
    Accumulator& acc = by_customer[index.Position(t.customer_id)];
    const std::int64_t day = DayOf(t.at);
    if (day > ref_day || day < start_day) continue;
    acc.revenue += t.revenue;
    if (t.revenue >= 0) acc.purchase_days.push_back(day);
  }
  if (by_customer.empty()) return Fail(Error::InvalidArgument("no customers to score"));

  std::vector<RfmScore> out;
  out.reserve(by_customer.size());
  std::vector<double> recency, frequency, monetary;
  std::vector<std::size_t> scored;
  for (std::size_t position = 0; position < by_customer.size(); ++position) {
    Accumulator& acc = by_customer[position];
    RfmScore s;
    s.customer_id = index.id(position);
    std::sort(acc.purchase_days.begin(), acc.purchase_days.end());
    acc.purchase_days.erase(std::unique(acc.purchase_days.begin(), acc.purchase_days.end()),
                            acc.purchase_days.end());
    s.frequency = static_cast<int>(acc.purchase_days.size());
    s.monetary = acc.revenue;
    if (s.frequency > 0) {
      s.recency_days = ref_day - acc.purchase_days.back();
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
