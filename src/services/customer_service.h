#pragma once
// Customer use cases. Each mutation runs in one transaction that also appends its
// change-log row; a failed call writes nothing.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "services/actor.h"
#include "services/customer_query.h"

namespace chaincrm::services {

/// A customer as the caller may see it, with its version for the ETag.
struct CustomerView {
  boost::json::object json;
  std::int64_t id = 0;
  std::int64_t version = 0;
  bool replayed = false;  // an Idempotency-Key replay of an earlier create
};

struct IdempotencyKey {
  std::string key;
  std::string request_hash;  // of method, path and body
};

/// Creates a customer from a JSON body. InvalidArgument with field errors; Aborted when
/// the idempotency key was used with a different body.
Result<CustomerView> CreateCustomer(const Env& env, const Actor& actor,
                                    const boost::json::object& body,
                                    const std::optional<IdempotencyKey>& idem = std::nullopt);
Result<CustomerView> GetCustomer(const Env& env, const Actor& actor, std::int64_t id);
/// Applies a JSON merge patch if the stored version is `if_match`; Aborted when stale.
Result<CustomerView> PatchCustomer(const Env& env, const Actor& actor, std::int64_t id,
                                   const boost::json::object& patch, std::int64_t if_match);
Result<CustomerView> ArchiveCustomer(const Env& env, const Actor& actor, std::int64_t id,
                                     bool archive);

struct CustomerPage {
  boost::json::array data;
  std::optional<std::string> next_cursor;
  std::optional<std::int64_t> total;
};
Result<CustomerPage> ListCustomers(const Env& env, const Actor& actor, ListQuery q);

/// Everything about a customer on one screen.
Result<boost::json::object> Customer360(const Env& env, const Actor& actor, std::int64_t id);

/// Change-log entries newest first: for one customer, or (customer_id empty) the audit.
struct HistoryQuery {
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> entity, actor;
  std::string cursor;
  int limit = 50;
};
Result<boost::json::object> History(const Env& env, const Actor& actor, const HistoryQuery& q);

/// The ledger currency, or "USD" while the ledger is empty.
Result<std::string> LedgerCurrencyOrDefault(store::Tx& tx);

}  // namespace chaincrm::services
