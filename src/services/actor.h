#pragma once
// Who is acting: the authenticated user (or the CLI/system), carried into every use case
// so that scopes are enforced and the change log names the actor.

#include <cstdint>
#include <optional>
#include <string>

#include "core/time.h"
#include "domain/permission.h"
#include "store/database.h"

namespace chaincrm::services {

struct Actor {
  std::int64_t user_id = 0;  // 0 for the CLI / system
  std::string email;
  domain::Role role = domain::Role::kAdmin;
  std::optional<std::int64_t> customer_id;  // portal users
  std::string request_id;

  /// "user:12 admin@x" or "system".
  std::string Label() const;
  static Actor System(std::string label = "system");
};

/// What every use case needs: the database and a clock.
struct Env {
  store::Database& db;
  const Clock& clock;
};

/// Enforces the permission matrix for a record that belongs to `customer_id` (and, for
/// kOwn, is owned by `owner_id`). Portal users get NotFound for other customers' records,
/// so that existence does not leak; others get PermissionDenied.
Status CheckScope(const Actor& actor, domain::Resource resource, domain::Action action,
                  std::int64_t customer_id, std::optional<std::int64_t> owner_id);

}  // namespace chaincrm::services
