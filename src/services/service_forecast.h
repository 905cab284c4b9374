#pragma once
// Forecast of contact volume per hour of the week (cases by created_at or calls by
// occurred_at) with additive Holt-Winters (period 168 h), accuracy on the last week held
// out, and the agents needed each hour by Erlang C for a service-level target.

#include <boost/json.hpp>
#include <functional>
#include <string>
#include <string_view>

#include "services/actor.h"

namespace chaincrm::services {

struct ForecastParams {
  std::string source = "cases";  // cases | calls
  int weeks = 4;                 // forecast horizon, 1..12 weeks
  int history_weeks = 12;        // at most this many past weeks are used, 3..104
  double target_level = 0.8;
  double target_seconds = 20;
  double aht_seconds = 300;
};

/// Parses the query-string values (empty = default); InvalidArgument (400: no field list,
/// the message names the parameter) on bad values.
Result<ForecastParams> ParseForecastParams(
    const std::function<std::string(std::string_view)>& query);

/// {"source", "generated_at", "parameters", "history", "model", "accuracy", "weeks": [{"start",
/// "total_volume", "peak_agents", "hours": [168 x {"start", "hour_of_week", "volume", "agents",
/// "service_level", "occupancy"}]}], "warnings"}. With fewer than three weeks of history the
/// forecast is the mean of each hour of the week (method "seasonal_mean", no accuracy).
/// `progress(done, total)` is called as the steps complete (may be null).
Result<boost::json::object> ForecastServiceLoad(
    const Env& env, const ForecastParams& p,
    const std::function<void(int, int)>& progress = nullptr);

}  // namespace chaincrm::services
