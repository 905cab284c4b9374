#pragma once
// Helpers shared by the pipeline and receivables use cases: the change-log row of a write,
// the owner lookup behind scope checks, and id-keyset list paging.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "services/actor.h"

namespace chaincrm::services {

/// Appends one change-log row for `entity` `id` of `customer_id` (before "" on create).
Status LogRecord(store::Tx& tx, const Env& env, const Actor& actor, const std::string& entity,
                 std::int64_t id, std::optional<std::int64_t> customer_id, const std::string& op,
                 const std::string& before, const boost::json::object& after);

/// NotFound when the customer does not exist; otherwise checks `actor` may do `action`
/// on `resource` records of that customer (scope kSelf/kAll; kOwn is the caller's).
Status CustomerAccess(store::Tx& tx, const Actor& actor, domain::Resource resource,
                           domain::Action action, std::int64_t customer_id);

/// True when the user exists (owner and assignee fields report a 422 when not).
Result<bool> UserExists(store::Tx& tx, std::int64_t user_id);

/// limit 1..500, or InvalidArgument naming "limit".
Status ValidateLimit(int limit);
/// An id cursor ("" → none); InvalidArgument naming "cursor" when unreadable.
Result<std::optional<std::int64_t>> IdCursor(const std::string& cursor);

}  // namespace chaincrm::services
