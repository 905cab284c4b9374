#pragma once
// Contacts, interactions and purchases around a customer; every write is scoped by the
// customer's permissions and appended to the change log in the same transaction.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "services/actor.h"

namespace chaincrm::services {

struct ActivityListQuery {
  std::optional<std::int64_t> customer_id;
  std::string cursor;  // opaque
  int limit = 50;
};

/// {data, next_cursor}
Result<boost::json::object> ListContactsOf(const Env& env, const Actor& actor,
                                           std::int64_t customer_id);
Result<boost::json::object> CreateContact(const Env& env, const Actor& actor,
                                          std::int64_t customer_id,
                                          const boost::json::object& body);
Result<boost::json::object> GetContact(const Env& env, const Actor& actor, std::int64_t id);
Result<boost::json::object> PatchContact(const Env& env, const Actor& actor, std::int64_t id,
                                         const boost::json::object& patch, std::int64_t if_match);
Result<boost::json::object> ArchiveContactById(const Env& env, const Actor& actor, std::int64_t id);

Result<boost::json::object> CreateInteraction(const Env& env, const Actor& actor,
                                              const boost::json::object& body);
Result<boost::json::object> ListInteractionsPage(const Env& env, const Actor& actor,
                                                 const ActivityListQuery& q);

/// Posts a purchase to the ledger (idempotent by source_key) and updates aggregates.
/// The first purchase fixes the ledger currency; later ones must use it.
Result<boost::json::object> CreatePurchase(const Env& env, const Actor& actor,
                                           const boost::json::object& body);
Result<boost::json::object> ListPurchasesPage(const Env& env, const Actor& actor,
                                              const ActivityListQuery& q);

}  // namespace chaincrm::services
