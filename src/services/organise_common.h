#pragma once
// Helpers shared by the organising use cases (vCard, duplicates, merge, privacy).

#include <boost/json.hpp>
#include <cstdint>
#include <string>

#include "domain/customer.h"
#include "services/actor.h"

namespace chaincrm::services {

/// Appends one change-log row (actor, request id and time from the caller).
Status LogEntry(store::Tx& tx, const Env& env, const Actor& actor, const std::string& entity,
                std::int64_t entity_id, std::optional<std::int64_t> customer_id,
                const std::string& op, const std::string& before, const std::string& after);
/// The customer as the change log stores it (every field, ledger currency).
Result<boost::json::object> CustomerLogJson(store::Tx& tx, const domain::Customer& c);
/// Appends the change-log row of a customer mutation.
Status LogCustomer(store::Tx& tx, const Env& env, const Actor& actor, const domain::Customer& c,
                   const std::string& op, const std::string& before);
/// A store value as JSON (NULL → null).
boost::json::value ValueJson(const store::Value& v);
/// Error text with its field errors, for reports ("name: is required; ...").
std::string ErrorText(const Error& e);

}  // namespace chaincrm::services
