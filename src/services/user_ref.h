#pragma once
// Checks a reference to a user (owner, assignee) before it is stored.

#include <cstdint>

#include "store/database.h"

namespace chaincrm::services {

/// True when the user exists (owner and assignee fields report a 422 when not).
Result<bool> UserExists(store::Tx& tx, std::int64_t user_id);

}  // namespace chaincrm::services
