#pragma once
// The bulk path for imports: rows of values collected in memory and sent in multi-row
// statements (up to 256 rows each) instead of one statement per row. A statement is a
// head, the rows' tuples joined by ", ", and a tail: an INSERT's VALUES list, an IN (...)
// list, or a WITH v(...) AS (VALUES ...) table that an UPDATE or a SELECT joins.
// Statement sizes are powers of two, so each statement prepares at most nine shapes and
// the backends' statement caches keep them.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "store/database.h"

namespace chaincrm::store {

class BulkValues {
 public:
  /// `tuple` is one row's text with `width` placeholders, e.g. "(?, ?)" or "?".
  BulkValues(std::string head, std::string tuple, std::string tail, std::size_t width);
  /// Rows for `table`'s `columns`: an INSERT's VALUES list, or the backend's bulk load
  /// (Tx::CopyIn: COPY on PostgreSQL) where it has one.
  BulkValues(std::string table, std::vector<std::string> columns);

  /// Appends one row; it must hold exactly `width` values.
  void Add(Params row);
  std::size_t pending() const { return values_.size() / width_; }
  /// Runs the statements for the rows added so far and forgets the rows (also when a
  /// statement fails). `on_row`, when given, receives the rows the statements return.
  Status Flush(Tx& tx, const std::function<void(const Row&)>& on_row = nullptr);

 private:
  const std::string& Sql(std::size_t rows);

  std::string head_, tuple_, tail_;
  std::string table_;  // set for an insert that may use Tx::CopyIn
  std::vector<std::string> columns_;
  std::size_t width_, max_rows_;
  std::vector<Value> values_;
  Params params_;                 // one statement's values, reused
  std::vector<std::string> sql_;  // by log2(rows)
};

/// Rows for `table`'s `columns` (the constructor for inserts).
inline BulkValues BulkInsert(std::string table, std::vector<std::string> columns) {
  return BulkValues(std::move(table), std::move(columns));
}

}  // namespace chaincrm::store
