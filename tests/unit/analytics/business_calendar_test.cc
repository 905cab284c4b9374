#include "analytics/business_calendar.h"

#include <gtest/gtest.h>

#include "testing/status_matchers.h"

namespace chaincrm::analytics {
namespace {

Millis Utc(std::string_view s) { return ParseTime(s).value(); }

BusinessCalendarSpec Weekdays(std::string zone, std::string_view hours) {
  BusinessCalendarSpec spec;
  spec.time_zone = std::move(zone);
  for (int d = 0; d < 5; ++d)
    spec.week[static_cast<std::size_t>(d)] = ParseWorkingHours(hours).value();
  return spec;
}

TEST(BusinessCalendar, ParsesAndFormatsWorkingHours) {
  ASSERT_OK_AND_ASSIGN(const auto split, ParseWorkingHours("09:00-12:00, 13:00-18:00"));
  ASSERT_EQ(split.size(), 2u);
  EXPECT_EQ(split[1].start_minute, 13 * 60);
  EXPECT_EQ(FormatWorkingHours(split), "09:00-12:00,13:00-18:00");
  EXPECT_TRUE(ParseWorkingHours("closed").value().empty());
  EXPECT_FALSE(ParseWorkingHours("9-12").has_value());
  EXPECT_FALSE(ParseWorkingHours("09:00-25:00").has_value());
}

TEST(BusinessCalendar, RejectsACalendarWithNoWorkingHours) {
  BusinessCalendarSpec empty;
  const auto r = BusinessClock::Make(empty);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code(), Code::kInvalidArgument);
  EXPECT_EQ(r.error().message(), "the calendar has no working hours");
  EXPECT_FALSE(BusinessClock::Make(Weekdays("Mars/Olympus", "09:00-17:00")).has_value());
  EXPECT_FALSE(BusinessClock::Make(Weekdays("UTC", "09:00-12:00,11:00-13:00")).has_value());
  EXPECT_FALSE(BusinessClock::Make(Weekdays("UTC", "12:00-09:00")).has_value());
}

TEST(BusinessCalendar, SplitDayAndWeekend) {
  ASSERT_OK_AND_ASSIGN(const BusinessClock clock,
                       BusinessClock::Make(Weekdays("UTC", "09:00-12:00,13:00-18:00")));
  // Friday 2026-11-20 11:00 + 4 h: 1 h to noon, 3 h after lunch -> 16:00.
  ASSERT_OK_AND_ASSIGN(Millis t, clock.AddMinutes(Utc("2026-11-20T11:00:00Z"), 240));
  EXPECT_EQ(t, Utc("2026-11-20T16:00:00Z"));
  // Friday 16:00 + 4 h: 2 h on Friday, weekend skipped, 2 h on Monday -> Monday 11:00.
  ASSERT_OK_AND_ASSIGN(t, clock.AddMinutes(Utc("2026-11-20T16:00:00Z"), 240));
  EXPECT_EQ(t, Utc("2026-11-23T11:00:00Z"));
  // Starting on Saturday counts from Monday 09:00.
  ASSERT_OK_AND_ASSIGN(t, clock.AddMinutes(Utc("2026-11-21T10:00:00Z"), 30));
  EXPECT_EQ(t, Utc("2026-11-23T09:30:00Z"));
  EXPECT_EQ(clock.MinutesBetween(Utc("2026-11-20T16:00:00Z"), Utc("2026-11-23T11:00:00Z")), 240);
  EXPECT_EQ(clock.MinutesBetween(Utc("2026-11-23T11:00:00Z"), Utc("2026-11-20T16:00:00Z")), 0);
  EXPECT_TRUE(clock.IsWorking(Utc("2026-11-23T09:00:00Z")));
  EXPECT_FALSE(clock.IsWorking(Utc("2026-11-23T12:30:00Z")));
  EXPECT_FALSE(clock.IsWorking(Utc("2026-11-22T10:00:00Z")));
}

TEST(BusinessCalendar, HolidaysAreSkipped) {
  auto spec = Weekdays("UTC", "09:00-17:00");
  spec.holidays.push_back(DaysFromCivil(2026, 12, 24));
  spec.holidays.push_back(DaysFromCivil(2026, 12, 25));
  ASSERT_OK_AND_ASSIGN(const BusinessClock clock, BusinessClock::Make(spec));
  // Wednesday 23 Dec 16:00 + 2 h: 1 h Wednesday, Thu/Fri holidays, weekend, Monday 10:00.
  ASSERT_OK_AND_ASSIGN(const Millis t, clock.AddMinutes(Utc("2026-12-23T16:00:00Z"), 120));
  EXPECT_EQ(t, Utc("2026-12-28T10:00:00Z"));
  EXPECT_EQ(clock.MinutesBetween(Utc("2026-12-23T00:00:00Z"), Utc("2026-12-29T00:00:00Z")),
            2 * 8 * 60);
}

TEST(BusinessCalendar, LocalHoursAcrossADstChange) {
  // Europe/Berlin leaves CET (UTC+1) for CEST (UTC+2) on Sunday 29 March 2026.
  ASSERT_OK_AND_ASSIGN(const BusinessClock clock,
                       BusinessClock::Make(Weekdays("Europe/Berlin", "09:00-17:00")));
  // Friday 27 March 16:00 CET (15:00Z) + 2 h: 1 h Friday, Monday 10:00 CEST = 08:00Z.
  ASSERT_OK_AND_ASSIGN(const Millis t, clock.AddMinutes(Utc("2026-03-27T15:00:00Z"), 120));
  EXPECT_EQ(t, Utc("2026-03-30T08:00:00Z"));
  EXPECT_EQ(clock.MinutesBetween(Utc("2026-03-27T15:00:00Z"), t), 120);
  // A 24-hour calendar on the short day counts 23 hours.
  BusinessCalendarSpec all_day;
  all_day.time_zone = "Europe/Berlin";
  for (auto& d : all_day.week) d = {{0, 1440}};
  ASSERT_OK_AND_ASSIGN(const BusinessClock always, BusinessClock::Make(all_day));
  EXPECT_EQ(always.MinutesBetween(Utc("2026-03-28T23:00:00Z"), Utc("2026-03-29T22:00:00Z")),
            23 * 60);
}

}  // namespace
}  // namespace chaincrm::analytics
