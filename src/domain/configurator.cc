#include "domain/configurator.h"

#include <algorithm>
#include <set>

namespace chaincrm::domain {

namespace {

const OptionGroup* FindGroup(const ProductModel& m, const std::string& code) {
  for (const auto& g : m.groups)
    if (g.code == code) return &g;
  return nullptr;
}

const ConfigOption* FindOption(const OptionGroup& g, const std::string& code) {
  for (const auto& o : g.options)
    if (o.code == code) return &o;
  return nullptr;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : " or ") + s;
  return out;
}

}  // namespace

const char* RuleKindName(RuleKind k) { return k == RuleKind::kExcludes ? "excludes" : "requires"; }

std::optional<RuleKind> ParseRuleKind(const std::string& s) {
  if (s == "excludes") return RuleKind::kExcludes;
  if (s == "requires") return RuleKind::kRequires;
  return std::nullopt;
}

std::vector<FieldError> ValidateModel(const ProductModel& m) {
  std::vector<FieldError> errs;
  std::set<std::string> groups;
  for (std::size_t i = 0; i < m.groups.size(); ++i) {
    const auto& g = m.groups[i];
    const std::string f = "option_groups[" + std::to_string(i) + "]";
    if (g.code.empty()) errs.push_back({f + ".code", "is required"});
    if (!groups.insert(g.code).second) errs.push_back({f + ".code", "is used twice"});
    if (g.kind == GroupKind::kMeasurement) {
      if (!g.options.empty())
        errs.push_back({f + ".options", "a measurement group has no options"});
      if (g.min && g.max && *g.min > *g.max) errs.push_back({f + ".max", "must not be below min"});
      continue;
    }
    if (g.options.empty()) errs.push_back({f + ".options", "a choice group needs options"});
    std::set<std::string> codes;
    for (std::size_t j = 0; j < g.options.size(); ++j) {
      const std::string of = f + ".options[" + std::to_string(j) + "]";
      if (g.options[j].code.empty()) errs.push_back({of + ".code", "is required"});
      if (!codes.insert(g.options[j].code).second)
        errs.push_back({of + ".code", "is used twice in the group"});
      if (g.options[j].lead_time_delta_days < -3650 || g.options[j].lead_time_delta_days > 3650)
        errs.push_back({of + ".lead_time_delta_days", "must be within ±3650 days"});
    }
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < m.rules.size(); ++i) {
    const auto& r = m.rules[i];
    const std::string f = "rules[" + std::to_string(i) + "]";
    if (r.name.empty()) errs.push_back({f + ".name", "is required (it is shown when broken)"});
    if (!names.insert(r.name).second) errs.push_back({f + ".name", "is used twice"});
    const OptionGroup* ig = FindGroup(m, r.if_group);
    if (!ig || ig->kind != GroupKind::kChoice) {
      errs.push_back({f + ".if.group", "is not a choice group of this product"});
    } else if (!FindOption(*ig, r.if_option)) {
      errs.push_back({f + ".if.option", "is not an option of group " + r.if_group});
    }
    const OptionGroup* tg = FindGroup(m, r.then_group);
    if (!tg || tg->kind != GroupKind::kChoice) {
      errs.push_back({f + ".then.group", "is not a choice group of this product"});
    } else {
      if (r.then_options.empty()) errs.push_back({f + ".then.options", "name at least one"});
      for (const auto& o : r.then_options)
        if (!FindOption(*tg, o))
          errs.push_back({f + ".then.options", o + " is not an option of group " + r.then_group});
    }
  }
  return errs;
}

Result<PricedConfiguration> EvaluateConfiguration(const ProductModel& m, const Selection& s) {
  std::vector<FieldError> errs;
  PricedConfiguration p{m.price, m.cost, m.lead_time_days};
  for (const auto& [group, option] : s.choices) {
    const OptionGroup* g = FindGroup(m, group);
    if (!g || g->kind != GroupKind::kChoice) {
      errs.push_back({"options." + group, "is not an option group of this product"});
    } else if (const ConfigOption* o = FindOption(*g, option); !o) {
      errs.push_back({"options." + group, option + " is not an option of " + group});
    } else {
      p.unit_price += o->price_delta;
      p.unit_cost += o->cost_delta;
      p.lead_time_days += o->lead_time_delta_days;
    }
  }
  for (const auto& [group, value] : s.measurements) {
    const OptionGroup* g = FindGroup(m, group);
    if (!g || g->kind != GroupKind::kMeasurement) {
      errs.push_back({"measurements." + group, "is not a measurement of this product"});
    } else if ((g->min && value < *g->min) || (g->max && value > *g->max)) {
      errs.push_back({"measurements." + group, "must be between " +
                                                   std::to_string(g->min.value_or(0)) + " and " +
                                                   std::to_string(g->max.value_or(0))});
    }
  }
  for (const auto& g : m.groups) {
    if (!g.required) continue;
    const bool given =
        g.kind == GroupKind::kChoice ? s.choices.contains(g.code) : s.measurements.contains(g.code);
    if (!given)
      errs.push_back(
          {(g.kind == GroupKind::kChoice ? "options." : "measurements.") + g.code, "is required"});
  }
  if (!errs.empty()) return Fail(Error::InvalidArgument("the configuration is incomplete", errs));
  for (const auto& r : m.rules) {
    auto chosen = s.choices.find(r.if_group);
    if (chosen == s.choices.end() || chosen->second != r.if_option) continue;
    auto other = s.choices.find(r.then_group);
    const bool hit = other != s.choices.end() && Contains(r.then_options, other->second);
    if (r.kind == RuleKind::kExcludes && hit) {
      return Fail(Error::InvalidArgument(
          "the configuration breaks rule \"" + r.name + "\": " + r.if_group + " " + r.if_option +
              " excludes " + r.then_group + " " + other->second,
          {{"rules." + r.name,
            r.if_group + " " + r.if_option + " excludes " + r.then_group + " " + other->second}}));
    }
    if (r.kind == RuleKind::kRequires && !hit) {
      return Fail(Error::InvalidArgument(
          "the configuration breaks rule \"" + r.name + "\": " + r.if_group + " " + r.if_option +
              " requires " + r.then_group + " " + Join(r.then_options),
          {{"rules." + r.name, r.if_group + " " + r.if_option + " requires " + r.then_group + " " +
                                   Join(r.then_options)}}));
    }
  }
  if (p.unit_price < 0) return Fail(Error::InvalidArgument("the configured price is negative"));
  if (p.lead_time_days < 0) p.lead_time_days = 0;
  return p;
}

}  // namespace chaincrm::domain
