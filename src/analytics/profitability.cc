#include "analytics/profitability.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "analytics/customer_index.h"

namespace chaincrm::analytics {

Result<std::vector<CustomerActivity>> ActivityFromTransactions(
    std::span<const Transaction> transactions) {
  const CustomerIndex index = CustomerIndex::Build(transactions);
  std::vector<CustomerActivity> out(index.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i].customer_id = index.id(i);
  for (const Transaction& t : transactions) {
    if (!std::isfinite(t.revenue) || !std::isfinite(t.cost)) {
      return Fail(Error::InvalidArgument(
          "transaction of customer " + std::to_string(t.customer_id) + " has a non-finite amount"));
    }
    CustomerActivity& a = out[index.Position(t.customer_id)];
    a.revenue += t.revenue;
    a.product_cost += t.cost;
  }
  return out;
}

Result<std::vector<CustomerProfit>> ComputeProfitability(std::span<const CustomerActivity> activity,
                                                         const CostToServeRates& rates) {
  for (double r : {rates.per_case, rates.per_return, rates.per_delivery}) {
    if (!std::isfinite(r) || r < 0) {
      return Fail(Error::InvalidArgument("cost-to-serve rates must be finite and >= 0"));
    }
  }
  std::vector<CustomerProfit> out;
  out.reserve(activity.size());
  for (const CustomerActivity& a : activity) {
    for (double v : {a.revenue, a.product_cost, a.cases, a.returns, a.deliveries}) {
      if (!std::isfinite(v)) {
        return Fail(Error::InvalidArgument("customer " + std::to_string(a.customer_id) +
                                           " has a non-finite amount"));
      }
    }
    if (a.cases < 0 || a.returns < 0 || a.deliveries < 0) {
      return Fail(Error::InvalidArgument("customer " + std::to_string(a.customer_id) +
                                         " has a negative event count"));
    }
    CustomerProfit p;
    p.customer_id = a.customer_id;
    p.revenue = a.revenue;
    p.product_cost = a.product_cost;
    p.cost_to_serve =
        a.cases * rates.per_case + a.returns * rates.per_return + a.deliveries * rates.per_delivery;
    p.profit = a.revenue - a.product_cost - p.cost_to_serve;
    if (a.revenue > 0) p.margin = p.profit / a.revenue;
    out.push_back(p);
  }
  return out;
}

Result<std::vector<SegmentProfit>> ProfitBySegment(std::span<const CustomerProfit> profits,
                                                   std::span<const std::string> segments) {
  if (profits.size() != segments.size()) {
    return Fail(Error::InvalidArgument("one segment label per customer is needed"));
  }
  std::map<std::string, SegmentProfit> by_segment;
  double total = 0;
  for (std::size_t i = 0; i < profits.size(); ++i) {
    SegmentProfit& s = by_segment[segments[i]];
    s.segment = segments[i];
    s.customers += 1;
    s.revenue += profits[i].revenue;
    s.product_cost += profits[i].product_cost;
    s.cost_to_serve += profits[i].cost_to_serve;
    s.profit += profits[i].profit;
    total += profits[i].profit;
  }
  std::vector<SegmentProfit> out;
  for (auto& [name, s] : by_segment) {
    if (s.revenue > 0) s.margin = s.profit / s.revenue;
    if (total > 0) s.share_of_profit = s.profit / total;
    out.push_back(s);
  }
  return out;
}

}  // namespace chaincrm::analytics
