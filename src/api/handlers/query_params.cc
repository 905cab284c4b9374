#include "api/handlers/query_params.h"

#include <charconv>

namespace chaincrm::api {

Result<std::optional<std::int64_t>> IdQuery(const RequestContext& ctx, const std::string& name) {
  const std::string s = ctx.req.Query(name);
  if (s.empty()) return std::optional<std::int64_t>{};
  std::int64_t id = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || p != s.data() + s.size() || id <= 0)
    return Fail(Error::InvalidArgument("bad query parameter", {{name, "must be an id"}}));
  return std::optional(id);
}

Result<std::optional<Millis>> TimeQuery(const RequestContext& ctx, const std::string& name) {
  const std::string s = ctx.req.Query(name);
  if (s.empty()) return std::optional<Millis>{};
  auto t = ParseTime(s);
  if (!t) {
    // No field list: a 400 (problem.cc) whose detail names the parameter.
    return Fail(Error::InvalidArgument(name + " must be a date (YYYY-MM-DD) or RFC 3339 time"));
  }
  return std::optional(*t);
}

std::optional<std::string> TextQuery(const RequestContext& ctx, const std::string& name) {
  std::string s = ctx.req.Query(name);
  if (s.empty()) return std::nullopt;
  return s;
}

}  // namespace chaincrm::api
