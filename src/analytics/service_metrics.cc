#include "analytics/service_metrics.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace chaincrm::analytics {

std::optional<double> NearestRankPercentile(std::vector<double> values, double p) {
  if (values.empty() || !(p > 0) || p > 100) return std::nullopt;
  std::sort(values.begin(), values.end());
  const double n = static_cast<double>(values.size());
  auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * n - 1e-9));
  rank = std::clamp<std::size_t>(rank, 1, values.size());
  return values[rank - 1];
}

std::optional<double> Mean(const std::vector<double>& values) {
  if (values.empty()) return std::nullopt;
  double sum = 0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

std::vector<bool> FirstContactResolved(const std::vector<CaseTimes>& cases, Millis window) {
  std::map<std::int64_t, std::vector<const CaseTimes*>> by_customer;
  for (const auto& c : cases) by_customer[c.customer_id].push_back(&c);
  std::vector<bool> out;
  out.reserve(cases.size());
  for (const auto& c : cases) {
    bool fcr = c.resolved_at.has_value() && c.reopen_count == 0;
    if (fcr) {
      for (const CaseTimes* other : by_customer[c.customer_id]) {
        if (other->id == c.id) continue;
        if (other->created_at > *c.resolved_at && other->created_at <= *c.resolved_at + window) {
          fcr = false;
          break;
        }
      }
    }
    out.push_back(fcr);
  }
  return out;
}

std::string_view BacklogBucket(Millis age) {
  constexpr Millis kDay = kMillisPerDay;
  if (age < kDay) return "lt_1d";
  if (age < 3 * kDay) return "1_3d";
  if (age < 7 * kDay) return "3_7d";
  if (age < 30 * kDay) return "7_30d";
  return "gt_30d";
}

const std::vector<std::string_view>& BacklogBuckets() {
  static const std::vector<std::string_view> kBuckets = {"lt_1d", "1_3d", "3_7d", "7_30d",
                                                         "gt_30d"};
  return kBuckets;
}

}  // namespace chaincrm::analytics
