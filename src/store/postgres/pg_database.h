#pragma once
// PostgreSQL backend: libpq with a connection pool; '?' placeholders are rewritten to
// $n once per statement text; SQLSTATEs are translated to Error codes here.
//
// Differences from SQLite a caller may notice: a failed statement aborts the whole
// transaction (later statements fail, and Write returns an error even if the callback
// swallowed the first one); ForEach streams SELECT/VALUES/WITH queries through a cursor
// in batches, so the callback may run other statements on the same Tx meanwhile.

#include <memory>
#include <string_view>

#include "store/database.h"

namespace chaincrm::store {

/// Connects to `url` ("postgresql://user@host:port/db"). InvalidArgument for a malformed
/// URL, Unavailable when the server cannot be reached. Pool size is
/// max(2, options.read_connections); connections beyond the first open on demand.
Result<std::unique_ptr<Database>> OpenPostgres(std::string_view url,
                                               const DatabaseOptions& options);

/// Runs one parameterless statement outside any transaction on a fresh connection
/// (CREATE DATABASE / DROP DATABASE, which cannot run inside Write).
Status ExecPostgresAdmin(std::string_view url, std::string_view sql);

}  // namespace chaincrm::store
