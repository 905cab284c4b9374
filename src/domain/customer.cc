#include "domain/customer.h"

#include <algorithm>
#include <set>

#include "core/money.h"
#include "core/text.h"

namespace chaincrm::domain {

namespace {

template <std::size_t N>
bool OneOf(const std::string& v, const char* const (&allowed)[N]) {
  return std::any_of(std::begin(allowed), std::end(allowed), [&](const char* a) { return v == a; });
}

template <std::size_t N>
std::string List(const char* const (&allowed)[N]) {
  std::string out;
  for (const char* a : allowed) out += (out.empty() ? "" : ", ") + std::string(a);
  return out;
}

std::string At(const char* field, std::size_t i) {
  return std::string(field) + "[" + std::to_string(i) + "]";
}

}  // namespace

std::vector<FieldError> ValidateCustomer(Customer& c) {
  std::vector<FieldError> errs;
  c.name = std::string(Trim(c.name));
  if (!OneOf(c.kind, kCustomerKinds)) {
    errs.push_back({"kind", "must be one of: " + List(kCustomerKinds)});
  }
  if (c.name.empty()) errs.push_back({"name", "is required"});
  if (c.name.size() > 300) errs.push_back({"name", "must be at most 300 characters"});
  if (!IsValidUtf8(c.name)) errs.push_back({"name", "must be valid UTF-8"});
  std::set<std::string> roles;
  for (std::size_t i = 0; i < c.roles.size(); ++i) {
    if (!OneOf(c.roles[i], kCustomerRoles)) {
      errs.push_back({At("roles", i), "must be one of: " + List(kCustomerRoles)});
    }
    roles.insert(c.roles[i]);
  }
  c.roles.assign(roles.begin(), roles.end());
  if (c.employees && *c.employees < 0) errs.push_back({"employees", "must not be negative"});
  if (c.annual_revenue && *c.annual_revenue < 0) {
    errs.push_back({"annual_revenue", "must not be negative"});
  }
  if (c.revenue_currency && !IsCurrencyCode(*c.revenue_currency)) {
    errs.push_back({"annual_revenue.currency", "must be an ISO 4217 code such as CNY"});
  }
  if (c.kind == "person" && (c.employees || c.annual_revenue)) {
    errs.push_back({"employees", "applies to organisations only"});
  }
  if (c.birth_date) {
    auto d = ParseDate(*c.birth_date);
    if (!d || c.birth_date->size() != 10) {
      errs.push_back({"birth_date", "must be a date YYYY-MM-DD"});
    } else if (*d > SystemClock::Instance().Now()) {
      errs.push_back({"birth_date", "must not be in the future"});
    }
  }
  if (c.gender && !OneOf(*c.gender, kGenders)) {
    errs.push_back({"gender", "must be one of: " + List(kGenders)});
  }
  for (const auto& [k, v] : c.measurements) {
    if (!(v > 0 && v < 400)) errs.push_back({"measurements." + k, "must be between 0 and 400 cm"});
  }
  int primaries = 0;
  std::set<std::string> seen_emails;
  for (std::size_t i = 0; i < c.emails.size(); ++i) {
    const std::string norm = NormalizeEmail(c.emails[i].address);
    if (norm.empty()) {
      errs.push_back({At("emails", i),
                      "'" + c.emails[i].address.substr(0, 80) + "' is not a valid email address"});
    } else if (!seen_emails.insert(norm).second) {
      errs.push_back({At("emails", i), "is listed twice"});
    }
    c.emails[i].address = std::string(Trim(c.emails[i].address));
    primaries += c.emails[i].primary;
  }
  if (primaries == 0 && !c.emails.empty()) c.emails.front().primary = true;
  if (primaries > 1) errs.push_back({"emails", "only one email may be primary"});
  for (std::size_t i = 0; i < c.phones.size(); ++i) {
    c.phones[i].normalized = NormalizePhone(c.phones[i].number);
    if (c.phones[i].normalized.empty()) {
      errs.push_back({At("phones", i), "'" + c.phones[i].number.substr(0, 40) +
                                           "' is not a phone number (5 to 20 digits)"});
    }
  }
  for (std::size_t i = 0; i < c.external_ids.size(); ++i) {
    if (c.external_ids[i].system.empty() || c.external_ids[i].value.empty()) {
      errs.push_back({At("external_ids", i), "needs both system and value"});
    }
  }
  for (std::size_t i = 0; i < c.serials.size(); ++i) {
    if (Trim(c.serials[i].serial).empty()) errs.push_back({At("serials", i), "needs a serial"});
  }
  for (std::size_t i = 0; i < c.addresses.size(); ++i) {
    const auto& a = c.addresses[i];
    if (a.country.size() > 0 && a.country.size() != 2) {
      errs.push_back({At("addresses", i) + ".country", "must be an ISO 3166 two-letter code"});
    }
  }
  std::set<std::string> tags;
  for (std::size_t i = 0; i < c.tags.size(); ++i) {
    const std::string t(Trim(c.tags[i]));
    if (t.empty() || t.size() > 64) {
      errs.push_back({At("tags", i), "must be 1 to 64 characters"});
    } else {
      tags.insert(t);
    }
  }
  c.tags.assign(tags.begin(), tags.end());
  if (c.id != 0 && c.parent_id && *c.parent_id == c.id) {
    errs.push_back({"parent_id", "a customer cannot be its own parent"});
  }
  return errs;
}

}  // namespace chaincrm::domain
