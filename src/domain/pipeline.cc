#include "domain/pipeline.h"

#include <algorithm>
#include <utility>

namespace chaincrm::domain {

const char* StageName(Stage s) {
  switch (s) {
    case Stage::kNeedCollection:
      return "need_collection";
    case Stage::kSolutionDesign:
      return "solution_design";
    case Stage::kSelling:
      return "selling";
    case Stage::kFollowUp:
      return "follow_up";
    case Stage::kWon:
      return "won";
    case Stage::kLost:
      return "lost";
  }
  return "unknown";
}

std::optional<Stage> ParseStage(std::string_view s) {
  for (Stage st : kAllStages)
    if (s == StageName(st)) return st;
  return std::nullopt;
}

bool IsClosed(Stage s) { return s == Stage::kWon || s == Stage::kLost; }

StageProbabilities::StageProbabilities() : open_{10, 25, 50, 80} {}

int StageProbabilities::Percent(Stage s) const {
  if (s == Stage::kWon) return 100;
  if (s == Stage::kLost) return 0;
  return open_[static_cast<std::size_t>(s)];
}

bool StageProbabilities::Set(Stage s, int percent) {
  if (IsClosed(s) || percent < 0 || percent > 100) return false;
  open_[static_cast<std::size_t>(s)] = percent;
  return true;
}

std::int64_t Weighted(std::int64_t amount_minor, int percent) {
  const std::int64_t num = amount_minor * percent;
  return num >= 0 ? (num + 50) / 100 : -((-num + 50) / 100);
}

std::vector<ForecastRow> WeightedForecast(const std::vector<ForecastInput>& items,
                                          const StageProbabilities& p) {
  std::map<std::pair<std::string, std::string>, ForecastRow> rows;
  for (const auto& it : items) {
    if (it.stage == Stage::kLost) continue;
    auto& r = rows[{it.group, it.currency}];
    r.group = it.group;
    r.currency = it.currency;
    r.count += 1;
    r.amount_minor += it.amount_minor;
    r.weighted_minor += Weighted(it.amount_minor, p.Percent(it.stage));
  }
  std::vector<ForecastRow> out;
  out.reserve(rows.size());
  for (auto& [k, r] : rows) out.push_back(std::move(r));
  return out;
}

}  // namespace chaincrm::domain
