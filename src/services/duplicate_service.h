#pragma once
// Duplicate candidates: a scan that stores scored pairs (blocking keys, no all-pairs
// comparison), the reviewable list, dismissals, and the check made when a customer is
// created over HTTP. Scoring: domain/similarity.h; docs/ORGANISE.md.

#include <boost/json.hpp>
#include <cstdint>
#include <string>

#include "services/actor.h"

namespace chaincrm::services {

/// Recomputes the stored pairs (dismissed pairs stay out). Returns counts and timing.
Result<boost::json::object> ScanDuplicates(const Env& env, const Actor& actor);

struct DuplicateListQuery {
  std::string cursor;
  int limit = 50;
  std::optional<std::int64_t> customer_id;  // only pairs with this customer
};
/// Pairs by score (highest first). Runs a scan first when none has run yet.
Result<boost::json::object> ListDuplicates(const Env& env, const Actor& actor,
                                           const DuplicateListQuery& q);
/// Dismisses a pair: it is removed and never proposed again.
Result<boost::json::object> DismissDuplicate(const Env& env, const Actor& actor,
                                             std::int64_t pair_id);
/// Customers that the customer described by `body` (a create request) would likely
/// duplicate, best first (at most 10); empty when none or when the body is not valid
/// (the create itself then reports the errors).
Result<boost::json::array> LikelyDuplicates(const Env& env, const Actor& actor,
                                            const boost::json::object& body);

}  // namespace chaincrm::services
