#include "store/bulk_insert.h"

#include <algorithm>
#include <bit>

namespace chaincrm::store {

namespace {

// SQLite binds at most 32,766 parameters per statement, PostgreSQL 65,535.
constexpr std::size_t kMaxParams = 32000;
constexpr std::size_t kMaxRows = 256;

}  // namespace

BulkValues::BulkValues(std::string head, std::string tuple, std::string tail, std::size_t width)
    : head_(std::move(head)),
      tuple_(std::move(tuple)),
      tail_(std::move(tail)),
      width_(width),
      max_rows_(std::bit_floor(std::clamp<std::size_t>(kMaxParams / width, 1, kMaxRows))),
      sql_(static_cast<std::size_t>(std::countr_zero(max_rows_)) + 1) {}

namespace {

std::string InsertHead(const std::string& table, const std::vector<std::string>& columns) {
  std::string head = "INSERT INTO " + table + " (";
  for (std::size_t c = 0; c < columns.size(); ++c) head += (c ? ", " : "") + columns[c];
  return head + ") VALUES ";
}

std::string Tuple(std::size_t width) {
  std::string tuple = "(";
  for (std::size_t c = 0; c < width; ++c) tuple += c ? ", ?" : "?";
  return tuple + ")";
}

}  // namespace

BulkValues::BulkValues(std::string table, std::vector<std::string> columns)
    : BulkValues(InsertHead(table, columns), Tuple(columns.size()), "", columns.size()) {
  table_ = std::move(table);
  columns_ = std::move(columns);
}

void BulkValues::Add(Params row) {
  if (values_.capacity() == 0) values_.reserve(max_rows_ * width_);
  for (auto& v : row) values_.push_back(std::move(v));
}

const std::string& BulkValues::Sql(std::size_t rows) {
  std::string& sql = sql_[static_cast<std::size_t>(std::countr_zero(rows))];
  if (!sql.empty()) return sql;
  sql = head_;
  for (std::size_t r = 0; r < rows; ++r) sql += (r ? ", " : "") + tuple_;
  sql += tail_;
  return sql;
}

Status BulkValues::Flush(Tx& tx, const std::function<void(const Row&)>& on_row) {
  if (!table_.empty() && !values_.empty()) {
    auto copied = tx.CopyIn(table_, columns_, values_);
    if (!copied || *copied) {
      values_.clear();
      return copied ? Ok() : Fail(copied.error());
    }
  }
  std::size_t done = 0, left = values_.size() / width_;
  Status s = Ok();
  while (left > 0 && s) {
    // The largest power of two that fits: 256, 256, ..., then 64, 8, 1 for a tail of 73.
    const std::size_t rows = std::min(max_rows_, std::bit_floor(left));
    params_.assign(std::make_move_iterator(values_.begin() + static_cast<std::ptrdiff_t>(done)),
                   std::make_move_iterator(values_.begin() +
                                           static_cast<std::ptrdiff_t>(done + rows * width_)));
    if (on_row) {
      auto result = tx.Query(Sql(rows), params_);
      if (!result)
        s = Fail(result.error());
      else
        for (const Row& r : *result) on_row(r);
    } else if (auto n = tx.Exec(Sql(rows), params_); !n) {
      s = Fail(n.error());
    }
    done += rows * width_;
    left -= rows;
  }
  values_.clear();  // keeps the capacity for the next rows
  return s;
}

}  // namespace chaincrm::store
