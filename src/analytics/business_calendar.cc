#include "analytics/business_calendar.h"

#include <date/tz.h>

#include <algorithm>
#include <charconv>
#include <exception>
#include <utility>

namespace chaincrm::analytics {

struct BusinessClock::Zone {
  const date::time_zone* tz = nullptr;
};

namespace {

constexpr int kMaxDaysSearched = 3660;

Result<int> ParseClock(std::string_view s) {
  // "HH:MM", 00:00 .. 24:00
  int h = -1, m = -1;
  if (s.size() == 5 && s[2] == ':') {
    std::from_chars(s.data(), s.data() + 2, h);
    std::from_chars(s.data() + 3, s.data() + 5, m);
  }
  if (h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0)) {
    return Fail(Error::InvalidArgument("'" + std::string(s) + "' is not a time HH:MM"));
  }
  return h * 60 + m;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

Result<std::vector<WorkingInterval>> ParseWorkingHours(std::string_view text) {
  std::vector<WorkingInterval> out;
  text = Trim(text);
  if (text.empty() || text == "closed") return out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const std::string_view part = Trim(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    const auto dash = part.find('-');
    if (dash == std::string_view::npos) {
      return Fail(Error::InvalidArgument("'" + std::string(part) + "' is not a range HH:MM-HH:MM"));
    }
    ASSIGN_OR_RETURN(const int start, ParseClock(Trim(part.substr(0, dash))));
    ASSIGN_OR_RETURN(const int end, ParseClock(Trim(part.substr(dash + 1))));
    out.push_back({start, end});
  }
  return out;
}

std::string FormatWorkingHours(const std::vector<WorkingInterval>& intervals) {
  std::string out;
  const auto clock = [](int m) {
    char buf[6];
    buf[0] = static_cast<char>('0' + m / 600);
    buf[1] = static_cast<char>('0' + m / 60 % 10);
    buf[2] = ':';
    buf[3] = static_cast<char>('0' + m % 60 / 10);
    buf[4] = static_cast<char>('0' + m % 10);
    buf[5] = 0;
    return std::string(buf);
  };
  for (const auto& i : intervals) {
    if (!out.empty()) out += ',';
    out += clock(i.start_minute) + "-" + clock(i.end_minute);
  }
  return out;
}

Result<BusinessClock> BusinessClock::Make(BusinessCalendarSpec spec) {
  std::vector<FieldError> errors;
  auto zone = std::make_shared<Zone>();
  try {
    zone->tz = date::locate_zone(spec.time_zone);
  } catch (const std::exception&) {
    errors.push_back({"time_zone", "'" + spec.time_zone + "' is not a known IANA time zone"});
  }
  bool any = false;
  static constexpr const char* kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                          "friday", "saturday", "sunday"};
  for (std::size_t d = 0; d < 7; ++d) {
    auto& day = spec.week[d];
    std::sort(day.begin(), day.end(),
              [](const auto& a, const auto& b) { return a.start_minute < b.start_minute; });
    for (std::size_t i = 0; i < day.size(); ++i) {
      const auto& w = day[i];
      if (w.start_minute < 0 || w.end_minute > 1440 || w.start_minute >= w.end_minute) {
        errors.push_back({std::string("working_hours.") + kDays[d],
                          "each range must start before it ends, within 00:00-24:00"});
        break;
      }
      if (i > 0 && w.start_minute < day[i - 1].end_minute) {
        errors.push_back({std::string("working_hours.") + kDays[d], "ranges overlap"});
        break;
      }
      any = true;
    }
  }
  if (!any) errors.push_back({"working_hours", "the calendar has no working hours"});
  if (!errors.empty()) {
    const bool no_hours = !any && errors.size() == 1;
    return Fail(Error::InvalidArgument(
        no_hours ? "the calendar has no working hours" : "invalid business calendar",
        std::move(errors)));
  }
  std::sort(spec.holidays.begin(), spec.holidays.end());
  spec.holidays.erase(std::unique(spec.holidays.begin(), spec.holidays.end()), spec.holidays.end());
  return BusinessClock(std::move(spec), std::move(zone));
}

BusinessClock::BusinessClock(BusinessCalendarSpec spec, std::shared_ptr<const Zone> zone)
    : spec_(std::move(spec)), zone_(std::move(zone)) {}

std::int64_t BusinessClock::LocalDay(Millis t) const {
  const date::sys_time<std::chrono::milliseconds> sys{std::chrono::milliseconds{t}};
  const auto local = zone_->tz->to_local(sys);
  return date::floor<date::days>(local).time_since_epoch().count();
}

template <typename F>
void BusinessClock::ForEachInterval(std::int64_t day, F&& f) const {
  if (std::binary_search(spec_.holidays.begin(), spec_.holidays.end(), day)) return;
  // 1970-01-01 was a Thursday (index 3 with Monday = 0).
  const auto weekday = static_cast<std::size_t>(((day % 7) + 7 + 3) % 7);
  const date::local_days local{date::days{day}};
  for (const auto& w : spec_.week[weekday]) {
    const auto to_utc = [&](int minute) {
      const auto lt = local + std::chrono::minutes{minute};
      // Earliest resolves an ambiguous (repeated) time; a skipped time maps to the gap.
      const auto sys = zone_->tz->to_sys(lt, date::choose::earliest);
      return std::chrono::duration_cast<std::chrono::milliseconds>(sys.time_since_epoch()).count();
    };
    const Millis start = to_utc(w.start_minute);
    const Millis end = to_utc(w.end_minute);
    if (end > start) f(start, end);
  }
}

Result<Millis> BusinessClock::Add(Millis from, std::int64_t millis) const {
  if (millis < 0) return Fail(Error::InvalidArgument("business time to add must not be negative"));
  std::int64_t remaining = millis;
  std::int64_t day = LocalDay(from) - 1;
  for (int i = 0; i < kMaxDaysSearched; ++i, ++day) {
    bool done = false;
    Millis answer = 0;
    ForEachInterval(day, [&](Millis start, Millis end) {
      if (done || end <= from) return;
      const Millis begin = std::max(start, from);
      if (remaining <= end - begin) {
        // Exactly at the end of an interval with nothing left to add: stay there, unless
        // nothing was added at all (then the start instant is the answer).
        answer = begin + remaining;
        done = true;
        return;
      }
      remaining -= end - begin;
    });
    if (done) return answer;
  }
  return Fail(Error::FailedPrecondition("no working time within ten years of the start"));
}

std::int64_t BusinessClock::Between(Millis from, Millis to) const {
  if (to <= from) return 0;
  std::int64_t total = 0;
  const std::int64_t last = LocalDay(to) + 1;
  for (std::int64_t day = LocalDay(from) - 1; day <= last; ++day) {
    ForEachInterval(day, [&](Millis start, Millis end) {
      const Millis a = std::max(start, from), b = std::min(end, to);
      if (b > a) total += b - a;
    });
  }
  return total;
}

bool BusinessClock::IsWorking(Millis t) const {
  bool working = false;
  const std::int64_t day = LocalDay(t);
  for (std::int64_t d = day - 1; d <= day + 1; ++d) {
    ForEachInterval(d, [&](Millis start, Millis end) { working |= start <= t && t < end; });
  }
  return working;
}

}  // namespace chaincrm::analytics
