#include "domain/receivables.h"

#include <gtest/gtest.h>

#include <string>

namespace chaincrm::domain {
namespace {

Millis Day(int y, unsigned m, unsigned d) { return DaysFromCivil(y, m, d) * kMillisPerDay; }

TEST(AgeingBucket, BoundariesAreInclusiveOfTheirUpperDay) {
  EXPECT_EQ(BucketFor(-5), AgeingBucket::kCurrent);
  EXPECT_EQ(BucketFor(0), AgeingBucket::kCurrent);
  EXPECT_EQ(BucketFor(1), AgeingBucket::k1To30);
  EXPECT_EQ(BucketFor(30), AgeingBucket::k1To30);
  EXPECT_EQ(BucketFor(31), AgeingBucket::k31To60);
  EXPECT_EQ(BucketFor(60), AgeingBucket::k31To60);
  EXPECT_EQ(BucketFor(61), AgeingBucket::k61To90);
  EXPECT_EQ(BucketFor(90), AgeingBucket::k61To90);
  EXPECT_EQ(BucketFor(91), AgeingBucket::kOver90);
}

TEST(DaysPastDue, CountsCalendarDaysIgnoringTimeOfDay) {
  const Millis due = Day(2026, 1, 31) + 23 * 3'600'000;  // late in the day
  EXPECT_EQ(DaysPastDue(due, Day(2026, 1, 31)), 0);
  EXPECT_EQ(DaysPastDue(due, Day(2026, 2, 1)), 1);
  EXPECT_EQ(DaysPastDue(due, Day(2026, 3, 2)), 30);
  EXPECT_EQ(DaysPastDue(due, Day(2026, 1, 1)), -30);
}

TEST(AgeingTotals, SplitsCurrentFromOverdue) {
  AgeingTotals t;
  t.Add(AgeingBucket::kCurrent, 100);
  t.Add(AgeingBucket::k31To60, 250);
  t.Add(AgeingBucket::kOver90, 50);
  EXPECT_EQ(t.total, 400);
  EXPECT_EQ(t.overdue(), 300);
  EXPECT_EQ(std::string(BucketName(AgeingBucket::kOver90)), "90_plus");
}

}  // namespace
}  // namespace chaincrm::domain
