#pragma once
// RFC 4180 CSV read incrementally from a stream (quoted fields, doubled quotes, embedded
// newlines, CRLF or LF, a UTF-8 byte-order mark, ',' or ';' delimiter) and the matching
// field quoting for writers. Memory is bounded by the longest record.

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace chaincrm::services {

class CsvReader {
 public:
  /// Reads from `in` (not owned). `max_record_bytes` bounds one record: a longer one
  /// (typically an unbalanced quote) is reported and reading stops.
  explicit CsvReader(std::istream& in, char delimiter = ',',
                     std::size_t max_record_bytes = 1 << 20);

  /// Reads the next record into `fields`. Returns false at the end of input or after an
  /// error (see error()). Blank lines are skipped. `line()` is the physical line where
  /// the record starts (1-based).
  bool Next(std::vector<std::string>& fields);
  std::int64_t line() const { return record_line_; }
  /// Bytes consumed so far (for progress).
  std::int64_t bytes() const { return bytes_; }
  /// Non-empty when reading stopped on malformed input ("line 7: unterminated quote").
  const std::string& error() const { return error_; }

 private:
  int Get();

  std::istream& in_;
  char delimiter_;
  std::size_t max_record_bytes_;
  std::int64_t physical_line_ = 1, record_line_ = 0, bytes_ = 0;
  bool started_ = false;
  std::string error_;
};

/// The field quoted for CSV when it holds the delimiter, a quote or a line break.
std::string CsvQuote(std::string_view field, char delimiter = ',');

}  // namespace chaincrm::services
