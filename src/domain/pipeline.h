#pragma once
// The sales pipeline: the four stages of the marketing process, then won or lost; stage
// probabilities and the weighted forecast. Pure: no database, no clock.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chaincrm::domain {

enum class Stage { kNeedCollection, kSolutionDesign, kSelling, kFollowUp, kWon, kLost };

inline constexpr std::array<Stage, 6> kAllStages = {Stage::kNeedCollection,
                                                    Stage::kSolutionDesign,
                                                    Stage::kSelling,
                                                    Stage::kFollowUp,
                                                    Stage::kWon,
                                                    Stage::kLost};
/// The four open stages, in order; their probabilities are configurable.
inline constexpr std::array<Stage, 4> kOpenStages = {Stage::kNeedCollection, Stage::kSolutionDesign,
                                                     Stage::kSelling, Stage::kFollowUp};

/// "need_collection", "solution_design", "selling", "follow_up", "won", "lost".
const char* StageName(Stage s);
std::optional<Stage> ParseStage(std::string_view s);
bool IsClosed(Stage s);

/// Win probability per stage in whole percent (0..100). Won is always 100 and lost 0.
class StageProbabilities {
 public:
  /// Defaults: need collection 10, solution design 25, selling 50, follow-up 80.
  StageProbabilities();
  int Percent(Stage s) const;
  /// Sets an open stage's percent; false when the stage is closed or percent not 0..100.
  bool Set(Stage s, int percent);

 private:
  std::array<int, 4> open_;
};

/// One opportunity as the forecast sees it.
struct ForecastInput {
  std::string group;  // the month, owner or segment the row belongs to
  std::string currency;
  std::int64_t amount_minor = 0;
  Stage stage = Stage::kNeedCollection;
};

struct ForecastRow {
  std::string group;
  std::string currency;
  std::int64_t count = 0;
  std::int64_t amount_minor = 0;    // unweighted
  std::int64_t weighted_minor = 0;  // sum of amount × percent / 100, rounded half up per item
};

/// Weighted pipeline: one row per (group, currency), sorted by group then currency.
/// Lost opportunities are left out; won count at 100%.
std::vector<ForecastRow> WeightedForecast(const std::vector<ForecastInput>& items,
                                          const StageProbabilities& p);

/// amount × percent / 100 rounded half away from zero.
std::int64_t Weighted(std::int64_t amount_minor, int percent);

}  // namespace chaincrm::domain
