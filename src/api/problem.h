#pragma once
// The one mapping from Error codes to HTTP statuses and RFC 9457 problem+json bodies.

#include "api/http_types.h"
#include "core/error.h"

namespace chaincrm::api {

/// 400 malformed / bad query parameter, 401, 403, 404, 409, 412 stale, 422 invalid
/// fields, 429, 503, 500 (with a generic message: internal text never reaches clients).
HttpResponse ProblemResponse(const Error& error, const std::string& request_id);
/// A problem with an explicit status (405, 413, 415, 428 ...).
HttpResponse Problem(int status, const std::string& title, const std::string& detail,
                     const std::string& request_id);

}  // namespace chaincrm::api
