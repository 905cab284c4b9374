#pragma once
// Incoming calls and the screen pop: a call is registered with the caller's number,
// matched to a customer by phone, put on that customer's timeline, and answered with
// the customer 360 and the customer's open cases.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "services/actor.h"

namespace chaincrm::services {

struct CallRecord {
  std::string caller_number;
  std::optional<std::string> queue;
  std::optional<std::int64_t> agent_id, customer_id;  // customer_id: the matched customer
  Millis occurred_at = 0;
};

/// Inserts a call and, when matched, its interaction (type "call") on the customer's
/// timeline. Returns the call id.
Result<std::int64_t> InsertCallTx(store::Tx& tx, const CallRecord& call,
                                  std::optional<std::int64_t> created_by, Millis now);

/// Registers a call {caller_number, queue?, agent_id?, occurred_at?}. Returns
/// {call, matched, customer (the 360, or null), open_cases, candidates}: matched when the
/// number belongs to exactly one customer; several customers are returned as candidates.
Result<boost::json::object> RegisterCall(const Env& env, const Actor& actor,
                                         const boost::json::object& body);

}  // namespace chaincrm::services
