#pragma once
// Posting to the purchases ledger: the one path by which purchases arrive (API, CSV
// import, demo data, later order deliveries), so that the ledger-currency rule and the
// per-customer aggregates are applied the same way everywhere.

#include "domain/activity.h"
#include "store/database.h"

namespace chaincrm::services {

/// Inserts a validated purchase inside `tx`. The first purchase fixes the ledger
/// currency; a different currency later is InvalidArgument naming revenue.currency.
/// Returns false (and sets p.id) when p.source_key was already posted.
Result<bool> PostPurchase(store::Tx& tx, domain::Purchase& p);

/// PostPurchase for many purchases with a few statements (imports), as if posted one by
/// one in order: per purchase, whether it was posted (false: already posted, p.id set),
/// or the InvalidArgument rejecting it (a currency other than the ledger's).
Result<std::vector<Result<bool>>> PostPurchases(store::Tx& tx, std::vector<domain::Purchase>& ps);

}  // namespace chaincrm::services
