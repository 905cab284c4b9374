#include "analytics/clv_discounted.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "analytics/customer_index.h"

namespace chaincrm::analytics {
namespace {

double Mean(std::span<const double> v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? 0.0 : s / static_cast<double>(v.size());
}

Result<std::vector<double>> Profits(const IntervalHistory& h) {
  if (h.revenue.empty()) {
    return Fail(Error::InvalidArgument("customer " + std::to_string(h.customer_id) +
                                       " has no interval history"));
  }
  if (h.revenue.size() != h.cost.size()) {
    return Fail(Error::InvalidArgument("revenue and cost need one entry per interval"));
  }
  std::vector<double> p(h.revenue.size());
  for (std::size_t i = 0; i < p.size(); ++i) {
    p[i] = h.revenue[i] - h.cost[i];
    if (!std::isfinite(p[i])) {
      return Fail(Error::InvalidArgument("customer " + std::to_string(h.customer_id) +
                                         " has a non-finite amount"));
    }
  }
  return p;
}

std::int64_t DayOf(Millis t) {
  return t / kMillisPerDay - ((t % kMillisPerDay != 0) && (t < 0) ? 1 : 0);
}

/// Index of the calendar interval containing a day (months or quarters since 1970).
std::int64_t IntervalOfDay(std::int64_t day, IntervalKind kind) {
  int y = 0;
  unsigned m = 0, d = 0;
  CivilFromDays(day, y, m, d);
  const std::int64_t month = (static_cast<std::int64_t>(y) - 1970) * 12 + (m - 1);
  if (kind == IntervalKind::kMonth) return month;
  return (month >= 0 ? month : month - 2) / 3;
}

std::int64_t IntervalOf(Millis t, IntervalKind kind) { return IntervalOfDay(DayOf(t), kind); }

/// IntervalOf for the times of one ledger: a table over its range of days (a few hundred or
/// thousand) instead of a civil-date conversion per transaction.
class LedgerIntervals {
 public:
  LedgerIntervals(std::span<const Transaction> transactions, IntervalKind kind) : kind_(kind) {
    if (transactions.empty()) return;
    std::int64_t lo = DayOf(transactions.front().at), hi = lo;
    for (const Transaction& t : transactions) {
      const std::int64_t d = DayOf(t.at);
      lo = std::min(lo, d);
      hi = std::max(hi, d);
    }
    if (hi - lo >= kMaxDays) return;  // a ledger over centuries: convert each time
    first_day_ = lo;
    table_.resize(static_cast<std::size_t>(hi - lo) + 1);
    for (std::size_t k = 0; k < table_.size(); ++k)
      table_[k] = IntervalOfDay(lo + static_cast<std::int64_t>(k), kind);
  }

  std::int64_t Of(Millis t) const {
    const std::int64_t d = DayOf(t);
    const auto k = static_cast<std::uint64_t>(d - first_day_);
    return k < table_.size() ? table_[k] : IntervalOfDay(d, kind_);
  }

 private:
  static constexpr std::int64_t kMaxDays = 1 << 20;
  IntervalKind kind_;
  std::int64_t first_day_ = 0;
  std::vector<std::int64_t> table_;
};

}  // namespace

Result<double> DiscountedProfitSum(std::span<const double> profits, double discount_rate) {
  if (!(discount_rate > -1) || !std::isfinite(discount_rate)) {
    return Fail(Error::InvalidArgument("the discount rate must be > -1"));
  }
  double sum = 0, factor = 1;
  for (double p : profits) {
    if (!std::isfinite(p)) return Fail(Error::InvalidArgument("profits must be finite"));
    factor /= 1 + discount_rate;
    sum += p * factor;
  }
  return sum;
}

Result<double> ExpectedRemainingIntervals(double retention_rate, int cap) {
  if (!(retention_rate >= 0 && retention_rate <= 1)) {
    return Fail(Error::InvalidArgument("the retention rate must be in [0, 1]"));
  }
  if (cap < 0) return Fail(Error::InvalidArgument("the interval cap must be >= 0"));
  if (retention_rate == 1) return static_cast<double>(cap);
  return std::min(static_cast<double>(cap), retention_rate / (1 - retention_rate));
}

Result<std::pair<double, double>> FitLinearTrend(std::span<const double> y) {
  if (y.empty()) return Fail(Error::InvalidArgument("no points to fit a trend to"));
  const double n = static_cast<double>(y.size());
  const double mean_x = (n + 1) / 2, mean_y = Mean(y);
  double sxy = 0, sxx = 0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    const double dx = static_cast<double>(i + 1) - mean_x;
    sxy += dx * (y[i] - mean_y);
    sxx += dx * dx;
  }
  const double slope = sxx > 0 ? sxy / sxx : 0.0;
  return std::make_pair(mean_y - slope * mean_x, slope);
}

namespace {

/// (1 + c)^k and (1 + c)^-k for whole k: from tables filled once for a batch of customers
/// (with the same std::pow calls, so the results are the same), else computed per call.
class Powers {
 public:
  Powers(double base, std::size_t up_to) : base_(base) {
    up_.resize(up_to);
    down_.resize(up_to);
    for (std::size_t k = 0; k < up_to; ++k) {
      up_[k] = std::pow(base, static_cast<double>(k));
      down_[k] = std::pow(base, -static_cast<double>(k));
    }
  }
  double Up(std::size_t k) const {
    return k < up_.size() ? up_[k] : std::pow(base_, static_cast<double>(k));
  }
  double Down(std::size_t k) const {
    return k < down_.size() ? down_[k] : std::pow(base_, -static_cast<double>(k));
  }

 private:
  double base_;
  std::vector<double> up_, down_;
};

Status ValidateOptions(const DiscountedClvOptions& options) {
  const double c = options.discount_rate;
  if (!(c > -1) || !std::isfinite(c)) {
    return Fail(Error::InvalidArgument("the discount rate must be > -1"));
  }
  if (!(options.potential_realisation >= 0 && options.potential_realisation <= 1)) {
    return Fail(Error::InvalidArgument("potential must be >= 0 and realisation in [0, 1]"));
  }
  return Ok();
}

Result<DiscountedClv> Compute(const IntervalHistory& history, const DiscountedClvOptions& options,
                              double m, const Powers& powers) {
  ASSIGN_OR_RETURN(const std::vector<double> profits, Profits(history));
  if (!(history.potential_per_interval >= 0) || !std::isfinite(history.potential_per_interval)) {
    return Fail(Error::InvalidArgument("potential must be >= 0 and realisation in [0, 1]"));
  }
  ASSIGN_OR_RETURN(const auto trend, FitLinearTrend(profits));
  DiscountedClv out;
  out.customer_id = history.customer_id;
  out.trend_intercept = trend.first;
  out.trend_slope = trend.second;
  out.expected_intervals = m;
  const std::size_t n = profits.size();
  for (std::size_t i = 0; i < n; ++i) out.historical_value += profits[i] * powers.Up(n - 1 - i);
  const double gap = history.potential_per_interval * options.potential_realisation;
  const int whole = static_cast<int>(std::floor(m));
  for (int j = 1; j <= whole + 1; ++j) {
    const double weight = j <= whole ? 1.0 : m - whole;
    if (weight <= 0) break;
    const double discount = powers.Down(static_cast<std::size_t>(j));
    const double projected = std::max(
        0.0, trend.first + trend.second * static_cast<double>(n + static_cast<std::size_t>(j)));
    out.future_value += weight * projected * discount;
    out.potential_value += weight * gap * discount;
  }
  out.total = out.historical_value + out.future_value + out.potential_value;
  return out;
}

}  // namespace

Result<DiscountedClv> ComputeDiscountedClv(const IntervalHistory& history,
                                           const DiscountedClvOptions& options) {
  RETURN_IF_ERROR(ValidateOptions(options));
  ASSIGN_OR_RETURN(const double m, ExpectedRemainingIntervals(options.retention_rate,
                                                              options.max_future_intervals));
  return Compute(history, options, m, Powers(1 + options.discount_rate, 0));
}

Result<std::vector<DiscountedClv>> ComputeDiscountedClvs(std::span<const IntervalHistory> histories,
                                                         const DiscountedClvOptions& options) {
  RETURN_IF_ERROR(ValidateOptions(options));
  ASSIGN_OR_RETURN(const double m, ExpectedRemainingIntervals(options.retention_rate,
                                                              options.max_future_intervals));
  std::size_t longest = 0;
  for (const IntervalHistory& h : histories) longest = std::max(longest, h.revenue.size());
  const Powers powers(1 + options.discount_rate,
                      std::max(longest, static_cast<std::size_t>(std::floor(m)) + 2));
  std::vector<DiscountedClv> out;
  out.reserve(histories.size());
  for (const IntervalHistory& h : histories) {
    ASSIGN_OR_RETURN(DiscountedClv d, Compute(h, options, m, powers));
    out.push_back(d);
  }
  return out;
}

Result<std::vector<double>> PeerPotentialGaps(std::span<const IntervalHistory> histories,
                                              std::span<const std::string> peer_groups) {
  if (histories.size() != peer_groups.size()) {
    return Fail(Error::InvalidArgument("one peer group label per customer is needed"));
  }
  std::vector<double> mean(histories.size());
  std::map<std::string, std::vector<double>> by_group;
  for (std::size_t i = 0; i < histories.size(); ++i) {
    ASSIGN_OR_RETURN(const std::vector<double> p, Profits(histories[i]));
    mean[i] = Mean(p);
    by_group[peer_groups[i]].push_back(mean[i]);
  }
  std::map<std::string, double> benchmark;
  for (auto& [group, values] : by_group) {
    std::sort(values.begin(), values.end(), std::greater<>());
    const std::size_t top = std::max<std::size_t>(1, (values.size() + 3) / 4);  // ceil(n/4)
    benchmark[group] = Mean(std::span<const double>(values.data(), top));
  }
  std::vector<double> gaps(histories.size());
  for (std::size_t i = 0; i < histories.size(); ++i) {
    gaps[i] = std::max(0.0, benchmark[peer_groups[i]] - mean[i]);
  }
  return gaps;
}

Result<std::vector<IntervalHistory>> BuildIntervalHistories(
    std::span<const Transaction> transactions, Millis as_of, IntervalKind kind) {
  const std::int64_t current = IntervalOf(as_of, kind);
  // Two passes over the ledger: each customer's first interval, then the sums per interval
  // into the customer's dense [first, current) arrays.
  const CustomerIndex index = CustomerIndex::Build(transactions);
  const LedgerIntervals intervals(transactions, kind);
  std::vector<std::int64_t> first(index.size(), current);
  std::vector<std::uint32_t> position(transactions.size());
  for (std::size_t i = 0; i < transactions.size(); ++i) {
    const Transaction& t = transactions[i];
    if (!std::isfinite(t.revenue) || !std::isfinite(t.cost)) {
      return Fail(Error::InvalidArgument(
          "transaction of customer " + std::to_string(t.customer_id) + " has a non-finite amount"));
    }
    position[i] = static_cast<std::uint32_t>(index.Position(t.customer_id));
    first[position[i]] = std::min(first[position[i]], intervals.Of(t.at));
  }
  std::vector<IntervalHistory> out(index.size());
  for (std::size_t c = 0; c < out.size(); ++c) {
    out[c].customer_id = index.id(c);
    out[c].revenue.assign(static_cast<std::size_t>(current - first[c]), 0.0);
    out[c].cost.assign(static_cast<std::size_t>(current - first[c]), 0.0);
  }
  for (std::size_t i = 0; i < transactions.size(); ++i) {
    const Transaction& t = transactions[i];
    const std::int64_t interval = intervals.Of(t.at);
    if (interval >= current) continue;
    const auto k = static_cast<std::size_t>(interval - first[position[i]]);
    out[position[i]].revenue[k] += t.revenue;
    out[position[i]].cost[k] += t.cost;
  }
  // Customers whose purchases all fall in the current interval have no history.
  std::erase_if(out, [](const IntervalHistory& h) { return h.revenue.empty(); });
  return out;
}

}  // namespace chaincrm::analytics
