#pragma once
// Optional query parameters of the pipeline and receivables lists, read with a 400 that
// names the parameter when unreadable.

#include <cstdint>
#include <optional>
#include <string>

#include "api/router.h"
#include "core/time.h"

namespace chaincrm::api {

/// A positive id, if the parameter is given.
Result<std::optional<std::int64_t>> IdQuery(const RequestContext& ctx, const std::string& name);
/// A date or RFC 3339 time, if the parameter is given.
Result<std::optional<Millis>> TimeQuery(const RequestContext& ctx, const std::string& name);
/// The parameter's value, if given and not empty.
std::optional<std::string> TextQuery(const RequestContext& ctx, const std::string& name);

}  // namespace chaincrm::api
