#pragma once
// Helpers shared by the route handlers: body parsing, ETags, list parameters.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "api/router.h"
#include "services/customer_query.h"

namespace chaincrm::api {

/// The JSON object body, or InvalidArgument (400) when it does not parse.
Result<boost::json::object> Body(const RequestContext& ctx);
/// 200/201 with a JSON object body.
HttpResponse Json(int status, const boost::json::object& o);
/// `"<version>"`.
std::string ETag(std::int64_t version);
/// The version named by If-Match (412 when unreadable). Call only when the header is
/// present: a missing one is a 428 answered by PreconditionRequired.
Result<std::int64_t> IfMatch(const RequestContext& ctx);
/// The 428 answer for a PATCH without If-Match.
HttpResponse PreconditionRequired(const RequestContext& ctx);
/// limit (default 50) and cursor; InvalidArgument naming the parameter.
Result<int> Limit(const RequestContext& ctx);
/// Parses q, filter[...], sort, limit, cursor, total.
Result<services::ListQuery> ParseListQuery(const RequestContext& ctx);
/// filter[customer_id] as an id, if given.
Result<std::optional<std::int64_t>> CustomerIdFilter(const RequestContext& ctx);

}  // namespace chaincrm::api
