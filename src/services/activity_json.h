#pragma once
// JSON mapping of contacts, interactions and purchases (responses and request bodies).

#include <boost/json.hpp>
#include <vector>

#include "domain/activity.h"

namespace chaincrm::services {

boost::json::object ContactToJson(const domain::Contact& c);
boost::json::object InteractionToJson(const domain::Interaction& i);
boost::json::object PurchaseToJson(const domain::Purchase& p);

/// Readers collect field errors (unknown keys included) and validate.
std::vector<FieldError> ContactFromJson(const boost::json::object& o, domain::Contact& c);
std::vector<FieldError> InteractionFromJson(const boost::json::object& o, Millis now,
                                            domain::Interaction& i);
std::vector<FieldError> PurchaseFromJson(const boost::json::object& o, Millis now,
                                         domain::Purchase& p);

}  // namespace chaincrm::services
