#pragma once
// SLA sweeps: warn about cases nearing a due time and escalate breached ones exactly once
// per breach (raise the priority one step, reassign to the policy's escalation owner and
// queue, record a notification and a change-log entry). SlaScheduler runs a sweep every
// interval on a background thread inside the server; SweepNow runs one immediately (the
// API uses it with a given `now`, so tests need not sleep).

#include <boost/json.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "services/actor.h"

namespace chaincrm::services {

/// One sweep at `now` as `actor`: {"now", "warnings": [...], "escalations": [...]}. With
/// `only`, just those cases are considered (an operator's targeted sweep; tests).
/// Each case is handled in its own transaction; a case escalated by a concurrent sweep is
/// skipped (the escalation mark is set with a conditional update).
Result<boost::json::object> SweepSla(const Env& env, const Actor& actor, Millis now,
                                     const std::vector<std::int64_t>* only = nullptr);

/// Notifications about a case (or all, newest first): {"data": [{id, user_id, kind, entity,
/// entity_id, message, created_at, read_at}]}.
Result<boost::json::object> ListSlaNotifications(const Env& env,
                                                 std::optional<std::int64_t> case_id, int limit);

class SlaScheduler {
 public:
  /// interval <= 0 disables the background sweeps (SweepNow still works).
  SlaScheduler(Env env, std::chrono::seconds interval);
  ~SlaScheduler();  // stops the thread and joins it
  SlaScheduler(const SlaScheduler&) = delete;
  SlaScheduler& operator=(const SlaScheduler&) = delete;

  /// One sweep now, serialised with the background sweeps.
  Result<boost::json::object> SweepNow(const Actor& actor, Millis now,
                                       const std::vector<std::int64_t>* only = nullptr);

 private:
  void Loop();

  Env env_;
  std::chrono::seconds interval_;
  std::mutex sweep_mu_;  // one sweep at a time
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace chaincrm::services
