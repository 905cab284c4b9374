#include "services/ledger.h"

#include "store/activity_repository.h"

namespace chaincrm::services {

Result<bool> PostPurchase(store::Tx& tx, domain::Purchase& p) {
  ASSIGN_OR_RETURN(auto ledger, store::LedgerCurrency(tx));
  if (!ledger) {
    RETURN_IF_ERROR(
        tx.Exec("INSERT INTO settings (name, value) VALUES ('ledger_currency', ?)", {p.currency}));
  } else if (*ledger != p.currency) {
    return Fail(Error::InvalidArgument(
        "the ledger is kept in " + *ledger,
        {{"revenue.currency", "must be " + *ledger + ", the ledger currency"}}));
  }
  return store::InsertPurchase(tx, p);
}

}  // namespace chaincrm::services
