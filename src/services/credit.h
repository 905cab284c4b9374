#pragma once
// Customer credit limits (table customer_credit) and the warning raised when new business
// would take a customer's open receivables past its limit.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "services/actor.h"

namespace chaincrm::services {

/// The customer's open invoice balance (total − paid − credited, open invoices) in
/// `currency`, minor units.
Result<std::int64_t> OpenBalance(store::Tx& tx, std::int64_t customer_id,
                                 const std::string& currency);

/// A warning object {"code": "credit_limit_exceeded", "message", "credit_limit",
/// "exposure", "additional"} when open balance + `additional_minor` would exceed the
/// customer's credit limit; nullopt when within it, when no limit is set, or when the
/// limit is in another currency. Reads only: call it inside the order-create transaction.
Result<std::optional<boost::json::object>> CreditWarning(store::Tx& tx, std::int64_t customer_id,
                                                         std::int64_t additional_minor,
                                                         const std::string& currency);

/// {"customer_id", "credit_limit" (Money or null), "exposure", "available", "warning"}:
/// the warning (or null) is CreditWarning for `additional_minor` more business.
Result<boost::json::object> GetCreditLimit(const Env& env, const Actor& actor,
                                           std::int64_t customer_id,
                                           std::int64_t additional_minor = 0);
/// Sets {"credit_limit": {"amount", "currency"}} (null removes it); invoices update right.
Result<boost::json::object> SetCreditLimit(const Env& env, const Actor& actor,
                                           std::int64_t customer_id,
                                           const boost::json::object& body);

}  // namespace chaincrm::services
