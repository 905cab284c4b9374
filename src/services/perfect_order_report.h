#pragma once
// The Perfect Order report: APQC index, SCOR rate and their components, fill rate,
// backorder rate and order cycle time over orders placed in a period, in total and per
// customer, segment (value class of the last value run, "unscored" without one),
// carrier (of the line's last delivery) or month (of the order date).

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "services/actor.h"

namespace chaincrm::services {

struct PerfectOrderQuery {
  std::optional<Millis> from, to;  // order date in [from, to)
  std::string group_by;            // "", customer, segment, carrier, month
  std::optional<std::int64_t> customer_id;
};

/// {"from", "to", "group_by", "total": {...}, "groups": [{"key", ...}]} where each
/// measure object is {"orders", "lines", "on_time", "in_full", "damage_free",
/// "documentation", "poi", "scor", "perfect_orders", "perfect_order_rate", "fill_rate",
/// "backorder_rate", "cycle_time_days"} (rates 0..1, poi and scor 0..100; null rates
/// when nothing was delivered). Portal users see only their own customer.
Result<boost::json::object> PerfectOrderReport(const Env& env, const Actor& actor,
                                               const PerfectOrderQuery& q);

}  // namespace chaincrm::services
