#include "services/user_ref.h"

namespace chaincrm::services {

Result<bool> UserExists(store::Tx& tx, std::int64_t user_id) {
  ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id FROM users WHERE id = ?", {user_id}));
  return !rows.empty();
}

}  // namespace chaincrm::services
