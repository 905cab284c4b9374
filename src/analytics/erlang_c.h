#pragma once
// Erlang C (M/M/N queue): probability of waiting, service level, average speed of answer
// and occupancy for N agents, and the fewest agents meeting a service-level target.
// Computed through the Erlang B recursion, so it stays finite for thousands of erlangs.

#include "core/result.h"

namespace chaincrm::analytics {

struct ErlangInput {
  double calls_per_hour = 0.0;   // arrival rate
  double aht_seconds = 0.0;      // average handle time
  double target_seconds = 20.0;  // answer within this many seconds...
  double target_level = 0.8;     // ...for this share of calls
};

struct ErlangResult {
  int agents = 0;
  double traffic_erlangs = 0.0;          // A = calls per second x AHT
  double probability_wait = 0.0;         // C(N, A)
  double service_level = 0.0;            // P(wait <= target) = 1 - C e^{-(N-A) t / AHT}
  double average_speed_of_answer = 0.0;  // seconds: C AHT / (N - A)
  double occupancy = 0.0;                // A / N
};

/// Erlang B blocking probability for n servers and A erlangs (iterative recursion).
double ErlangB(int servers, double traffic);
/// Erlang C probability that a call waits; 1 when servers <= traffic.
double ErlangC(int servers, double traffic);

/// The queue's figures with exactly `agents` agents. InvalidArgument on bad input.
Result<ErlangResult> EvaluateStaffing(const ErlangInput& in, int agents);

/// The fewest agents whose service level reaches the target (at least one agent; zero
/// calls need zero agents). InvalidArgument (with field names) on bad input.
Result<ErlangResult> RequiredAgents(const ErlangInput& in);

}  // namespace chaincrm::analytics
