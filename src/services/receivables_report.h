#pragma once
// Receivables as of a date: ageing buckets per customer and in total, the collection work
// list, and one customer's balance (what the portal shows).

#include <boost/json.hpp>
#include <cstdint>
#include <optional>

#include "services/actor.h"

namespace chaincrm::services {

/// Ageing as of the end of the UTC day of `as_of`: invoices issued by then, less payments
/// and credit notes dated by then, bucketed by days past due (domain::BucketFor).
/// {"as_of", "totals": [{currency, current, 1_30, 31_60, 61_90, 90_plus, total}],
///  "customers": [{customer_id, name, currency, buckets..., total}]} (largest total first).
Result<boost::json::object> Ageing(const Env& env, const Actor& actor, Millis as_of,
                                   std::optional<std::int64_t> customer_id);

/// Customers with overdue balances as of `as_of`, ordered by overdue amount (largest
/// first), then by days past due of the oldest overdue invoice, then customer id:
/// {customer_id, name, currency, overdue, max_days_past_due, overdue_invoices,
///  credit_limit}. At most `limit` rows.
Result<boost::json::object> CollectionList(const Env& env, const Actor& actor, Millis as_of,
                                           int limit);

/// One customer's open balance, overdue part and open invoices (portal: its own only).
Result<boost::json::object> CustomerBalance(const Env& env, const Actor& actor,
                                            std::int64_t customer_id, Millis as_of);

}  // namespace chaincrm::services
