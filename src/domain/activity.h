#pragma once
// Contacts, interactions and purchases: the records around a customer. No I/O.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/time.h"

namespace chaincrm::domain {

struct Contact {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  std::string name;
  std::optional<std::string> title, email, phone, notes;
  bool is_primary = false;
  std::int64_t version = 0;
  Millis created_at = 0, updated_at = 0;
};

struct Link {
  std::string entity;
  std::int64_t id = 0;
};

struct Interaction {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  std::optional<std::int64_t> contact_id;
  std::string type, direction, channel;
  Millis occurred_at = 0;
  std::optional<std::string> subject, body;
  std::vector<Link> links;
  std::optional<std::int64_t> created_by;
  Millis created_at = 0;
};

struct Purchase {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  Millis occurred_at = 0;
  std::optional<std::string> sku, product, order_ref;
  double quantity = 1;
  std::int64_t revenue = 0;  // minor units
  std::int64_t cost = 0;
  std::string currency;
  std::optional<std::string> source_key;  // idempotent posting (order line, import row)
  Millis created_at = 0;
};

inline constexpr const char* kInteractionTypes[] = {
    "call",   "email",   "fax",       "letter",    "visit",    "web", "review",
    "return", "service", "complaint", "promotion", "purchase", "note"};
inline constexpr const char* kDirections[] = {"inbound", "outbound"};
inline constexpr const char* kChannels[] = {"phone", "fax",  "email",  "web",  "letter",
                                            "visit", "chat", "social", "store"};

std::vector<FieldError> ValidateContact(Contact& c);
std::vector<FieldError> ValidateInteraction(Interaction& i, Millis now);
/// Negative revenue is allowed (returns); quantity must be non-zero; no future dates
/// beyond a day of clock skew.
std::vector<FieldError> ValidatePurchase(Purchase& p, Millis now);

}  // namespace chaincrm::domain
