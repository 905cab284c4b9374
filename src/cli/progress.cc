#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace chaincrm::cli {

Progress::Progress(std::string label)
    : label_(std::move(label)), tty_(isatty(STDERR_FILENO) != 0) {}

void Progress::Update(std::int64_t done, std::int64_t total) {
  const double frac = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
  const int pct = static_cast<int>(frac * 100);
  if (tty_) {
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(frac * kWidth);
    std::fprintf(stderr, "\r%s [%.*s%*s] %3d%%", label_.c_str(), filled,
                 "==============================", kWidth - filled, "", pct);
    std::fflush(stderr);
  } else if (pct / 10 != last_decile_) {
    last_decile_ = pct / 10;
    std::fprintf(stderr, "%s: %d%%\n", label_.c_str(), pct);
  }
}

void Progress::Finish() {
  if (tty_) std::fputs("\n", stderr);
}

}  // namespace chaincrm::cli
