#pragma once
// A throw-away database for store tests on either backend: "sqlite" (a temporary file,
// removed with its WAL) or "postgres" (a new database on the server CHAINCRM_TEST_PG_URL
// names, which scripts/with-postgres.sh starts; dropped after).

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/postgres/pg_database.h"

namespace chaincrm::testing {

inline std::string EnvOr(const char* name, std::string fallback = "") {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

/// "sqlite", and "postgres" when CHAINCRM_TEST_PG_URL names a server.
inline std::vector<std::string> TestBackends() {
  std::vector<std::string> backends = {"sqlite"};
  if (!EnvOr("CHAINCRM_TEST_PG_URL").empty()) backends.push_back("postgres");
  return backends;
}

inline std::string RandomSuffix() {
  std::random_device rd;
  std::mt19937_64 rng((std::uint64_t{rd()} << 32) ^ rd());
  std::string s;
  for (int i = 0; i < 12; ++i) s += "abcdefghijklmnopqrstuvwxyz0123456789"[rng() % 36];
  return s;
}

// "postgresql://u@h:p/db?x=y" with the database name replaced.
inline std::string WithDatabase(const std::string& url, const std::string& name) {
  const std::size_t authority = url.find("://") + 3;
  const std::size_t slash = url.find('/', authority);
  const std::size_t query = url.find('?', authority);
  const std::string base = url.substr(0, std::min(slash, query));
  return base + "/" + name + (query == std::string::npos ? "" : url.substr(query));
}

class ScratchDatabase {
 public:
  ScratchDatabase() = default;
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;
  ~ScratchDatabase() { Close(); }

  /// Creates the database and opens it with `options`.
  Status Open(const std::string& backend, const store::DatabaseOptions& options = {}) {
    if (backend == "sqlite") {
      path_ =
          std::filesystem::temp_directory_path() / ("chaincrm_scratch_" + RandomSuffix() + ".db");
      url_ = "sqlite:" + path_.string();
    } else {
      admin_url_ = EnvOr("CHAINCRM_TEST_PG_ADMIN_URL", EnvOr("CHAINCRM_TEST_PG_URL"));
      pg_database_ = "t_" + RandomSuffix();
      RETURN_IF_ERROR(store::ExecPostgresAdmin(admin_url_, "CREATE DATABASE " + pg_database_));
      url_ = WithDatabase(EnvOr("CHAINCRM_TEST_PG_URL"), pg_database_);
    }
    auto opened = store::OpenDatabase(url_, options);
    if (!opened) return Fail(opened.error());
    db_ = std::move(*opened);
    return Ok();
  }

  /// Closes the database and removes it (also done by the destructor).
  Status Close() {
    db_.reset();
    if (!path_.empty()) {
      for (const char* suffix : {"", "-wal", "-shm"}) {
        std::error_code ec;
        std::filesystem::remove(path_.string() + suffix, ec);
      }
      path_.clear();
    }
    if (!pg_database_.empty()) {
      const std::string name = std::exchange(pg_database_, "");
      return store::ExecPostgresAdmin(admin_url_,
                                      "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
    return Ok();
  }

  store::Database& db() { return *db_; }
  std::unique_ptr<store::Database>& handle() { return db_; }
  const std::string& url() const { return url_; }
  /// The server to send CREATE / DROP DATABASE to (PostgreSQL only).
  const std::string& admin_url() const { return admin_url_; }

 private:
  std::unique_ptr<store::Database> db_;
  std::string url_, admin_url_, pg_database_;
  std::filesystem::path path_;
};

}  // namespace chaincrm::testing
