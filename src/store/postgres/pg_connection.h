#pragma once
// One libpq connection, used as a Tx by the pool in pg_database.cc. Internal to the
// PostgreSQL backend.

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/database.h"

namespace chaincrm::store::pg {

/// `sql` with each '?' outside string literals, quoted identifiers and comments replaced
/// by $1, $2, ...; `params` is how many there were. Dollar-quoted bodies and the jsonb
/// '?' operators are not supported (repositories use neither).
struct Rewritten {
  std::string text;
  int params = 0;
};
Rewritten RewritePlaceholders(std::string_view sql);

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

/// Maps a failed result (or, when `res` is null, the connection's error) to an Error.
/// Internal errors are logged with the SQL's first 200 characters; messages never carry
/// the SQL itself.
Error Translate(const PGresult* res, PGconn* conn, std::string_view sql);

/// A connection with its own prepared-statement cache. Not thread-safe.
class Connection final : public Tx {
 public:
  /// Connects; client_encoding UTF8, application_name chaincrm (unless the URL names
  /// one), statement_timeout 30 s.
  static Result<std::unique_ptr<Connection>> Open(const std::string& url, const Dialect& dialect);
  ~Connection() override;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Result<Rows> Query(std::string_view sql, const Params& params) override;
  Result<std::int64_t> Exec(std::string_view sql, const Params& params) override;
  Status ForEach(std::string_view sql, const Params& params,
                 const std::function<Status(const Row&)>& fn) override;
  Status ScanInts(std::string_view sql, const Params& params,
                  const std::function<Status(const IntBlock&)>& fn) override;
  const Dialect& dialect() const override { return dialect_; }
  Result<bool> CopyIn(std::string_view table, const std::vector<std::string>& columns,
                      const std::vector<Value>& values) override;

  /// Reconnects a broken connection (after a server restart); Unavailable if that fails.
  Status EnsureHealthy();
  /// Runs parameterless SQL, possibly several statements, without preparing it.
  Status Raw(std::string_view sql);
  /// COMMIT; an error if the server rolled back instead (an earlier statement failed).
  Status Commit();
  /// Rolls back an open or failed transaction, if any.
  void Rollback();

 private:
  struct Prepared {
    std::string name;
    int params = 0;
  };
  Connection(PGconn* conn, const Dialect& dialect) : conn_(conn), dialect_(dialect) {}
  Status Setup();
  Result<const Prepared*> Prepare(const std::string& sql);
  Result<PgResult> Execute(const std::string& sql, const Params& params);
  /// Runs a query and hands its rows to `fn` a result at a time: through a cursor,
  /// `fetch_rows` rows per FETCH, when the statement can be declared as one; else whole.
  Status ForEachBatch(std::string_view sql, const Params& params, int fetch_rows,
                      const std::function<Status(const PGresult*, int)>& fn);

  PGconn* conn_;
  const Dialect& dialect_;
  std::unordered_map<std::string, Prepared> prepared_;
  std::uint64_t next_statement_ = 0;
  int open_cursors_ = 0;
};

}  // namespace chaincrm::store::pg
