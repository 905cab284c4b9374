#include "domain/custom_field.h"

#include <algorithm>
#include <cmath>

namespace chaincrm::domain {

std::vector<FieldError> ValidateCustomFieldDef(const CustomFieldDef& def) {
  std::vector<FieldError> errs;
  const bool key_ok = !def.key.empty() && def.key.size() <= 63 && def.key[0] >= 'a' &&
                      def.key[0] <= 'z' && std::all_of(def.key.begin(), def.key.end(), [](char c) {
                        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
                      });
  if (!key_ok) errs.push_back({"key", "must match [a-z][a-z0-9_]* (at most 63 characters)"});
  if (def.entity != "customer") errs.push_back({"entity", "must be 'customer'"});
  if (def.label.empty()) errs.push_back({"label", "is required"});
  if (std::none_of(std::begin(kCustomFieldTypes), std::end(kCustomFieldTypes),
                   [&](const char* t) { return def.type == t; })) {
    errs.push_back({"type", "must be one of: text, number, integer, boolean, date, enum"});
  }
  if (def.type == "enum" && def.allowed_values.empty()) {
    errs.push_back({"allowed_values", "an enum needs at least one allowed value"});
  }
  if (def.type != "enum" && !def.allowed_values.empty()) {
    errs.push_back({"allowed_values", "only enum fields have allowed values"});
  }
  return errs;
}

std::optional<FieldError> ValidateCustomValue(const CustomFieldDef& def, const CustomValue& value) {
  const std::string field = "custom." + def.key;
  if (std::holds_alternative<std::monostate>(value)) {
    if (def.required) return FieldError{field, "is required"};
    return std::nullopt;
  }
  const auto* text = std::get_if<std::string>(&value);
  const auto* num = std::get_if<double>(&value);
  if (def.type == "text") {
    if (!text) return FieldError{field, "must be text"};
    if (text->size() > 2000) return FieldError{field, "must be at most 2000 characters"};
  } else if (def.type == "number") {
    if (!num) return FieldError{field, "must be a number"};
  } else if (def.type == "integer") {
    if (!num || std::floor(*num) != *num) return FieldError{field, "must be a whole number"};
  } else if (def.type == "boolean") {
    if (!std::holds_alternative<bool>(value)) return FieldError{field, "must be true or false"};
  } else if (def.type == "date") {
    if (!text || text->size() != 10 || !ParseDate(*text)) {
      return FieldError{field, "must be a date YYYY-MM-DD"};
    }
  } else if (def.type == "enum") {
    if (!text || std::find(def.allowed_values.begin(), def.allowed_values.end(), *text) ==
                     def.allowed_values.end()) {
      std::string allowed;
      for (const auto& v : def.allowed_values) allowed += (allowed.empty() ? "" : ", ") + v;
      return FieldError{field, "must be one of: " + allowed};
    }
  }
  return std::nullopt;
}

std::vector<FieldError> ValidateCustomValues(const std::map<std::string, CustomValue>& values,
                                             const std::vector<CustomFieldDef>& defs) {
  std::vector<FieldError> errs;
  for (const auto& [key, value] : values) {
    if (std::none_of(defs.begin(), defs.end(), [&](const auto& d) { return d.key == key; })) {
      errs.push_back({"custom." + key, "is not a defined custom field"});
    }
  }
  for (const auto& def : defs) {
    auto it = values.find(def.key);
    const CustomValue none;
    if (auto e = ValidateCustomValue(def, it == values.end() ? none : it->second)) {
      errs.push_back(*e);
    }
  }
  return errs;
}

}  // namespace chaincrm::domain
