#include "domain/activity.h"

#include <algorithm>

#include "core/money.h"
#include "core/text.h"

namespace chaincrm::domain {

namespace {

template <std::size_t N>
void RequireOneOf(const std::string& v, const char* const (&allowed)[N], const char* field,
                  std::vector<FieldError>& errs) {
  if (std::any_of(std::begin(allowed), std::end(allowed), [&](const char* a) { return v == a; })) {
    return;
  }
  std::string list;
  for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  errs.push_back({field, "must be one of: " + list});
}

}  // namespace

std::vector<FieldError> ValidateContact(Contact& c) {
  std::vector<FieldError> errs;
  c.name = std::string(Trim(c.name));
  if (c.name.empty()) errs.push_back({"name", "is required"});
  if (c.email && NormalizeEmail(*c.email).empty()) {
    errs.push_back({"email", "'" + c.email->substr(0, 80) + "' is not a valid email address"});
  }
  if (c.phone && NormalizePhone(*c.phone).empty()) {
    errs.push_back({"phone", "'" + c.phone->substr(0, 40) + "' is not a phone number"});
  }
  return errs;
}

std::vector<FieldError> ValidateInteraction(Interaction& i, Millis now) {
  std::vector<FieldError> errs;
  RequireOneOf(i.type, kInteractionTypes, "type", errs);
  RequireOneOf(i.direction, kDirections, "direction", errs);
  RequireOneOf(i.channel, kChannels, "channel", errs);
  if (i.occurred_at > now + kMillisPerDay) errs.push_back({"occurred_at", "is in the future"});
  if (i.subject && i.subject->size() > 500) {
    errs.push_back({"subject", "must be at most 500 characters"});
  }
  return errs;
}

std::vector<FieldError> ValidatePurchase(Purchase& p, Millis now) {
  std::vector<FieldError> errs;
  if (p.customer_id <= 0) errs.push_back({"customer_id", "is required"});
  if (p.occurred_at > now + kMillisPerDay) errs.push_back({"occurred_at", "is in the future"});
  if (p.quantity == 0) errs.push_back({"quantity", "must not be zero"});
  if (!IsCurrencyCode(p.currency)) {
    errs.push_back({"revenue.currency", "must be an ISO 4217 code such as USD"});
  }
  return errs;
}

}  // namespace chaincrm::domain
