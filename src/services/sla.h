#pragma once
// Service-level agreements on cases: due times in business hours, pause while pending
// customer, attainment. The case service calls these hooks inside the transaction of the
// change that triggers them; the SLA scheduler (escalation) runs in the server.

#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/time.h"
#include "store/database.h"

namespace chaincrm::services {

/// What the SLA needs to know about a new case.
struct CaseSlaFacts {
  std::int64_t case_id = 0;
  std::int64_t customer_id = 0;
  std::string priority;  // low | normal | high | urgent
  Millis opened_at = 0;
};

/// In the transaction that creates a case: picks the policy (customer tier × priority)
/// and stores the first-response and resolution due times.
Status StartCaseSla(store::Tx& tx, const CaseSlaFacts& facts);

/// In the transaction of every status change `from` → `to` at `at`: pauses the clock on
/// entering pending_customer, resumes (moving the due times) on leaving it, records
/// resolution attainment on resolved, clears it again on reopen.
Status OnCaseStatusChange(store::Tx& tx, std::int64_t case_id, std::string_view from,
                          std::string_view to, Millis at);

/// In the transaction of the first staff reply visible to the customer.
Status OnCaseFirstResponse(store::Tx& tx, std::int64_t case_id, Millis at);

/// In the transaction of a priority change (by a user or by escalation): recomputes the
/// due times under the new priority's targets.
Status OnCasePriorityChange(store::Tx& tx, std::int64_t case_id, std::string_view priority,
                            Millis at);

/// The case's SLA state for its JSON: {"policy", "first_response_due", "resolution_due",
/// "paused", "first_response_met", "resolution_met", "breached"...}; empty when none.
Result<boost::json::object> CaseSlaJson(store::Tx& tx, std::int64_t case_id);

}  // namespace chaincrm::services
