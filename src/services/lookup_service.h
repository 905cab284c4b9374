#pragma once
// Screen pop: find customers in one step by phone (any formatting), email, external
// id, product serial, tax id, or by name (folded, by any part, Chinese included).

#include <boost/json.hpp>
#include <string_view>

#include "services/actor.h"

namespace chaincrm::services {

/// {data: [{id, name, kind, status, matched_by, matched_value}]}, best matches first,
/// at most `limit`. Portal users only ever see their own customer.
Result<boost::json::object> Lookup(const Env& env, const Actor& actor, std::string_view q,
                                   int limit = 20);

}  // namespace chaincrm::services
