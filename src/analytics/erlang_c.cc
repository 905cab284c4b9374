#include "analytics/erlang_c.h"

#include <cmath>
#include <string>
#include <vector>

namespace chaincrm::analytics {

namespace {

Status Validate(const ErlangInput& in) {
  std::vector<FieldError> errors;
  const auto check = [&](bool ok, const char* field, const char* message) {
    if (!ok) errors.push_back({field, message});
  };
  check(std::isfinite(in.calls_per_hour) && in.calls_per_hour >= 0 && in.calls_per_hour <= 1e6,
        "calls_per_hour", "must be a number from 0 to 1000000");
  check(std::isfinite(in.aht_seconds) && in.aht_seconds > 0 && in.aht_seconds <= 86400,
        "aht_seconds", "must be greater than 0 and at most 86400");
  check(std::isfinite(in.target_seconds) && in.target_seconds >= 0 && in.target_seconds <= 86400,
        "target_seconds", "must be from 0 to 86400");
  check(std::isfinite(in.target_level) && in.target_level > 0 && in.target_level < 1,
        "target_level", "must be strictly between 0 and 1");
  if (!errors.empty())
    return Fail(Error::InvalidArgument("invalid staffing input", std::move(errors)));
  return Ok();
}

constexpr double kMaxTraffic = 100'000;

double Traffic(const ErlangInput& in) { return in.calls_per_hour / 3600.0 * in.aht_seconds; }

}  // namespace

double ErlangB(int servers, double traffic) {
  double b = 1.0;
  for (int n = 1; n <= servers; ++n) b = traffic * b / (n + traffic * b);
  return b;
}

double ErlangC(int servers, double traffic) {
  if (traffic <= 0) return 0.0;
  const double n = servers;
  if (n <= traffic) return 1.0;
  const double b = ErlangB(servers, traffic);
  return n * b / (n - traffic * (1.0 - b));
}

Result<ErlangResult> EvaluateStaffing(const ErlangInput& in, int agents) {
  RETURN_IF_ERROR(Validate(in));
  if (agents < 0) return Fail(Error::InvalidArgument("agents must not be negative"));
  ErlangResult r;
  r.agents = agents;
  r.traffic_erlangs = Traffic(in);
  if (r.traffic_erlangs <= 0) {
    r.service_level = 1.0;
    return r;
  }
  const double n = agents;
  r.probability_wait = ErlangC(agents, r.traffic_erlangs);
  r.occupancy = agents > 0 ? std::min(1.0, r.traffic_erlangs / n) : 1.0;
  if (n <= r.traffic_erlangs) {  // unstable queue: the wait grows without bound
    r.service_level = 0.0;
    r.average_speed_of_answer = HUGE_VAL;
    return r;
  }
  const double spare = n - r.traffic_erlangs;
  r.service_level =
      1.0 - r.probability_wait * std::exp(-spare * in.target_seconds / in.aht_seconds);
  r.average_speed_of_answer = r.probability_wait * in.aht_seconds / spare;
  return r;
}

Result<ErlangResult> RequiredAgents(const ErlangInput& in) {
  RETURN_IF_ERROR(Validate(in));
  const double a = Traffic(in);
  if (a <= 0) return EvaluateStaffing(in, 0);
  if (a > kMaxTraffic) {
    return Fail(Error::InvalidArgument(
        "the traffic (calls per hour x AHT) is above 100000 erlangs",
        {{"calls_per_hour", "calls_per_hour x aht_seconds / 3600 must be at most 100000"}}));
  }
  // Walk N up from floor(A) + 1, extending the Erlang B recursion one step at a time.
  // Past A + 10 sqrt(A) + 200 agents any target below 1 is met; the loop is bounded by that.
  const int start = static_cast<int>(std::floor(a)) + 1;
  const int limit = start + static_cast<int>(10 * std::sqrt(a)) + 200;
  double b = ErlangB(start - 1, a);
  for (int n = start; n <= limit; ++n) {
    b = a * b / (n + a * b);
    const double c = n * b / (n - a * (1.0 - b));
    const double level = 1.0 - c * std::exp(-(n - a) * in.target_seconds / in.aht_seconds);
    if (level >= in.target_level) return EvaluateStaffing(in, n);
  }
  return Fail(Error::InvalidArgument("target_level cannot be met: it is too close to 1",
                                     {{"target_level", "cannot be met"}}));
}

}  // namespace chaincrm::analytics
