#pragma once
// Opening a service case from an order line that failed a Perfect Order component (late,
// short, damaged, wrong documents): one call, the case linked to the order and line.

#include <boost/json/object.hpp>
#include <cstdint>

#include "services/actor.h"
#include "services/case_service.h"

namespace chaincrm::services {

/// Body {order_line_id, priority?, queue?}. Opens an order_delivery_problem case for the
/// order's customer whose subject names the failed components and whose description
/// gives the line's figures. InvalidArgument when the line is not delivered yet or met
/// every component; NotFound for an order the actor may not see.
Result<CaseView> OpenOrderLineCase(const Env& env, const Actor& actor, std::int64_t order_id,
                                   const boost::json::object& body);

}  // namespace chaincrm::services
