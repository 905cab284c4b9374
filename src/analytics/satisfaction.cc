#include "analytics/satisfaction.h"

namespace chaincrm::analytics {

namespace {

bool InRange(int v) { return v >= kRatingMin && v <= kRatingMax; }

}  // namespace

int Gap(const AttributeRating& r) { return r.perception - r.expectation; }

Result<SatisfactionScore> ScoreSurvey(const std::vector<AttributeRating>& ratings) {
  std::vector<FieldError> errors;
  if (ratings.empty()) errors.push_back({"answers", "rate at least one attribute"});
  for (const auto& r : ratings) {
    if (!InRange(r.importance)) errors.push_back({r.attribute + ".importance", "must be 1..7"});
    if (!InRange(r.expectation)) errors.push_back({r.attribute + ".expectation", "must be 1..7"});
    if (!InRange(r.perception)) errors.push_back({r.attribute + ".perception", "must be 1..7"});
  }
  if (!errors.empty())
    return Fail(Error::InvalidArgument("ratings are invalid", std::move(errors)));
  double total_importance = 0;
  for (const auto& r : ratings) total_importance += r.importance;
  SatisfactionScore s;
  for (const auto& r : ratings) {
    const double w = r.importance / total_importance;
    s.index += w * (r.perception - 1) / 6.0 * 100.0;
    s.gap_index += w * (Gap(r) + 6) / 12.0 * 100.0;
    s.mean_gap += w * Gap(r);
  }
  return s;
}

std::optional<double> Csat(const std::vector<int>& answers) {
  if (answers.empty()) return std::nullopt;
  std::size_t satisfied = 0;
  for (int a : answers) satisfied += (a >= 4);
  return 100.0 * static_cast<double>(satisfied) / static_cast<double>(answers.size());
}

std::optional<double> Nps(const std::vector<int>& answers) {
  if (answers.empty()) return std::nullopt;
  std::size_t promoters = 0, detractors = 0;
  for (int a : answers) {
    promoters += (a >= 9);
    detractors += (a <= 6);
  }
  const double n = static_cast<double>(answers.size());
  return 100.0 * (static_cast<double>(promoters) - static_cast<double>(detractors)) / n;
}

}  // namespace chaincrm::analytics
