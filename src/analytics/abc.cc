#include "analytics/abc.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace chaincrm::analytics {

std::string_view AbcClassName(AbcClass c) {
  switch (c) {
    case AbcClass::kA:
      return "A";
    case AbcClass::kB:
      return "B";
    case AbcClass::kC:
      return "C";
  }
  return "C";
}

Result<AbcResult> ClassifyAbc(std::span<const CustomerValue> values, const AbcOptions& options) {
  if (values.empty()) return Fail(Error::InvalidArgument("no customers to classify"));
  if (!(options.a_cutoff > 0) || !(options.a_cutoff <= options.b_cutoff) ||
      !(options.b_cutoff <= 1)) {
    return Fail(Error::InvalidArgument("ABC cut-offs must satisfy 0 < A <= B <= 1"));
  }
  if (options.max_chart_bars < 1) {
    return Fail(Error::InvalidArgument("the Pareto chart needs at least one bar"));
  }
  AbcResult out;
  out.customers.reserve(values.size());
  for (const CustomerValue& v : values) {
    if (!std::isfinite(v.value)) {
      return Fail(Error::InvalidArgument("customer " + std::to_string(v.customer_id) +
                                         " has no finite value"));
    }
    out.customers.push_back({v.customer_id, v.value});
    if (v.value > 0) out.total_positive_value += v.value;
  }
  std::sort(out.customers.begin(), out.customers.end(), [](const AbcEntry& l, const AbcEntry& r) {
    return l.value != r.value ? l.value > r.value : l.customer_id < r.customer_id;
  });
  std::vector<std::int64_t> ids;
  ids.reserve(values.size());
  for (const CustomerValue& v : values) ids.push_back(v.customer_id);
  std::sort(ids.begin(), ids.end());
  if (auto dup = std::adjacent_find(ids.begin(), ids.end()); dup != ids.end()) {
    return Fail(Error::InvalidArgument("customer " + std::to_string(*dup) + " appears twice"));
  }
  const double total = out.total_positive_value;
  double cumulative = 0.0;
  double block_before = 0.0;  // cumulative share before the first customer of a tie block
  for (std::size_t i = 0; i < out.customers.size(); ++i) {
    AbcEntry& e = out.customers[i];
    e.rank = static_cast<int>(i) + 1;
    if (i == 0 || e.value != out.customers[i - 1].value) block_before = cumulative;
    e.share = (e.value > 0 && total > 0) ? e.value / total : 0.0;
    cumulative = std::min(1.0, cumulative + e.share);
    e.cumulative_share = cumulative;
    if (e.value <= 0 || total <= 0) {
      e.abc_class = AbcClass::kC;
    } else if (block_before < options.a_cutoff) {
      e.abc_class = AbcClass::kA;
    } else if (block_before < options.b_cutoff) {
      e.abc_class = AbcClass::kB;
    } else {
      e.abc_class = AbcClass::kC;
    }
    AbcClassTotal& t = out.totals[static_cast<int>(e.abc_class)];
    t.customers += 1;
    t.value += e.value;
    t.share += e.share;
  }
  // Chart: equal-size groups of ranked customers.
  const std::size_t n = out.customers.size();
  const std::size_t bars = std::min(n, static_cast<std::size_t>(options.max_chart_bars));
  for (std::size_t b = 0; b < bars; ++b) {
    const std::size_t first = b * n / bars, last = (b + 1) * n / bars;  // [first, last)
    ParetoBar bar;
    bar.first_rank = static_cast<int>(first) + 1;
    bar.last_rank = static_cast<int>(last);
    for (std::size_t i = first; i < last; ++i) {
      bar.value += out.customers[i].value;
      bar.share += out.customers[i].share;
    }
    bar.cumulative_share = out.customers[last - 1].cumulative_share;
    bar.cumulative_customers = static_cast<double>(last) / static_cast<double>(n);
    out.chart.push_back(bar);
  }
  return out;
}

}  // namespace chaincrm::analytics
