#pragma once
// Merging duplicate customers into a survivor, and undoing a merge. Every table that
// references customers is walked through store/customer_links.h.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <vector>

#include "services/actor.h"

namespace chaincrm::services {

/// Merges `merge_ids` into `survivor_id` in one transaction: the survivor keeps its own
/// fields and gains the others' emails, phones, addresses, external ids, serials, tags
/// and custom values it lacks; every linked row (contacts, interactions, purchases, ...)
/// moves to it; the merged customers' scores are dropped; the survivor's ledger
/// aggregates are recomputed; the merged customers get status "merged".
Result<boost::json::object> MergeCustomers(const Env& env, const Actor& actor,
                                           std::int64_t survivor_id,
                                           const std::vector<std::int64_t>& merge_ids);
/// Reverses a merge (admins only): moved rows go back, the merged customers are
/// restored as they were, what the survivor gained is removed.
Result<boost::json::object> UndoMerge(const Env& env, const Actor& actor, std::int64_t merge_id);
/// A merge with its undo state.
Result<boost::json::object> GetMerge(const Env& env, const Actor& actor, std::int64_t merge_id);
/// The survivor a merged customer went to (and the merge), if it was merged.
Result<std::optional<std::pair<std::int64_t, std::int64_t>>> MergedInto(const Env& env,
                                                                        std::int64_t customer_id);
/// Recomputes a customer's maintained purchase aggregates from its purchases.
Status RecomputeAggregates(store::Tx& tx, std::int64_t customer_id);

}  // namespace chaincrm::services
