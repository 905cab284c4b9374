#include "store/table_swap.h"

#include <cctype>

namespace chaincrm::store {

namespace {

// PostgreSQL: the suffix of the staging table's index and constraint names until the swap.
constexpr std::string_view kStagingSuffix = "__next";
// PostgreSQL: how long the swap waits for the live table's lock (readers in flight) before
// giving up and retrying; meanwhile new readers of the table queue behind it.
constexpr std::string_view kSwapLockTimeout = "2s";

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::size_t FindWord(std::string_view sql, std::string_view word) {
  for (std::size_t i = 0; i + word.size() <= sql.size(); ++i) {
    bool match = true;
    for (std::size_t j = 0; j < word.size() && match; ++j)
      match = std::toupper(static_cast<unsigned char>(sql[i + j])) == word[j];
    if (match) return i;
  }
  return std::string_view::npos;
}

// "CREATE [UNIQUE] INDEX name ON [schema.]table <rest>" (SQLite's sqlite_master.sql or
// PostgreSQL's pg_indexes.indexdef) rewritten to create `name` on `table`.
Result<std::string> RetargetIndex(std::string_view sql, std::string_view name,
                                  std::string_view table) {
  const std::size_t on = FindWord(sql, " ON ");
  if (on == std::string_view::npos)
    return Fail(Error::Internal("unexpected index definition: " + std::string(sql)));
  std::size_t pos = on + 4;
  while (pos < sql.size() && sql[pos] == ' ') ++pos;
  if (FindWord(sql.substr(pos), "ONLY ") == 0) pos += 5;  // PostgreSQL: ON ONLY t
  while (pos < sql.size() && sql[pos] != ' ' && sql[pos] != '(') {
    if (sql[pos] == '"') pos = sql.find('"', pos + 1);  // a quoted table name
    if (pos == std::string_view::npos) return Fail(Error::Internal("unterminated quote"));
    ++pos;
  }
  const bool unique = FindWord(sql.substr(0, on), "UNIQUE") != std::string_view::npos;
  return std::string(unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") + std::string(name) +
         " ON " + std::string(table) + " " + std::string(sql.substr(pos));
}

// Runs `drop` (a DROP TABLE). On SQLite, freed pages are not zeroed one by one: Debian's
// SQLite defaults to secure_delete = 1, which makes dropping the 1M-row score table write
// ~230 MB of zeros into the WAL (2.4 s instead of 0.25 s); FAST clears what it can without
// extra I/O, and the pages are overwritten when reused. The setting is restored after.
Status DropTable(Tx& tx, const std::string& drop) {
  const Dialect& d = tx.dialect();
  if (d.backend() == Backend::kPostgres) return d.ExecScript(tx, drop);
  ASSIGN_OR_RETURN(Rows mode, tx.Query("PRAGMA secure_delete"));
  const std::int64_t previous = mode.empty() ? 0 : mode.front().Int(0);
  RETURN_IF_ERROR(d.ExecScript(tx, "PRAGMA secure_delete = FAST"));
  const Status dropped = d.ExecScript(tx, drop);
  RETURN_IF_ERROR(d.ExecScript(tx, "PRAGMA secure_delete = " + std::to_string(previous)));
  return dropped;
}

}  // namespace

std::string CanonicalIndexName(std::string_view name) {
  if (EndsWith(name, kAlternateSuffix)) name.remove_suffix(kAlternateSuffix.size());
  return std::string(name);
}

TableSwap::TableSwap(Database& db, std::string table)
    : db_(db), table_(std::move(table)), staging_(table_ + "_next") {}

Status TableSwap::DropStaging(Tx& tx) { return DropTable(tx, "DROP TABLE IF EXISTS " + staging_); }

Status TableSwap::CreateSqliteStaging(Tx& tx) {
  ASSIGN_OR_RETURN(Row table,
                   tx.QueryOne("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                               {table_}, "table " + table_));
  const std::string create = table.Text(0);
  const std::size_t paren = create.find('(');
  if (paren == std::string::npos)
    return Fail(Error::Internal("unexpected table definition: " + create));
  RETURN_IF_ERROR(
      tx.dialect().ExecScript(tx, "CREATE TABLE " + staging_ + " " + create.substr(paren)));
  // Indexes of PRIMARY KEY and UNIQUE columns (sql NULL) come with the table definition.
  return tx.ForEach(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT "
      "NULL ORDER BY name",
      {table_}, [&](const Row& r) -> Status {
        Index ix{r.Text(0), "", ""};
        ix.staging_name = EndsWith(ix.live_name, kAlternateSuffix)
                              ? CanonicalIndexName(ix.live_name)
                              : ix.live_name + std::string(kAlternateSuffix);
        ASSIGN_OR_RETURN(ix.create_sql, RetargetIndex(r.Text(1), ix.staging_name, staging_));
        indexes_.push_back(std::move(ix));
        return Ok();
      });
}

Status TableSwap::CreatePostgresStaging(Tx& tx) {
  // Columns, NOT NULL, defaults and CHECK constraints; keys and foreign keys below.
  RETURN_IF_ERROR(tx.dialect().ExecScript(
      tx, "CREATE TABLE " + staging_ + " (LIKE " + table_ +
              " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING IDENTITY "
              "INCLUDING STORAGE)"));
  const std::string oid =
      "(SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE c.relname = ? AND n.nspname = current_schema())";
  ASSIGN_OR_RETURN(
      Rows constraints,
      tx.Query("SELECT conname, pg_get_constraintdef(oid), contype = 'f' FROM pg_constraint "
               "WHERE conrelid = " +
                   oid + " AND contype IN ('p', 'u', 'f', 'x') ORDER BY conname",
               {table_}));
  for (const Row& r : constraints) {
    const std::string staged = r.Text(0) + std::string(kStagingSuffix);
    const std::string add =
        "ALTER TABLE " + staging_ + " ADD CONSTRAINT " + staged + " " + r.Text(1);
    // Foreign keys are added after the rows: COPY would check each row by a trigger
    // (most of its time), while VALIDATE checks them all in one join.
    if (r.Int(2) != 0)
      foreign_keys_.push_back({staged, add + " NOT VALID"});
    else
      RETURN_IF_ERROR(tx.dialect().ExecScript(tx, add));
    constraints_.emplace_back(staged, r.Text(0));
  }
  return tx.ForEach(
      "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND "
      "tablename = ? AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = " +
          oid + ") ORDER BY indexname",
      {table_, table_}, [&](const Row& r) -> Status {
        Index ix{r.Text(0), r.Text(0) + std::string(kStagingSuffix), ""};
        ASSIGN_OR_RETURN(ix.create_sql, RetargetIndex(r.Text(1), ix.staging_name, staging_));
        indexes_.push_back(std::move(ix));
        return Ok();
      });
}

Status TableSwap::Prepare() {
  return db_.Write([&](Tx& tx) -> Status {
    indexes_.clear();
    constraints_.clear();
    foreign_keys_.clear();
    RETURN_IF_ERROR(DropStaging(tx));
    return tx.dialect().backend() == Backend::kPostgres ? CreatePostgresStaging(tx)
                                                        : CreateSqliteStaging(tx);
  });
}

Status TableSwap::BuildIndexes(const std::function<Status(std::size_t, std::size_t)>& before_each) {
  // PostgreSQL: each foreign key NOT VALID (from then on deletes cascade to the staging
  // table; a short lock on the referenced table), then VALIDATE in a transaction of its own,
  // one join that blocks no writer of the referenced table. A row whose customer was deleted
  // in between fails the validation, as its insert would have failed.
  for (const ForeignKey& fk : foreign_keys_) {
    RETURN_IF_ERROR(db_.Write([&](Tx& tx) { return tx.dialect().ExecScript(tx, fk.add_sql); }));
    RETURN_IF_ERROR(db_.Write([&](Tx& tx) {
      return tx.dialect().ExecScript(tx,
                                     "ALTER TABLE " + staging_ + " VALIDATE CONSTRAINT " + fk.name);
    }));
  }
  // SQLite's PRAGMA threads made no difference (docs/PERFORMANCE.md, "Score write"): the
  // 1M-row sorts fit the 64 MB cache, so the sorter never merges runs on worker threads.
  for (std::size_t i = 0; i < indexes_.size(); ++i) {
    if (before_each) RETURN_IF_ERROR(before_each(i, indexes_.size()));
    RETURN_IF_ERROR(
        db_.Write([&](Tx& tx) { return tx.dialect().ExecScript(tx, indexes_[i].create_sql); }));
  }
  if (db_.backend() == Backend::kSqlite) return Ok();
  // Planner statistics for the new table before it goes live (sampled: well under a second).
  return db_.Write([&](Tx& tx) { return tx.dialect().ExecScript(tx, "ANALYZE " + staging_); });
}

Status TableSwap::Commit() {
  return db_.Write([&](Tx& tx) -> Status {
    const Dialect& d = tx.dialect();
    if (d.backend() == Backend::kSqlite) {
      // Dropping the live table drops its indexes and frees their names for the next swap.
      RETURN_IF_ERROR(DropTable(tx, "DROP TABLE " + table_));
      return d.ExecScript(tx, "ALTER TABLE " + staging_ + " RENAME TO " + table_);
    }
    // A failure to get the lock in time is Aborted, which Database::Write retries.
    std::string script = "SET LOCAL lock_timeout = '" + std::string(kSwapLockTimeout) + "';\n";
    script += "DROP TABLE " + table_ + ";\n";
    script += "ALTER TABLE " + staging_ + " RENAME TO " + table_ + ";\n";
    for (const Index& ix : indexes_)
      script += "ALTER INDEX " + ix.staging_name + " RENAME TO " + ix.live_name + ";\n";
    for (const auto& [staged, live] : constraints_)
      script += "ALTER TABLE " + table_ + " RENAME CONSTRAINT " + staged + " TO " + live + ";\n";
    return d.ExecScript(tx, script);
  });
}

Status TableSwap::Abandon() {
  return db_.Write([&](Tx& tx) { return DropStaging(tx); });
}

}  // namespace chaincrm::store
