#include "analytics/perfect_order.h"

#include <algorithm>
#include <map>

namespace chaincrm::analytics {

LineOutcome EvaluateLine(const LineDelivery& l) {
  LineOutcome o;
  if (!l.last_delivered_at) return o;
  // Day granularity: any time on the promised date is on time.
  o.on_time = *l.last_delivered_at < l.promised_at + kMillisPerDay;
  o.in_full = l.first_delivery_quantity >= l.ordered_quantity;
  o.damage_free = !l.damaged;
  o.documentation = l.documents_ok;
  return o;
}

Result<PerfectOrderSummary> SummarizePerfectOrder(const std::vector<LineDelivery>& lines) {
  PerfectOrderSummary s;
  struct OrderAcc {
    bool perfect = true, complete = true;
    Millis ordered_at = 0, last = 0;
  };
  std::map<std::int64_t, OrderAcc> orders;
  std::int64_t ordered_qty = 0, first_qty = 0, short_lines = 0;
  for (const auto& l : lines) {
    if (!l.last_delivered_at) continue;
    const LineOutcome o = EvaluateLine(l);
    ++s.lines;
    s.on_time_lines += o.on_time;
    s.in_full_lines += o.in_full;
    s.damage_free_lines += o.damage_free;
    s.documentation_lines += o.documentation;
    s.perfect_lines += o.Perfect();
    ordered_qty += l.ordered_quantity;
    first_qty += std::min(l.first_delivery_quantity, l.ordered_quantity);
    short_lines += l.delivered_quantity < l.ordered_quantity;
    auto& acc = orders[l.order_id];
    acc.perfect = acc.perfect && o.Perfect();
    acc.complete = acc.complete && l.delivered_quantity >= l.ordered_quantity;
    acc.ordered_at = l.ordered_at;
    acc.last = std::max(acc.last, *l.last_delivered_at);
  }
  // An undelivered line leaves its order incomplete (no cycle time yet).
  for (const auto& l : lines)
    if (!l.last_delivered_at)
      if (auto it = orders.find(l.order_id); it != orders.end()) it->second.complete = false;
  if (s.lines == 0)
    return Fail(Error::InvalidArgument("no delivered order lines in the selection"));
  const double n = static_cast<double>(s.lines);
  s.on_time = static_cast<double>(s.on_time_lines) / n;
  s.in_full = static_cast<double>(s.in_full_lines) / n;
  s.damage_free = static_cast<double>(s.damage_free_lines) / n;
  s.documentation = static_cast<double>(s.documentation_lines) / n;
  s.poi = s.on_time * s.in_full * s.damage_free * s.documentation * 100.0;
  s.scor = static_cast<double>(s.perfect_lines) / n * 100.0;
  s.fill_rate =
      ordered_qty > 0 ? static_cast<double>(first_qty) / static_cast<double>(ordered_qty) : 0.0;
  s.backorder_rate = static_cast<double>(short_lines) / n;
  s.orders = static_cast<std::int64_t>(orders.size());
  double cycle_sum = 0;
  std::int64_t complete = 0;
  for (const auto& [id, acc] : orders) {
    s.perfect_orders += acc.perfect;
    if (acc.complete) {
      cycle_sum +=
          static_cast<double>(acc.last - acc.ordered_at) / static_cast<double>(kMillisPerDay);
      ++complete;
    }
  }
  s.perfect_order_rate =
      static_cast<double>(s.perfect_orders) / static_cast<double>(s.orders) * 100.0;
  if (complete > 0) s.cycle_time_days = cycle_sum / static_cast<double>(complete);
  return s;
}

}  // namespace chaincrm::analytics
