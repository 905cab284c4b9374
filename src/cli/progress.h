#pragma once
// A progress display for long operations: a redrawn bar on a terminal, a line every
// ten percent otherwise (CI logs).

#include <cstdint>
#include <string>

namespace chaincrm::cli {

class Progress {
 public:
  explicit Progress(std::string label);
  /// Shows done/total (units are the caller's: rows, bytes, customers).
  void Update(std::int64_t done, std::int64_t total);
  void Finish();

 private:
  std::string label_;
  bool tty_;
  int last_decile_ = -1;
};

}  // namespace chaincrm::cli
