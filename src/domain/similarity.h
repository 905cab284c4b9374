#pragma once
// Duplicate scoring: how likely two customers are the same party. Pure code; the
// weights and the threshold are documented in docs/ORGANISE.md.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chaincrm::domain {

/// What the scoring compares. Strings are already normalised: folded name and city
/// (FoldForSearch), emails (NormalizeEmail), phones (NormalizePhone), tax id.
struct DuplicateFeatures {
  std::int64_t id = 0;
  std::string kind;    // person | organization
  std::string name;    // folded
  std::string city;    // folded
  std::string street;  // folded first address line and postal code
  std::string tax_id;
  std::vector<std::string> emails, phones;
};

struct DuplicateScore {
  double score = 0;                  // 0..1
  std::vector<std::string> reasons;  // "email", "phone", "tax_id", "name", "city", "address"
};

/// Signal weights, combined as a noisy-or: score = 1 - Π(1 - w_i).
inline constexpr double kWeightTaxId = 0.95;
inline constexpr double kWeightEmail = 0.9;
inline constexpr double kWeightPhone = 0.8;
inline constexpr double kWeightName = 0.5;  // × Jaro-Winkler, when it is ≥ kNameFloor
inline constexpr double kNameFloor = 0.85;
inline constexpr double kWeightCity = 0.15;    // only together with a name signal
inline constexpr double kWeightAddress = 0.4;  // × street trigram similarity, when ≥ 0.5
/// A pair at or above this score is a likely duplicate (listed, 409 on create).
inline constexpr double kDuplicateThreshold = 0.6;

/// Jaro-Winkler similarity of two UTF-8 strings, by code point (0..1).
double JaroWinkler(std::string_view a, std::string_view b);
/// Jaccard similarity of the sets of character trigrams (padded with spaces) (0..1).
double TrigramSimilarity(std::string_view a, std::string_view b);
/// Scores a pair. Persons and organisations are compared alike; a different kind
/// halves the name and address signals (a person named like a company is rare).
DuplicateScore ScorePair(const DuplicateFeatures& a, const DuplicateFeatures& b);

}  // namespace chaincrm::domain
