#pragma once
// UTC instants as int64 milliseconds since the Unix epoch, and RFC 3339 conversions.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace chaincrm {

using Millis = std::int64_t;

inline constexpr Millis kMillisPerDay = 86'400'000;

/// Formats as RFC 3339 UTC with millisecond precision: "2026-11-24T08:30:00.000Z".
std::string FormatTime(Millis t);
/// Formats the UTC calendar date: "2026-11-24".
std::string FormatDate(Millis t);

/// Parses RFC 3339 ("2026-11-24T08:30:00Z", offsets and fractions allowed) or a date
/// ("2026-11-24", taken as midnight UTC). InvalidArgument on anything else.
Result<Millis> ParseTime(std::string_view s);
/// Parses "YYYY-MM-DD" or "YYYYMMDD" as midnight UTC.
Result<Millis> ParseDate(std::string_view s);

/// Days since 1970-01-01 for a civil date, and back (proleptic Gregorian).
std::int64_t DaysFromCivil(int y, unsigned m, unsigned d);
void CivilFromDays(std::int64_t z, int& y, unsigned& m, unsigned& d);

/// A source of the current time; tests use a fake one.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Millis Now() const = 0;
};

/// The system clock.
class SystemClock final : public Clock {
 public:
  Millis Now() const override;
  static const SystemClock& Instance();
};

}  // namespace chaincrm
