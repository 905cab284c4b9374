#include "services/csv_reader.h"

namespace chaincrm::services {

CsvReader::CsvReader(std::istream& in, char delimiter, std::size_t max_record_bytes)
    : in_(in), delimiter_(delimiter), max_record_bytes_(max_record_bytes) {}

int CsvReader::Get() {
  const int c = in_.get();
  if (c != std::char_traits<char>::eof()) ++bytes_;
  return c;
}

bool CsvReader::Next(std::vector<std::string>& fields) {
  constexpr int kEof = std::char_traits<char>::eof();
  if (!error_.empty()) return false;
  if (!started_) {
    started_ = true;
    // A UTF-8 byte-order mark (EF BB BF) is not part of the first column's name.
    if (in_.peek() == 0xEF) {
      char bom[3];
      in_.read(bom, 3);
      if (in_.gcount() == 3 && bom[1] == '\xBB' && bom[2] == '\xBF') {
        bytes_ += 3;
      } else {
        in_.clear();
        in_.seekg(0);
      }
    }
  }
  for (;;) {
    fields.clear();
    record_line_ = physical_line_;
    std::string field;
    std::size_t size = 0;
    bool quoted = false, was_quoted = false, any = false;
    int c = Get();
    if (c == kEof) return false;
    for (;; c = Get()) {
      if (++size > max_record_bytes_) {
        error_ = "line " + std::to_string(record_line_) + ": record longer than " +
                 std::to_string(max_record_bytes_) + " bytes (unbalanced quote?)";
        return false;
      }
      if (quoted) {
        if (c == kEof) {
          error_ = "line " + std::to_string(record_line_) + ": unterminated quoted field";
          return false;
        }
        if (c == '"') {
          if (in_.peek() == '"') {
            Get();
            field.push_back('"');
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') ++physical_line_;
          field.push_back(static_cast<char>(c));
        }
        continue;
      }
      if (c == kEof || c == '\n' || (c == '\r' && (in_.peek() == '\n' || in_.peek() == kEof))) {
        if (c == '\r') Get();
        if (c != kEof) ++physical_line_;
        if (!any && field.empty() && fields.empty()) break;  // blank line
        fields.push_back(std::move(field));
        return true;
      }
      any = true;
      if (c == delimiter_) {
        fields.push_back(std::move(field));
        field.clear();
        was_quoted = false;
      } else if (c == '"' && field.empty() && !was_quoted) {
        quoted = was_quoted = true;
      } else {
        field.push_back(static_cast<char>(c));
      }
    }
    if (c == kEof) return false;
  }
}

std::string CsvQuote(std::string_view field, char delimiter) {
  if (field.find_first_of(std::string{'"', '\r', '\n', delimiter}) == std::string_view::npos)
    return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace chaincrm::services
