#pragma once
// Returns and claims (warranty, repair): linked to a customer, optionally to a purchase,
// an order line and a case. Workflow: requested → approved | rejected; approved →
// completed. Approving needs a decision (refund, replace, repair); rejecting records
// decision "reject".

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "services/actor.h"

namespace chaincrm::services {

struct ReturnView {
  boost::json::object json;
  std::int64_t id = 0;
  std::int64_t version = 0;
};

struct ReturnListQuery {
  std::optional<std::int64_t> customer_id, case_id;
  std::optional<std::string> status;
  std::string cursor;
  int limit = 50;
};

/// {customer_id, case_id?, purchase_id?, order_line_id?, reason, quantity, amount?}.
Result<ReturnView> CreateReturn(const Env& env, const Actor& actor,
                                const boost::json::object& body);
Result<ReturnView> GetReturn(const Env& env, const Actor& actor, std::int64_t id);
/// {status?, decision?, reason?, quantity?, amount?} when the version is `if_match`. A
/// status change not allowed is InvalidArgument naming both statuses.
Result<ReturnView> PatchReturn(const Env& env, const Actor& actor, std::int64_t id,
                               const boost::json::object& patch, std::int64_t if_match);
/// {data, next_cursor}, newest first; portal users see their own.
Result<boost::json::object> ListReturnsPage(const Env& env, const Actor& actor,
                                            const ReturnListQuery& q);

}  // namespace chaincrm::services
