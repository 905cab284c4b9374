#pragma once
// Privacy requests: consent records with their history, the data-subject export (all a
// customer's data as one JSON document) and erasure (anonymisation that keeps the sales
// figures). Tables are walked through store/customer_links.h.

#include <boost/json.hpp>
#include <cstdint>

#include "services/actor.h"

namespace chaincrm::services {

/// {"current": [newest per contact/channel/purpose], "history": [all, newest first]}.
Result<boost::json::object> ListConsents(const Env& env, const Actor& actor,
                                         std::int64_t customer_id);
/// Records a grant or withdrawal: channel, purpose, status, optional contact_id, source,
/// occurred_at (default now).
Result<boost::json::object> RecordConsent(const Env& env, const Actor& actor,
                                          std::int64_t customer_id,
                                          const boost::json::object& body);
/// Everything held about the customer, as one document.
Result<boost::json::object> DataExport(const Env& env, const Actor& actor,
                                       std::int64_t customer_id);
/// Anonymises the customer (and any customer merged into it); admins only; `reason` is
/// required. Purchases and the ledger aggregates stay.
Result<boost::json::object> EraseCustomer(const Env& env, const Actor& actor,
                                          std::int64_t customer_id,
                                          const boost::json::object& body);

}  // namespace chaincrm::services
