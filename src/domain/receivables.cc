#include "domain/receivables.h"

namespace chaincrm::domain {

const char* BucketName(AgeingBucket b) {
  switch (b) {
    case AgeingBucket::kCurrent:
      return "current";
    case AgeingBucket::k1To30:
      return "1_30";
    case AgeingBucket::k31To60:
      return "31_60";
    case AgeingBucket::k61To90:
      return "61_90";
    case AgeingBucket::kOver90:
      return "90_plus";
  }
  return "unknown";
}

namespace {
std::int64_t DayOf(Millis t) {
  return t >= 0 ? t / kMillisPerDay : -((-t + kMillisPerDay - 1) / kMillisPerDay);
}
}  // namespace

std::int64_t DaysPastDue(Millis due_at, Millis as_of) { return DayOf(as_of) - DayOf(due_at); }

AgeingBucket BucketFor(std::int64_t days) {
  if (days <= 0) return AgeingBucket::kCurrent;
  if (days <= 30) return AgeingBucket::k1To30;
  if (days <= 60) return AgeingBucket::k31To60;
  if (days <= 90) return AgeingBucket::k61To90;
  return AgeingBucket::kOver90;
}

}  // namespace chaincrm::domain
