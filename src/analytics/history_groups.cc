#include "analytics/history_groups.h"

#include <algorithm>
#include <array>

#include "analytics/repeat_purchase_model.h"

namespace chaincrm::analytics {
namespace {

std::vector<double> Distinct(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

std::uint32_t IndexOf(const std::vector<double>& sorted, double v) {
  return static_cast<std::uint32_t>(std::lower_bound(sorted.begin(), sorted.end(), v) -
                                    sorted.begin());
}

}  // namespace

Result<HistoryGroups> GroupHistories(std::span<const CustomerSummary> customers) {
  if (customers.empty()) return Fail(Error::InvalidArgument("the cohort has no customers"));
  std::vector<std::array<double, 3>> keys;
  keys.reserve(customers.size());
  for (const CustomerSummary& c : customers) {
    RETURN_IF_ERROR(ValidateHistory(c.frequency, c.recency, c.age));
    keys.push_back({c.frequency, c.recency, c.age});
  }
  std::sort(keys.begin(), keys.end());
  HistoryGroups g;
  std::vector<std::array<double, 3>> unique_keys;
  for (const auto& k : keys) {
    if (!unique_keys.empty() && unique_keys.back() == k) {
      g.weight.back() += 1.0;
    } else {
      unique_keys.push_back(k);
      g.weight.push_back(1.0);
    }
  }
  std::vector<double> xs, rs, as;
  for (const auto& k : unique_keys) {
    xs.push_back(k[0]);
    rs.push_back(k[1]);
    as.push_back(k[2]);
  }
  g.xs = Distinct(xs);
  g.recencies = Distinct(rs);
  g.ages = Distinct(as);
  for (const auto& k : unique_keys) {
    g.x_index.push_back(IndexOf(g.xs, k[0]));
    g.recency_index.push_back(IndexOf(g.recencies, k[1]));
    g.age_index.push_back(IndexOf(g.ages, k[2]));
  }
  g.customers = static_cast<double>(customers.size());
  return g;
}

}  // namespace chaincrm::analytics
