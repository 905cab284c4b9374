#pragma once
// Service metrics over cases opened in a window: volume, first-response and resolution
// times (mean and nearest-rank 90th percentile, hours), first-contact resolution, SLA
// attainment, backlog age and agent productivity (analytics/service_metrics.h).

#include <boost/json.hpp>
#include <optional>
#include <string>

#include "services/actor.h"

namespace chaincrm::services {

struct ServiceMetricsQuery {
  std::optional<Millis> from, to;    // cases created in [from, to); default the last 30 days
  std::string group_by;              // "" | category | channel | queue | month | agent
  int fcr_days = 7;                  // follow-up window of first-contact resolution
  std::optional<std::string> queue;  // only this queue
};

/// {from, to, group_by, fcr_days, overall: {...}, groups: [{key, ...}], backlog: {...},
///  agents: [{user_id, email, resolved, notes}]}. InvalidArgument on a bad group_by.
Result<boost::json::object> ServiceMetrics(const Env& env, const Actor& actor,
                                           const ServiceMetricsQuery& q);

}  // namespace chaincrm::services
