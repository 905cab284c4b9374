#pragma once
// The module library of a configurable product (mass customisation): option groups
// (modules) with options carrying price, cost and lead-time deltas, numeric measurement
// groups, and named rules that exclude or require combinations. Pure; no I/O.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/result.h"

namespace chaincrm::domain {

struct ConfigOption {
  std::string code, name;
  std::int64_t price_delta = 0;  // minor units
  std::int64_t cost_delta = 0;
  std::int64_t lead_time_delta_days = 0;
};

enum class GroupKind { kChoice, kMeasurement };

struct OptionGroup {
  std::string code, name;
  GroupKind kind = GroupKind::kChoice;
  bool required = true;
  std::optional<double> min, max;     // measurement bounds
  std::vector<ConfigOption> options;  // choice groups only
};

enum class RuleKind { kExcludes, kRequires };

/// "If option if_group.if_option is chosen, then then_group must not be any of
/// then_options (excludes) / must be one of then_options (requires)."
struct ConfigRule {
  std::string name;
  RuleKind kind = RuleKind::kExcludes;
  std::string if_group, if_option, then_group;
  std::vector<std::string> then_options;
};

struct ProductModel {
  std::int64_t price = 0, cost = 0, lead_time_days = 0;
  std::vector<OptionGroup> groups;
  std::vector<ConfigRule> rules;
};

/// A customer's choices: option code per choice group, a number per measurement group.
struct Selection {
  std::map<std::string, std::string> choices;
  std::map<std::string, double> measurements;
};

struct PricedConfiguration {
  std::int64_t unit_price = 0, unit_cost = 0, lead_time_days = 0;
};

const char* RuleKindName(RuleKind k);
std::optional<RuleKind> ParseRuleKind(const std::string& s);

/// Checks the model itself: unique group and option codes, measurement bounds, rules
/// naming existing groups and options. Field names are "option_groups[i]..." / "rules[i]...".
std::vector<FieldError> ValidateModel(const ProductModel& m);

/// Validates `s` against `m` (unknown groups or options, missing required groups,
/// measurements out of bounds, then every rule in order) and prices it: base + deltas,
/// lead time = base + the sum of the chosen options' lead-time deltas. A broken rule is
/// InvalidArgument whose message names the rule and whose field is "rules.<name>".
Result<PricedConfiguration> EvaluateConfiguration(const ProductModel& m, const Selection& s);

}  // namespace chaincrm::domain
