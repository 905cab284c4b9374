#pragma once
// Custom fields defined by an admin at run time.

#include <boost/json.hpp>
#include <cstdint>

#include "services/actor.h"

namespace chaincrm::services {

Result<boost::json::object> ListCustomFields(const Env& env, const Actor& actor);
Result<boost::json::object> CreateCustomField(const Env& env, const Actor& actor,
                                              const boost::json::object& body);
/// Only label, required and allowed_values may change (key and type are fixed).
Result<boost::json::object> PatchCustomField(const Env& env, const Actor& actor, std::int64_t id,
                                             const boost::json::object& patch);
Status DeleteCustomField(const Env& env, const Actor& actor, std::int64_t id);

}  // namespace chaincrm::services
