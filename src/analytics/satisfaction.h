#pragma once
// Satisfaction under the expectation–perception model, CSAT and NPS. Pure functions.
//
// Per attribute i a respondent gives importance I_i, expectation E_i and perceived
// performance P_i, each on 1..7. With weights w_i = I_i / Σ I_j:
//   gap_i              = P_i − E_i                       (−6 .. +6; negative = let down)
//   satisfaction index = Σ w_i · (P_i − 1) / 6 · 100     (0 .. 100; perception only)
//   gap index          = Σ w_i · (gap_i + 6) / 12 · 100  (0 .. 100; 50 = as expected)
// CSAT = % of CSAT answers (1..5) that are 4 or 5; NPS = % promoters (9..10) − % detractors
// (0..6) of the 0..10 answers.

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace chaincrm::analytics {

inline constexpr int kRatingMin = 1;
inline constexpr int kRatingMax = 7;

struct AttributeRating {
  std::string attribute;
  int importance = 0;   // 1..7
  int expectation = 0;  // 1..7
  int perception = 0;   // 1..7
};

struct SatisfactionScore {
  double index = 0;      // 0..100, perception weighted by importance
  double gap_index = 0;  // 0..100, gap weighted by importance (50 = expectations met)
  double mean_gap = 0;   // Σ w_i · gap_i
};

/// InvalidArgument when `ratings` is empty or a value is outside 1..7 (the field named
/// "<attribute>.<importance|expectation|perception>").
Result<SatisfactionScore> ScoreSurvey(const std::vector<AttributeRating>& ratings);

/// Per-attribute gap P − E.
int Gap(const AttributeRating& r);

/// % of answers that are 4 or 5 (answers 1..5); nullopt when there are none.
std::optional<double> Csat(const std::vector<int>& answers);
/// % promoters (9–10) − % detractors (0–6) (answers 0..10); nullopt when there are none.
std::optional<double> Nps(const std::vector<int>& answers);

}  // namespace chaincrm::analytics
