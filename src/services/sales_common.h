#pragma once
// Small pieces shared by the sales services (products, orders, shipments, batches):
// change-log rows, record numbers, keyset cursors and the customer check.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "services/actor.h"
#include "services/customer_service.h"

namespace chaincrm::services {

/// Appends one change-log row for a sales record (entity "product", "order", ...).
Status LogSalesChange(store::Tx& tx, const Env& env, const Actor& actor, std::string entity,
                      std::int64_t id, std::optional<std::int64_t> customer_id, std::string op,
                      const std::string& before, const boost::json::object& after);

/// "SO-000123" for prefix "SO" and id 123 (at least six digits).
std::string RecordNumber(std::string_view prefix, std::int64_t id);

/// An id cursor ("" = first page) → the last id seen; InvalidArgument naming cursor.
Result<std::optional<std::int64_t>> ParseIdCursor(const std::string& cursor);
/// InvalidArgument unless 1 <= limit <= 500.
Status CheckListLimit(int limit);

/// The customer exists (NotFound otherwise) and `actor` may do `action` on its records
/// of `resource` (portal users get NotFound for other customers).
Status CheckCustomerAccess(store::Tx& tx, const Actor& actor, domain::Resource resource,
                           domain::Action action, std::int64_t customer_id);

/// Reads a decimal amount given as "12.30" or 12.3 into minor units; records a field
/// error on `errors` (under `field`) and returns nullopt when unreadable.
std::optional<std::int64_t> AmountField(const boost::json::value* v, const std::string& field,
                                        std::vector<FieldError>& errors);

/// The response stored under `idem` for this user (nullopt when the key is new);
/// InvalidArgument when the key was used with a different request.
Result<std::optional<boost::json::object>> FindReplay(store::Tx& tx, const Actor& actor,
                                                      const std::optional<IdempotencyKey>& idem);
/// Stores `body` under `idem` (no-op without a key) in the same transaction.
Status SaveReplay(store::Tx& tx, const Actor& actor, const std::optional<IdempotencyKey>& idem,
                  int status, const boost::json::object& body, Millis now);

}  // namespace chaincrm::services
