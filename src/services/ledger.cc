#include "services/ledger.h"

#include "store/activity_repository.h"

namespace chaincrm::services {

namespace {

// The ledger's currency; the first purchase ever posted fixes it to its own.
Result<std::string> LedgerFor(store::Tx& tx, const domain::Purchase& first) {
  ASSIGN_OR_RETURN(auto ledger, store::LedgerCurrency(tx));
  if (ledger) return *ledger;
  RETURN_IF_ERROR(tx.Exec("INSERT INTO settings (name, value) VALUES ('ledger_currency', ?)",
                          {first.currency}));
  return first.currency;
}

Error OtherCurrency(const std::string& ledger) {
  return Error::InvalidArgument(
      "the ledger is kept in " + ledger,
      {{"revenue.currency", "must be " + ledger + ", the ledger currency"}});
}

}  // namespace

Result<bool> PostPurchase(store::Tx& tx, domain::Purchase& p) {
  ASSIGN_OR_RETURN(const std::string ledger, LedgerFor(tx, p));
  if (ledger != p.currency) return Fail(OtherCurrency(ledger));
  return store::InsertPurchase(tx, p);
}

Result<std::vector<Result<bool>>> PostPurchases(store::Tx& tx, std::vector<domain::Purchase>& ps) {
  std::vector<Result<bool>> out;
  if (ps.empty()) return out;
  ASSIGN_OR_RETURN(const std::string ledger, LedgerFor(tx, ps.front()));
  std::vector<domain::Purchase> same;
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    out.push_back(Fail(OtherCurrency(ledger)));
    if (ps[i].currency != ledger) continue;
    at.push_back(i);
    same.push_back(std::move(ps[i]));
  }
  ASSIGN_OR_RETURN(const auto posted, store::InsertPurchases(tx, same));
  for (std::size_t k = 0; k < at.size(); ++k) {
    out[at[k]] = static_cast<bool>(posted[k]);
    ps[at[k]] = std::move(same[k]);
  }
  return out;
}

}  // namespace chaincrm::services
