#include "core/time.h"

#include <gtest/gtest.h>

#include "testing/status_matchers.h"

namespace chaincrm {
namespace {

TEST(Time, FormatsEpochAndKnownInstant) {
  EXPECT_EQ(FormatTime(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatTime(1'795'000'000'123), "2026-11-18T11:06:40.123Z");
  EXPECT_EQ(FormatTime(-1), "1969-12-31T23:59:59.999Z");
}

TEST(Time, ParsesRfc3339WithOffsetAndFraction) {
  ASSERT_OK_AND_ASSIGN(Millis t, ParseTime("2026-11-18T12:06:40.123+01:00"));
  EXPECT_EQ(t, 1'795'000'000'123);
  ASSERT_OK_AND_ASSIGN(Millis d, ParseTime("1997-01-01"));
  EXPECT_EQ(FormatDate(d), "1997-01-01");
}

TEST(Time, RejectsMalformedTimes) {
  for (const char* s : {"", "2026-13-01", "2026-02-30", "2026-11-18T10:46:40", "yesterday",
                        "2026-11-18T25:00:00Z", "2026-11-18T10:46:40.Z"}) {
    EXPECT_FALSE(ParseTime(s).has_value()) << s;
  }
}

TEST(Time, ParsesCompactDates) {
  ASSERT_OK_AND_ASSIGN(Millis t, ParseDate("19980630"));
  EXPECT_EQ(FormatDate(t), "1998-06-30");
}

}  // namespace
}  // namespace chaincrm
