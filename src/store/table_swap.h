#pragma once
// Replaces the whole content of a table without holding the write lock for long: the new
// rows go into a staging table made from the live table's own definition (read from the
// catalog, so later migrations of the table carry over), its secondary indexes are built
// once the rows are in, and one short transaction swaps it in for the live table. Readers
// keep reading the live table throughout; each step is a transaction of its own, so API
// writes wait at most one step (docs/ANALYTICS.md §13 "Persistence").
//
//   TableSwap swap(db, "customer_scores");
//   RETURN_IF_ERROR(swap.Prepare());               // staging table, no secondary index
//   db.Write(... insert rows into swap.staging() ...);   // as many transactions as needed
//   RETURN_IF_ERROR(swap.BuildIndexes());          // one transaction per index
//   RETURN_IF_ERROR(swap.Commit());                // drop live, rename staging
//
// Index names: PostgreSQL builds the staging table's indexes and constraints under
// "<name>__next" and renames them to their canonical names in the swap. SQLite cannot
// rename an index, so its index names alternate between two sets: the canonical name
// ("customer_scores_clv") and the canonical name with kAlternateSuffix
// ("customer_scores_clv__alt"); each swap moves to the other set. A migration that drops
// or replaces an index of a swapped table on SQLite must name both (DROP INDEX IF EXISTS
// x; DROP INDEX IF EXISTS x__alt); CanonicalIndexName() maps either to the canonical one.
//
// The staging table is "<table>_next"; Prepare() drops one left over by a crashed run.
// Only one swap of a table may run at a time (the value run's job queue ensures that).

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace chaincrm::store {

/// The suffix of SQLite's second index name set.
inline constexpr std::string_view kAlternateSuffix = "__alt";

/// "x" for "x" and for "x__alt".
std::string CanonicalIndexName(std::string_view name);

class TableSwap {
 public:
  TableSwap(Database& db, std::string table);

  /// Drops a leftover staging table and creates an empty one like the live table: same
  /// columns, defaults, primary key, unique, check and foreign-key constraints (PostgreSQL:
  /// foreign keys come with BuildIndexes()), no secondary index yet. Remembers the live
  /// table's secondary indexes.
  Status Prepare();
  /// The staging table's name, for the inserts between Prepare() and BuildIndexes().
  const std::string& staging() const { return staging_; }
  /// Creates the secondary indexes on the staging table, one transaction each (PostgreSQL:
  /// after adding and validating the foreign keys, then ANALYZE).
  /// `before_each` (optional) is called with the index's position and the index count
  /// before each one; an error from it stops the build.
  Status BuildIndexes(const std::function<Status(std::size_t, std::size_t)>& before_each = {});
  /// In one transaction: drops the live table and gives the staging table, its indexes
  /// and its constraints the live names. Before Commit() the live table is untouched.
  Status Commit();
  /// Drops the staging table (after a failure); a no-op when there is none.
  Status Abandon();

  struct Index {
    std::string live_name, staging_name, create_sql;
  };
  /// The live table's secondary indexes as Prepare() found them (for tests).
  const std::vector<Index>& indexes() const { return indexes_; }

 private:
  Status CreateSqliteStaging(Tx& tx);
  Status CreatePostgresStaging(Tx& tx);
  Status DropStaging(Tx& tx);

  Database& db_;
  std::string table_, staging_;
  std::vector<Index> indexes_;
  // PostgreSQL: constraint names on the staging table → their live names.
  std::vector<std::pair<std::string, std::string>> constraints_;
  // PostgreSQL: the foreign keys, added by BuildIndexes() once the rows are in.
  struct ForeignKey {
    std::string name, add_sql;  // "<name>__next", "ALTER TABLE … ADD CONSTRAINT … NOT VALID"
  };
  std::vector<ForeignKey> foreign_keys_;
};

}  // namespace chaincrm::store
