#pragma once
// The customer record (PRODUCT.md section 1) and its validation rules. No I/O.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/error.h"
#include "core/time.h"

namespace chaincrm::domain {

struct Email {
  std::string address;
  std::string label;
  bool primary = false;
};
struct Phone {
  std::string number;
  std::string label;
  std::string normalized;  // digits, computed on validation
};
struct Address {
  std::string label, line1, line2, city, region, postal_code, country;
};
struct ExternalId {
  std::string system, value;
};
struct Serial {
  std::string serial, product;
};

/// A custom-field value: absent, boolean, number or text (dates and enums are text).
using CustomValue = std::variant<std::monostate, bool, double, std::string>;

/// Per-customer purchase aggregates, maintained as purchases arrive.
struct CustomerStats {
  std::optional<Millis> first_purchase_at, last_purchase_at;
  std::int64_t purchase_count = 0;
  std::int64_t purchase_days = 0;  // distinct purchase days (repeat-purchase models)
  std::int64_t revenue_total = 0;  // minor units of the ledger currency
  std::int64_t cost_total = 0;
};

struct Customer {
  std::int64_t id = 0;
  std::string kind;  // person | organization
  std::string name;
  std::string status = "active";  // active | archived
  std::vector<std::string> roles;
  std::optional<std::int64_t> parent_id, owner_id;
  std::optional<std::string> sector;
  std::optional<std::int64_t> employees;
  std::optional<std::int64_t> annual_revenue;  // minor units
  std::optional<std::string> revenue_currency;
  std::optional<std::string> tax_id;
  std::optional<std::string> birth_date;  // YYYY-MM-DD (sensitive)
  std::optional<std::string> gender;
  std::optional<std::string> income_band;      // sensitive
  std::map<std::string, double> measurements;  // body measurements in cm (sensitive)
  std::vector<Email> emails;
  std::vector<Phone> phones;
  std::vector<Address> addresses;
  std::vector<ExternalId> external_ids;
  std::vector<Serial> serials;
  std::vector<std::string> tags;
  std::map<std::string, CustomValue> custom;
  std::optional<std::string> notes;
  CustomerStats stats;
  std::int64_t version = 0;
  Millis created_at = 0, updated_at = 0;
  std::optional<Millis> archived_at;
};

inline constexpr const char* kCustomerKinds[] = {"person", "organization"};
inline constexpr const char* kCustomerRoles[] = {"end_customer", "business_buyer", "supplier",
                                                 "distributor",  "wholesaler",     "retailer"};
inline constexpr const char* kGenders[] = {"female", "male", "other", "unspecified"};
/// Sectors that make any organisation a large account (direct model).
inline constexpr const char* kSpecialSectors[] = {"government", "education"};

/// Checks the built-in rules and normalises in place (phone digits, trimmed names,
/// de-duplicated tags). Returns one FieldError per problem; empty when valid.
std::vector<FieldError> ValidateCustomer(Customer& c);

}  // namespace chaincrm::domain
