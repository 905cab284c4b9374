#pragma once
// Business-time arithmetic: working hours per weekday (possibly split, e.g. 09:00-12:00 and
// 13:00-18:00), holidays and an IANA time zone (DST-aware through the system tz database).
// Adds business time to an instant and measures business time between two instants.

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace chaincrm::analytics {

/// [start_minute, end_minute) in local minutes after midnight, 0 <= start < end <= 1440.
struct WorkingInterval {
  int start_minute = 0;
  int end_minute = 0;
};

struct BusinessCalendarSpec {
  std::string time_zone = "UTC";
  /// week[0] is Monday ... week[6] is Sunday.
  std::array<std::vector<WorkingInterval>, 7> week;
  /// Local dates that are not worked, as days since 1970-01-01 (core/time.h DaysFromCivil).
  std::vector<std::int64_t> holidays;
};

/// Parses "09:00-12:00,13:00-18:00" (empty or "closed" for none). InvalidArgument otherwise.
Result<std::vector<WorkingInterval>> ParseWorkingHours(std::string_view text);
/// Formats intervals back as "09:00-12:00,13:00-18:00".
std::string FormatWorkingHours(const std::vector<WorkingInterval>& intervals);

class BusinessClock {
 public:
  /// InvalidArgument (with field errors) for an unknown time zone, intervals out of range,
  /// overlapping or unordered, or a week with no working hours at all.
  static Result<BusinessClock> Make(BusinessCalendarSpec spec);

  /// The instant `millis` of business time after `from` (ms; >= 0). FailedPrecondition if
  /// no working time is found within ten years (e.g. every working day is a holiday).
  Result<Millis> Add(Millis from, std::int64_t millis) const;
  Result<Millis> AddMinutes(Millis from, std::int64_t minutes) const {
    return Add(from, minutes * 60'000);
  }
  /// Business milliseconds in [from, to); 0 when to <= from.
  std::int64_t Between(Millis from, Millis to) const;
  std::int64_t MinutesBetween(Millis from, Millis to) const { return Between(from, to) / 60'000; }
  /// Whether `t` lies inside working time.
  bool IsWorking(Millis t) const;

  const BusinessCalendarSpec& spec() const { return spec_; }

 private:
  struct Zone;
  BusinessClock(BusinessCalendarSpec spec, std::shared_ptr<const Zone> zone);
  /// The local day containing `t`.
  std::int64_t LocalDay(Millis t) const;
  /// Calls f(start, end) for the UTC working intervals of local day `day`, in order.
  template <typename F>
  void ForEachInterval(std::int64_t day, F&& f) const;

  BusinessCalendarSpec spec_;
  std::shared_ptr<const Zone> zone_;
};

}  // namespace chaincrm::analytics
