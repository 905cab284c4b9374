#pragma once
// Custom fields an admin defines at run time; values validate like built-in fields.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "domain/customer.h"

namespace chaincrm::domain {

struct CustomFieldDef {
  std::int64_t id = 0;
  std::string entity = "customer";
  std::string key;  // [a-z][a-z0-9_]{0,62}
  std::string label;
  std::string type;  // text | number | integer | boolean | date | enum
  bool required = false;
  std::vector<std::string> allowed_values;  // enum only
};

inline constexpr const char* kCustomFieldTypes[] = {"text",    "number", "integer",
                                                    "boolean", "date",   "enum"};

/// Checks a definition (key syntax, known type, enum has values).
std::vector<FieldError> ValidateCustomFieldDef(const CustomFieldDef& def);

/// Checks one value against its definition; `field` names it in the error
/// ("custom.loyalty_tier"). Returns nullopt when valid.
std::optional<FieldError> ValidateCustomValue(const CustomFieldDef& def, const CustomValue& value);

/// Validates every custom value of a customer against the definitions: unknown keys,
/// wrong types, missing required fields.
std::vector<FieldError> ValidateCustomValues(const std::map<std::string, CustomValue>& values,
                                             const std::vector<CustomFieldDef>& defs);

}  // namespace chaincrm::domain
