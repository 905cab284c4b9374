// The one JSON mapping of a product and its module library.

#include "core/money.h"
#include "services/json_util.h"
#include "services/product_service.h"
#include "services/sales_common.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::GroupKind;

namespace {

void ReadOptions(const json::array& arr, const std::string& f, domain::OptionGroup& g,
                 std::vector<FieldError>& errs) {
  for (std::size_t j = 0; j < arr.size(); ++j) {
    const std::string of = f + ".options[" + std::to_string(j) + "]";
    if (!arr[j].is_object()) {
      errs.push_back({of, "must be an object"});
      continue;
    }
    JsonReader r(arr[j].as_object(), of);
    r.Known({"code", "name", "price_delta", "cost_delta", "lead_time_delta_days"});
    domain::ConfigOption o;
    o.code = r.Str("code").value_or("");
    o.name = r.Str("name").value_or(o.code);
    o.price_delta = AmountField(r.Get("price_delta"), of + ".price_delta", errs).value_or(0);
    o.cost_delta = AmountField(r.Get("cost_delta"), of + ".cost_delta", errs).value_or(0);
    o.lead_time_delta_days = r.Int("lead_time_delta_days").value_or(0);
    for (auto& e : r.errors()) errs.push_back(e);
    g.options.push_back(std::move(o));
  }
}

void ReadGroups(const json::value& v, domain::ProductModel& m, std::vector<FieldError>& errs) {
  m.groups.clear();
  if (!v.is_array()) {
    errs.push_back({"option_groups", "must be an array"});
    return;
  }
  const auto& arr = v.as_array();
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const std::string f = "option_groups[" + std::to_string(i) + "]";
    if (!arr[i].is_object()) {
      errs.push_back({f, "must be an object"});
      continue;
    }
    JsonReader r(arr[i].as_object(), f);
    r.Known({"code", "name", "kind", "required", "min", "max", "options"});
    domain::OptionGroup g;
    g.code = r.Str("code").value_or("");
    g.name = r.Str("name").value_or(g.code);
    const std::string kind = r.Str("kind").value_or("choice");
    if (kind == "measurement") {
      g.kind = GroupKind::kMeasurement;
    } else if (kind != "choice") {
      r.Error("kind", "must be choice or measurement");
    }
    g.required = r.Bool("required").value_or(true);
    g.min = r.Num("min");
    g.max = r.Num("max");
    if (const auto* opts = r.Get("options"); opts && !opts->is_null()) {
      if (opts->is_array()) {
        ReadOptions(opts->as_array(), f, g, errs);
      } else {
        r.Error("options", "must be an array");
      }
    }
    for (auto& e : r.errors()) errs.push_back(e);
    m.groups.push_back(std::move(g));
  }
}

void ReadRules(const json::value& v, domain::ProductModel& m, std::vector<FieldError>& errs) {
  m.rules.clear();
  if (!v.is_array()) {
    errs.push_back({"rules", "must be an array"});
    return;
  }
  const auto& arr = v.as_array();
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const std::string f = "rules[" + std::to_string(i) + "]";
    if (!arr[i].is_object()) {
      errs.push_back({f, "must be an object"});
      continue;
    }
    JsonReader r(arr[i].as_object(), f);
    r.Known({"name", "kind", "if", "then"});
    domain::ConfigRule rule;
    rule.name = r.Str("name").value_or("");
    const std::string kind = r.Str("kind").value_or("");
    if (auto k = domain::ParseRuleKind(kind)) {
      rule.kind = *k;
    } else {
      r.Error("kind", "must be excludes or requires");
    }
    const auto* cond = r.Get("if");
    if (cond && cond->is_object()) {
      JsonReader c(cond->as_object(), f + ".if");
      c.Known({"group", "option"});
      rule.if_group = c.Str("group").value_or("");
      rule.if_option = c.Str("option").value_or("");
      for (auto& e : c.errors()) errs.push_back(e);
    } else {
      r.Error("if", "must be {\"group\": ..., \"option\": ...}");
    }
    const auto* then = r.Get("then");
    if (then && then->is_object()) {
      JsonReader t(then->as_object(), f + ".then");
      t.Known({"group", "options"});
      rule.then_group = t.Str("group").value_or("");
      if (const auto* opts = t.Get("options"); opts && opts->is_array()) {
        for (const auto& o : opts->as_array())
          if (o.is_string()) rule.then_options.emplace_back(o.as_string());
      } else {
        t.Error("options", "must be an array of option codes");
      }
      for (auto& e : t.errors()) errs.push_back(e);
    } else {
      r.Error("then", "must be {\"group\": ..., \"options\": [...]}");
    }
    for (auto& e : r.errors()) errs.push_back(e);
    m.rules.push_back(std::move(rule));
  }
}

}  // namespace

std::vector<FieldError> ProductFromJson(const json::object& o, Product& p) {
  JsonReader r(o);
  r.Known({"id", "sku", "name", "description", "price", "cost", "lead_time_days", "external_id",
           "active", "configurable", "option_groups", "rules", "version", "created_at",
           "updated_at"});
  std::vector<FieldError> errs;
  if (auto v = r.Str("sku")) p.sku = *v;
  if (auto v = r.Str("name")) p.name = *v;
  if (r.Has("description")) p.description = r.Str("description");
  if (r.Has("external_id")) p.external_id = r.Str("external_id");
  if (auto v = r.Bool("active")) p.active = *v;
  if (auto v = r.Int("lead_time_days")) p.model.lead_time_days = *v;
  if (auto price = r.Money("price")) {
    p.model.price = price->first;
    p.currency = price->second;
  }
  if (auto cost = r.Money("cost")) {
    p.model.cost = cost->first;
    if (cost->second != p.currency) r.Error("cost.currency", "must be the price's currency");
  }
  if (const auto* g = r.Get("option_groups"); g && !g->is_null()) ReadGroups(*g, p.model, errs);
  if (const auto* rl = r.Get("rules"); rl && !rl->is_null()) ReadRules(*rl, p.model, errs);
  for (auto& e : r.errors()) errs.push_back(e);
  if (p.sku.empty() || p.sku.size() > 64) errs.push_back({"sku", "is required (1–64 characters)"});
  if (p.name.empty() || p.name.size() > 200)
    errs.push_back({"name", "is required (1–200 characters)"});
  if (p.id == 0 && (!o.contains("price") || o.at("price").is_null()))
    errs.push_back({"price", "is required"});
  if (p.model.price < 0) errs.push_back({"price", "must not be negative"});
  if (p.model.cost < 0) errs.push_back({"cost", "must not be negative"});
  if (p.model.lead_time_days < 0 || p.model.lead_time_days > 3650)
    errs.push_back({"lead_time_days", "must be between 0 and 3650"});
  if (p.external_id && (p.external_id->empty() || p.external_id->size() > 100))
    errs.push_back({"external_id", "must be 1–100 characters"});
  for (auto& e : domain::ValidateModel(p.model)) errs.push_back(std::move(e));
  return errs;
}

json::object ProductToJson(const Product& p) {
  json::array groups;
  for (const auto& g : p.model.groups) {
    json::array options;
    for (const auto& o : g.options) {
      options.push_back({{"code", o.code},
                         {"name", o.name},
                         {"price_delta", FormatAmount(o.price_delta)},
                         {"cost_delta", FormatAmount(o.cost_delta)},
                         {"lead_time_delta_days", o.lead_time_delta_days}});
    }
    json::object go{{"code", g.code},
                    {"name", g.name},
                    {"kind", g.kind == GroupKind::kChoice ? "choice" : "measurement"},
                    {"required", g.required}};
    if (g.kind == GroupKind::kChoice) go["options"] = std::move(options);
    if (g.min) go["min"] = *g.min;
    if (g.max) go["max"] = *g.max;
    groups.push_back(std::move(go));
  }
  json::array rules;
  for (const auto& r : p.model.rules) {
    json::array then;
    for (const auto& o : r.then_options) then.push_back(json::value(o));
    rules.push_back({{"name", r.name},
                     {"kind", domain::RuleKindName(r.kind)},
                     {"if", {{"group", r.if_group}, {"option", r.if_option}}},
                     {"then", {{"group", r.then_group}, {"options", std::move(then)}}}});
  }
  return {{"id", p.id},
          {"sku", p.sku},
          {"name", p.name},
          {"description", OptJson(p.description)},
          {"price", MoneyJson(p.model.price, p.currency)},
          {"cost", MoneyJson(p.model.cost, p.currency)},
          {"lead_time_days", p.model.lead_time_days},
          {"external_id", OptJson(p.external_id)},
          {"active", p.active},
          {"configurable", !p.model.groups.empty()},
          {"option_groups", std::move(groups)},
          {"rules", std::move(rules)},
          {"version", p.version},
          {"created_at", FormatTime(p.created_at)},
          {"updated_at", FormatTime(p.updated_at)}};
}

}  // namespace chaincrm::services
