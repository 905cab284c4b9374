#pragma once
// PostgreSQL backend: libpq with a connection pool; '?' placeholders are rewritten to
// $n once per statement text; SQLSTATEs are translated to Error codes here.

#include <memory>
#include <string_view>

#include "store/database.h"

namespace chaincrm::store {

/// Connects to `url` ("postgresql://user@host:port/db"). Unavailable when unreachable.
Result<std::unique_ptr<Database>> OpenPostgres(std::string_view url, const DatabaseOptions& options);

}  // namespace chaincrm::store
