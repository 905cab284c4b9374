#pragma once
// Customer profitability: revenue - product cost - cost to serve, per customer and per
// segment (ABC class, RFM cell, value class: any label the caller supplies).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analytics/rfm_summary.h"
#include "core/result.h"

namespace chaincrm::analytics {

/// Cost to serve, per event. Zero where the data is not there yet.
struct CostToServeRates {
  double per_case = 0.0;      // service case (call, complaint, ticket)
  double per_return = 0.0;    // returned order
  double per_delivery = 0.0;  // delivery / shipment
};

/// What one customer bought and consumed over the period.
struct CustomerActivity {
  std::int64_t customer_id = 0;
  double revenue = 0.0;       // net of returns
  double product_cost = 0.0;  // cost of goods sold
  double cases = 0.0;
  double returns = 0.0;
  double deliveries = 0.0;
};

struct CustomerProfit {
  std::int64_t customer_id = 0;
  double revenue = 0.0;
  double product_cost = 0.0;
  double cost_to_serve = 0.0;
  double profit = 0.0;           // revenue - product_cost - cost_to_serve
  std::optional<double> margin;  // profit / revenue; none when revenue <= 0
};

struct SegmentProfit {
  std::string segment;
  int customers = 0;
  double revenue = 0.0;
  double product_cost = 0.0;
  double cost_to_serve = 0.0;
  double profit = 0.0;
  std::optional<double> margin;           // none when the segment's revenue <= 0
  std::optional<double> share_of_profit;  // of the total profit; none when the total <= 0
};

/// Sums revenue and product cost of the transactions per customer (sorted by id); the
/// event counts are left 0 for the caller to fill. InvalidArgument on non-finite amounts.
Result<std::vector<CustomerActivity>> ActivityFromTransactions(
    std::span<const Transaction> transactions);

/// Profit per customer, in input order. InvalidArgument on negative rates or counts or
/// non-finite amounts.
Result<std::vector<CustomerProfit>> ComputeProfitability(std::span<const CustomerActivity> activity,
                                                         const CostToServeRates& rates);

/// Totals per segment label; `segments[i]` is the label of `profits[i]`. Sorted by label.
/// InvalidArgument if the sizes differ.
Result<std::vector<SegmentProfit>> ProfitBySegment(std::span<const CustomerProfit> profits,
                                                   std::span<const std::string> segments);

}  // namespace chaincrm::analytics
