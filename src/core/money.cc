#include "core/money.h"

#include <cstdlib>
#include <limits>

namespace chaincrm {

Result<std::int64_t> ParseAmount(std::string_view s) {
  auto bad = [&] {
    return Fail(Error::InvalidArgument("'" + std::string(s.substr(0, 40)) +
                                       "' is not an amount (e.g. \"123.45\")"));
  };
  if (s.empty()) return bad();
  std::size_t i = 0;
  bool neg = false;
  if (s[0] == '-' || s[0] == '+') {
    neg = s[0] == '-';
    i = 1;
  }
  std::int64_t whole = 0;
  int digits = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++digits) {
    if (whole > (std::numeric_limits<std::int64_t>::max() / 100 - 9) / 10) return bad();
    whole = whole * 10 + (s[i] - '0');
  }
  std::int64_t frac = 0;
  int fdigits = 0;
  if (i < s.size() && s[i] == '.') {
    for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++fdigits) {
      if (fdigits >= 2) {
        if (s[i] != '0') return bad();
        continue;
      }
      frac = frac * 10 + (s[i] - '0');
    }
    if (fdigits == 0) return bad();
  }
  if (i != s.size() || digits + fdigits == 0) return bad();
  if (fdigits == 1) frac *= 10;
  const std::int64_t v = whole * 100 + frac;
  return neg ? -v : v;
}

std::string FormatAmount(std::int64_t minor) {
  const bool neg = minor < 0;
  const std::uint64_t a =
      neg ? 0 - static_cast<std::uint64_t>(minor) : static_cast<std::uint64_t>(minor);
  std::string frac = std::to_string(a % 100);
  if (frac.size() < 2) frac.insert(0, "0");
  return (neg ? "-" : "") + std::to_string(a / 100) + "." + frac;
}

bool IsCurrencyCode(std::string_view s) {
  if (s.size() != 3) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

}  // namespace chaincrm
