#include "analytics/history_groups.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "analytics/repeat_purchase_model.h"

namespace chaincrm::analytics {
namespace {

/// Interns the values of one column: distinct values in first-seen order and, per customer,
/// the index of its value. Real cohorts have few distinct values per column (day
/// resolution), so the hash map stays small and this is one cheap pass.
struct Column {
  std::vector<double> values;
  std::vector<std::uint32_t> index;
};

/// Renumbers a column so that its distinct values are ascending (deterministic order).
void SortColumn(Column& c, std::vector<double>& sorted_out) {
  std::vector<std::uint32_t> order(c.values.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t l, std::uint32_t r) { return c.values[l] < c.values[r]; });
  std::vector<std::uint32_t> rank(order.size());
  sorted_out.resize(order.size());
  for (std::uint32_t k = 0; k < order.size(); ++k) {
    rank[order[k]] = k;
    sorted_out[k] = c.values[order[k]];
  }
  for (std::uint32_t& i : c.index) i = rank[i];
}

constexpr int kIndexBits = 21;  // up to 2M distinct values per column

}  // namespace

Result<HistoryGroups> GroupHistories(std::span<const CustomerSummary> customers) {
  if (customers.empty()) return Fail(Error::InvalidArgument("the cohort has no customers"));
  if (customers.size() >= (std::size_t{1} << kIndexBits)) {
    return Fail(Error::InvalidArgument("cohorts are limited to 2 million customers per fit"));
  }
  Column cols[3];
  std::unordered_map<double, std::uint32_t> maps[3];
  for (auto& c : cols) c.index.reserve(customers.size());
  for (const CustomerSummary& c : customers) {
    RETURN_IF_ERROR(ValidateHistory(c.frequency, c.recency, c.age));
    const double v[3] = {c.frequency, c.recency, c.age};
    for (int k = 0; k < 3; ++k) {
      const double key = v[k] == 0 ? 0.0 : v[k];  // -0.0 and 0.0 are one value
      auto [it, inserted] =
          maps[k].try_emplace(key, static_cast<std::uint32_t>(cols[k].values.size()));
      if (inserted) cols[k].values.push_back(key);
      cols[k].index.push_back(it->second);
    }
  }
  HistoryGroups g;
  SortColumn(cols[0], g.xs);
  SortColumn(cols[1], g.recencies);
  SortColumn(cols[2], g.ages);
  // (key, customer) pairs sorted by key: one pass then numbers the groups in ascending key
  // order and tells each customer its group, without a search per customer.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keys(customers.size());
  for (std::size_t i = 0; i < customers.size(); ++i) {
    keys[i] = {(static_cast<std::uint64_t>(cols[0].index[i]) << (2 * kIndexBits)) |
                   (static_cast<std::uint64_t>(cols[1].index[i]) << kIndexBits) | cols[2].index[i],
               static_cast<std::uint32_t>(i)};
  }
  std::sort(keys.begin(), keys.end());
  constexpr std::uint64_t kMask = (std::uint64_t{1} << kIndexBits) - 1;
  g.group_of.resize(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::uint64_t key = keys[i].first;
    if (i == 0 || key != keys[i - 1].first) {
      g.x_index.push_back(static_cast<std::uint32_t>(key >> (2 * kIndexBits)));
      g.recency_index.push_back(static_cast<std::uint32_t>((key >> kIndexBits) & kMask));
      g.age_index.push_back(static_cast<std::uint32_t>(key & kMask));
      g.weight.push_back(1.0);
    } else {
      g.weight.back() += 1.0;
    }
    g.group_of[keys[i].second] = static_cast<std::uint32_t>(g.weight.size() - 1);
  }
  g.customers = static_cast<double>(customers.size());
  return g;
}

}  // namespace chaincrm::analytics
