#pragma once
// vCard import into customers and contacts (upsert by email, then phone) and vCard 4.0
// export of a customer's contacts. Mapping rules: docs/ORGANISE.md.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/activity.h"
#include "domain/customer.h"
#include "domain/vcard.h"
#include "services/actor.h"

namespace chaincrm::services {

struct VcardOutcome {
  int card = 0;  // 1-based position in the file; 0 for text outside cards
  int line = 0;
  std::string action;  // created | updated | rejected
  std::string entity;  // customer | contact ("" when rejected)
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  std::string name;
  std::string message;  // why it was rejected
  std::vector<std::string> warnings;
};

struct VcardReport {
  std::vector<VcardOutcome> outcomes;
  int created = 0, updated = 0, rejected = 0;
};

/// Imports every card it can; each card is one transaction (a rejected card leaves
/// nothing behind). Fails as a whole only on a permission or database error.
Result<VcardReport> ImportVcards(const Env& env, const Actor& actor, std::string_view bytes);

/// The card of a customer (person or organisation) followed by its contacts' cards.
Result<std::string> ExportVcards(const Env& env, const Actor& actor, std::int64_t customer_id);

/// The mapping, exposed for the tests: a customer (and its contacts) as cards.
std::vector<domain::vcard::Card> CustomerCards(const domain::Customer& c,
                                               const std::vector<domain::Contact>& contacts);

}  // namespace chaincrm::services
