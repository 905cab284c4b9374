#include "store/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/log.h"

namespace chaincrm::store {

namespace {

std::string ReplaceAll(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

// The longest run of characters (UTF-8 code points) between LIKE wildcards.
std::size_t LongestLiteralRun(std::string_view pattern) {
  std::size_t best = 0, run = 0;
  for (char c : pattern) {
    if (c == '%' || c == '_') {
      run = 0;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      best = std::max(best, ++run);
    }
  }
  return best;
}

class SqliteDialect final : public Dialect {
 public:
  Backend backend() const override { return Backend::kSqlite; }
  std::string CustomerNameLike(std::string_view id_expr, std::string_view pattern) const override {
    if (LongestLiteralRun(pattern) < 3) {
      return std::string(id_expr) + " IN (SELECT id FROM customers WHERE name_folded LIKE ?)";
    }
    return std::string(id_expr) +
           " IN (SELECT rowid FROM customer_name_fts WHERE name_folded LIKE ?)";
  }
  std::string TranslateDdl(std::string_view ddl) const override {
    return ReplaceAll(std::string(ddl), "{{id}}", "INTEGER PRIMARY KEY");
  }
  Status ExecScript(Tx& tx, std::string_view script) const override;
  Result<std::vector<std::int64_t>> ReserveIds(Tx& tx, std::string_view table,
                                               std::size_t n) const override {
    ASSIGN_OR_RETURN(Rows rows,
                     tx.Query("SELECT COALESCE(MAX(id), 0) FROM " + std::string(table), {}));
    std::vector<std::int64_t> ids(n);
    for (std::size_t i = 0; i < n; ++i)
      ids[i] = rows.front().Int(0) + 1 + static_cast<std::int64_t>(i);
    return ids;
  }
};

Error Translate(sqlite3* db, int rc, std::string_view sql) {
  const int primary = rc & 0xFF;
  const std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return Error::AlreadyExists(msg);
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return Error::InvalidArgument("a referenced record does not exist");
    default:
      break;
  }
  if (primary == SQLITE_CONSTRAINT) return Error::InvalidArgument(msg);
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return Error::Aborted("database is busy");
  log::Error("sqlite error=\"" + msg + "\" sql=\"" + std::string(sql.substr(0, 200)) + "\"");
  return Error::Internal("database error: " + msg);
}

class Connection final : public Tx {
 public:
  Connection(sqlite3* db, const Dialect& dialect) : db_(db), dialect_(dialect) {}
  ~Connection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  const Dialect& dialect() const override { return dialect_; }

  Result<Rows> Query(std::string_view sql, const Params& params) override {
    Rows rows;
    RETURN_IF_ERROR(ForEach(sql, params, [&](const Row& r) -> Status {
      rows.push_back(r);
      return Ok();
    }));
    return rows;
  }

  Result<std::int64_t> Exec(std::string_view sql, const Params& params) override {
    RETURN_IF_ERROR(ForEach(sql, params, [](const Row&) -> Status { return Ok(); }));
    return static_cast<std::int64_t>(sqlite3_changes64(db_));
  }

  // Runs `body` on the cached statement for `sql` with `params` bound; the statement is reset
  // and its bindings cleared afterwards, whatever `body` returns.
  template <typename Body>
  Status WithStatement(std::string_view sql, const Params& params, Body&& body) {
    ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql));
    struct Reset {
      sqlite3_stmt* s;
      ~Reset() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
      }
    } reset{stmt};
    RETURN_IF_ERROR(Bind(stmt, params, sql));
    return body(stmt);
  }

  Status ForEach(std::string_view sql, const Params& params,
                 const std::function<Status(const Row&)>& fn) override {
    return WithStatement(sql, params, [&](sqlite3_stmt* stmt) -> Status {
      const int ncols = sqlite3_column_count(stmt);
      for (;;) {
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_DONE) return Ok();
        if (rc != SQLITE_ROW) return Fail(Translate(db_, sqlite3_extended_errcode(db_), sql));
        std::vector<Value> cols;
        cols.reserve(static_cast<std::size_t>(ncols));
        for (int i = 0; i < ncols; ++i) {
          switch (sqlite3_column_type(stmt, i)) {
            case SQLITE_INTEGER:
              cols.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt, i)));
              break;
            case SQLITE_FLOAT:
              cols.emplace_back(sqlite3_column_double(stmt, i));
              break;
            case SQLITE_NULL:
              cols.emplace_back(std::monostate{});
              break;
            default: {
              const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
              cols.emplace_back(
                  std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, i))));
            }
          }
        }
        RETURN_IF_ERROR(fn(Row(std::move(cols))));
      }
    });
  }

  Status ScanInts(std::string_view sql, const Params& params,
                  const std::function<Status(const IntBlock&)>& fn) override {
    return WithStatement(sql, params, [&](sqlite3_stmt* stmt) -> Status {
      const int ncols = sqlite3_column_count(stmt);
      const auto columns = static_cast<std::size_t>(ncols);
      std::vector<std::int64_t> values(kScanBlockRows * columns);
      std::size_t rows = 0;
      for (;;) {
        const int rc = sqlite3_step(stmt);
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) return Fail(Translate(db_, sqlite3_extended_errcode(db_), sql));
        std::int64_t* row = values.data() + rows * columns;
        for (int i = 0; i < ncols; ++i) row[i] = sqlite3_column_int64(stmt, i);  // NULL: 0
        if (++rows == kScanBlockRows) {
          RETURN_IF_ERROR(fn(IntBlock(values.data(), rows, columns)));
          rows = 0;
        }
      }
      return rows > 0 ? fn(IntBlock(values.data(), rows, columns)) : Ok();
    });
  }

  /// Runs SQL without parameters or caching (BEGIN, COMMIT, PRAGMAs, DDL scripts).
  Status Raw(std::string_view sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      sqlite3_free(err);
      return Fail(Translate(db_, sqlite3_extended_errcode(db_), sql));
    }
    return Ok();
  }

 private:
  Result<sqlite3_stmt*> Prepare(std::string_view sql) {
    auto it = cache_.find(std::string(sql));
    if (it != cache_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return Fail(Translate(db_, rc, sql));
    if (cache_.size() > 512) {  // dynamic SQL (filters) must not grow the cache forever
      for (auto& [s, st] : cache_) sqlite3_finalize(st);
      cache_.clear();
    }
    cache_.emplace(std::string(sql), stmt);
    return stmt;
  }

  Status Bind(sqlite3_stmt* stmt, const Params& params, std::string_view sql) {
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt)) {
      return Fail(
          Error::Internal("parameter count mismatch for: " + std::string(sql.substr(0, 120))));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int idx = static_cast<int>(i + 1);
      int rc = SQLITE_OK;
      const Value& v = params[i];
      if (const auto* p = std::get_if<std::int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, idx, *p);
      } else if (const auto* d = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(stmt, idx, *d);
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        rc = sqlite3_bind_text64(stmt, idx, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
      } else {
        rc = sqlite3_bind_null(stmt, idx);
      }
      if (rc != SQLITE_OK) return Fail(Translate(db_, rc, sql));
    }
    return Ok();
  }

  sqlite3* db_;
  const Dialect& dialect_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

Status SqliteDialect::ExecScript(Tx& tx, std::string_view script) const {
  return static_cast<Connection&>(tx).Raw(TranslateDdl(script));
}

class SqliteDatabase final : public Database {
 public:
  const Dialect& dialect() const override { return dialect_; }

  Status Init(std::string_view path, const DatabaseOptions& options) {
    const std::filesystem::path p(path);
    if (p.has_parent_path()) {
      std::error_code ec;
      std::filesystem::create_directories(p.parent_path(), ec);
    }
    ASSIGN_OR_RETURN(writer_, OpenConnection(path, options, false));
    for (int i = 0; i < std::max(1, options.read_connections); ++i) {
      ASSIGN_OR_RETURN(auto reader, OpenConnection(path, options, true));
      idle_readers_.push_back(reader.get());
      readers_.push_back(std::move(reader));
    }
    return Ok();
  }

  Status Write(const std::function<Status(Tx&)>& fn) override {
    std::lock_guard lock(write_mutex_);
    Status last = Ok();
    for (int attempt = 0; attempt < 3; ++attempt) {
      RETURN_IF_ERROR(writer_->Raw("BEGIN IMMEDIATE"));
      last = fn(*writer_);
      if (last) last = writer_->Raw("COMMIT");
      if (last) return Ok();
      (void)writer_->Raw("ROLLBACK");
      if (last.error().code() != Code::kAborted) return last;
    }
    return last;
  }

  Status Read(const std::function<Status(Tx&)>& fn) override {
    Connection* conn = nullptr;
    {
      std::unique_lock lock(pool_mutex_);
      pool_cv_.wait(lock, [&] { return !idle_readers_.empty(); });
      conn = idle_readers_.back();
      idle_readers_.pop_back();
    }
    Status s = conn->Raw("BEGIN");
    if (s) {
      s = fn(*conn);
      (void)conn->Raw("COMMIT");
    }
    {
      std::lock_guard lock(pool_mutex_);
      idle_readers_.push_back(conn);
    }
    pool_cv_.notify_one();
    return s;
  }

 private:
  Result<std::unique_ptr<Connection>> OpenConnection(std::string_view path,
                                                     const DatabaseOptions& options,
                                                     bool read_only) {
    sqlite3* db = nullptr;
    const int flags =
        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
        SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(std::string(path).c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
      const std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
      sqlite3_close_v2(db);
      return Fail(
          Error::Unavailable("cannot open SQLite database '" + std::string(path) + "': " + msg));
    }
    auto conn = std::make_unique<Connection>(db, dialect_);
    sqlite3_busy_timeout(db, options.busy_timeout_ms);
    if (!read_only) {
      RETURN_IF_ERROR(conn->Raw("PRAGMA journal_mode=WAL"));
      // FULL: a commit is on disk when acknowledged (durable), at some cost per commit.
      RETURN_IF_ERROR(conn->Raw("PRAGMA synchronous=FULL"));
    }
    RETURN_IF_ERROR(conn->Raw("PRAGMA foreign_keys=ON"));
    RETURN_IF_ERROR(conn->Raw("PRAGMA cache_size=-65536"));
    RETURN_IF_ERROR(conn->Raw("PRAGMA temp_store=MEMORY"));
    return conn;
  }

  SqliteDialect dialect_;
  std::mutex write_mutex_;
  std::unique_ptr<Connection> writer_;
  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<Connection>> readers_;
  std::vector<Connection*> idle_readers_;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqlite(std::string_view path,
                                             const DatabaseOptions& options) {
  if (path.empty()) return Fail(Error::InvalidArgument("sqlite: needs a file path"));
  auto db = std::make_unique<SqliteDatabase>();
  RETURN_IF_ERROR(db->Init(path, options));
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace chaincrm::store
