#pragma once
// Versioned schema migrations, applied in order inside one transaction each.

#include <functional>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace chaincrm::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view common;    // portable DDL ({{id}} placeholders allowed)
  std::string_view sqlite;    // SQLite-only DDL (FTS5 ...)
  std::string_view postgres;  // PostgreSQL-only DDL (pg_trgm ...)
};

/// All migrations, oldest first.
const std::vector<Migration>& AllMigrations();

/// Applies every migration newer than the database's version. Returns how many ran.
/// `progress` (optional) is told the name of each migration as it starts.
Result<int> Migrate(Database& db, const std::function<void(const Migration&)>& progress = nullptr);

/// The highest applied version (0 for an empty database).
Result<int> SchemaVersion(Database& db);

}  // namespace chaincrm::store
