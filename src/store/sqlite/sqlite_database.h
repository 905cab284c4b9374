#pragma once
// SQLite backend: WAL journal, foreign keys, busy timeout, one writer connection and a
// pool of readers, prepared statements cached per connection.

#include <memory>
#include <string_view>

#include "store/database.h"

namespace chaincrm::store {

/// Opens (creating if needed) the SQLite database file at `path`.
Result<std::unique_ptr<Database>> OpenSqlite(std::string_view path, const DatabaseOptions& options);

}  // namespace chaincrm::store
