#pragma once
// Contacts, interactions and purchases (the sales ledger, with the per-customer
// aggregates kept up to date as purchases arrive).

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/activity.h"
#include "store/database.h"

namespace chaincrm::store {

Status InsertContact(Tx& tx, domain::Contact& c);
/// Aborted when `expected_version` is stale.
Status UpdateContact(Tx& tx, domain::Contact& c, std::int64_t expected_version);
Status ArchiveContact(Tx& tx, std::int64_t id, Millis now);
Result<domain::Contact> LoadContact(Tx& tx, std::int64_t id);
Result<std::vector<domain::Contact>> ListContacts(Tx& tx, std::int64_t customer_id);

Status InsertInteraction(Tx& tx, domain::Interaction& i);
/// Newest first; `before` is an (occurred_at, id) keyset cursor.
struct ActivityPage {
  std::optional<std::int64_t> customer_id;
  std::optional<std::pair<Millis, std::int64_t>> before;
  int limit = 50;
};
Result<std::vector<domain::Interaction>> ListInteractions(Tx& tx, const ActivityPage& page);

/// Inserts a purchase and updates the customer's aggregates. When `source_key` is set
/// and already posted, does nothing and returns false (idempotent posting).
Result<bool> InsertPurchase(Tx& tx, domain::Purchase& p);
/// InsertPurchase for many purchases with a few multi-row statements (imports): the same
/// rows, ids, duplicate rule and aggregates as inserting them one by one in order.
/// Returns, per purchase, whether it was posted (false: its source_key was already
/// posted, earlier or in `ps`, and p.id is that purchase). InvalidArgument when a
/// customer does not exist.
Result<std::vector<bool>> InsertPurchases(Tx& tx, std::vector<domain::Purchase>& ps);
Result<std::vector<domain::Purchase>> ListPurchases(Tx& tx, const ActivityPage& page);

/// The ledger currency (set by the first purchase), if any.
Result<std::optional<std::string>> LedgerCurrency(Tx& tx);

}  // namespace chaincrm::store
