#include "core/time.h"

#include <chrono>
#include <cstdio>

namespace chaincrm {

std::int64_t DaysFromCivil(int y, unsigned m, unsigned d) {
  // Howard Hinnant's algorithm.
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void CivilFromDays(std::int64_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
}

namespace {

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

bool Digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

unsigned DaysInMonth(int y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

Error BadTime(std::string_view s) {
  return Error::InvalidArgument("'" + std::string(s.substr(0, 64)) +
                                "' is not an RFC 3339 time (e.g. 2026-11-24T08:30:00Z)");
}

}  // namespace

std::string FormatTime(Millis t) {
  const std::int64_t days = FloorDiv(t, kMillisPerDay);
  const std::int64_t rem = t - days * kMillisPerDay;
  int y;
  unsigned m, d;
  CivilFromDays(days, y, m, d);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", y, m, d,
                static_cast<int>(rem / 3'600'000), static_cast<int>(rem / 60'000 % 60),
                static_cast<int>(rem / 1000 % 60), static_cast<int>(rem % 1000));
  return buf;
}

std::string FormatDate(Millis t) {
  int y;
  unsigned m, d;
  CivilFromDays(FloorDiv(t, kMillisPerDay), y, m, d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

Result<Millis> ParseDate(std::string_view s) {
  int y, m, d;
  bool ok = false;
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    ok = Digits(s, 0, 4, y) && Digits(s, 5, 2, m) && Digits(s, 8, 2, d);
  } else if (s.size() == 8) {
    ok = Digits(s, 0, 4, y) && Digits(s, 4, 2, m) && Digits(s, 6, 2, d);
  }
  if (!ok || m < 1 || m > 12 || d < 1 ||
      static_cast<unsigned>(d) > DaysInMonth(y, static_cast<unsigned>(m))) {
    return Fail(Error::InvalidArgument("'" + std::string(s.substr(0, 64)) +
                                       "' is not a date (YYYY-MM-DD)"));
  }
  return DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * kMillisPerDay;
}

Result<Millis> ParseTime(std::string_view s) {
  if (s.size() == 10) return ParseDate(s);
  if (s.size() < 19 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) return Fail(BadTime(s));
  auto date = ParseDate(s.substr(0, 10));
  if (!date) return Fail(BadTime(s));
  int hh, mm, ss;
  if (!Digits(s, 11, 2, hh) || s[13] != ':' || !Digits(s, 14, 2, mm) || s[16] != ':' ||
      !Digits(s, 17, 2, ss) || hh > 23 || mm > 59 || ss > 60) {
    return Fail(BadTime(s));
  }
  std::size_t pos = 19;
  Millis frac = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    int scale = 100, ndig = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      frac += (s[pos] - '0') * scale;
      scale /= 10;
      ++pos;
      ++ndig;
    }
    if (ndig == 0) return Fail(BadTime(s));
  }
  Millis offset = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh, om;
    if (!Digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !Digits(s, pos + 4, 2, om) || oh > 23 || om > 59) {
      return Fail(BadTime(s));
    }
    offset = (oh * 60 + om) * 60'000LL * (s[pos] == '+' ? 1 : -1);
    pos += 6;
  } else {
    return Fail(BadTime(s));  // RFC 3339 requires an offset
  }
  if (pos != s.size()) return Fail(BadTime(s));
  return *date + ((hh * 60LL + mm) * 60 + (ss == 60 ? 59 : ss)) * 1000 + frac - offset;
}

Millis SystemClock::Now() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

const SystemClock& SystemClock::Instance() {
  static const SystemClock clock;
  return clock;
}

}  // namespace chaincrm
