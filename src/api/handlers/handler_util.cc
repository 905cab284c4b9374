#include "api/handlers/handler_util.h"

#include <charconv>

#include "api/problem.h"
#include "services/json_util.h"

namespace chaincrm::api {

namespace json = boost::json;

Result<json::object> Body(const RequestContext& ctx) {
  if (ctx.req.body.empty()) return Fail(Error::InvalidArgument("the request needs a JSON body"));
  return services::ParseObject(ctx.req.body);
}

HttpResponse Json(int status, const json::object& o) {
  return JsonResponse(status, json::serialize(o));
}

std::string ETag(std::int64_t version) { return "\"" + std::to_string(version) + "\""; }

Result<std::int64_t> IfMatch(const RequestContext& ctx) {
  std::string v = ctx.req.Header("if-match");
  if (v.rfind("W/", 0) == 0) v = v.substr(2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  std::int64_t version = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), version);
  if (ec != std::errc() || p != v.data() + v.size()) {
    return Fail(Error::FailedPrecondition("If-Match does not name a version of this record"));
  }
  return version;
}

HttpResponse PreconditionRequired(const RequestContext& ctx) {
  return Problem(428, "", "If-Match is required: send the ETag from GET, so that no change is lost",
                 ctx.req.request_id);
}

Result<int> Limit(const RequestContext& ctx) {
  const std::string s = ctx.req.Query("limit");
  if (s.empty()) return 50;
  int n = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || p != s.data() + s.size() || n < 1 || n > 500) {
    return Fail(Error::InvalidArgument("limit must be between 1 and 500",
                                       {{"limit", "must be between 1 and 500"}}));
  }
  return n;
}

Result<services::ListQuery> ParseListQuery(const RequestContext& ctx) {
  services::ListQuery q;
  ASSIGN_OR_RETURN(q.limit, Limit(ctx));
  q.q = ctx.req.Query("q");
  q.sort = ctx.req.Query("sort");
  q.cursor = ctx.req.Query("cursor");
  const std::string total = ctx.req.Query("total");
  q.total = total == "true" || total == "1";
  for (const auto& [key, value] : ctx.req.query) {
    if (key.rfind("filter[", 0) != 0) continue;
    const auto close = key.find(']');
    if (close == std::string::npos) {
      return Fail(Error::InvalidArgument(
          "bad filter parameter", {{key, "use filter[field]=value or filter[field][op]=value"}}));
    }
    services::FilterTerm t{key.substr(7, close - 7), "eq", value};
    if (close + 1 < key.size()) {
      const std::string rest = key.substr(close + 1);
      if (rest.size() < 3 || rest.front() != '[' || rest.back() != ']') {
        return Fail(
            Error::InvalidArgument("bad filter parameter", {{key, "use filter[field][op]=value"}}));
      }
      t.op = rest.substr(1, rest.size() - 2);
    }
    q.filters.push_back(std::move(t));
  }
  return q;
}

Result<std::optional<std::int64_t>> CustomerIdFilter(const RequestContext& ctx) {
  const std::string s = ctx.req.Query("filter[customer_id]");
  if (s.empty()) return std::optional<std::int64_t>{};
  std::int64_t id = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || p != s.data() + s.size()) {
    return Fail(
        Error::InvalidArgument("bad filter", {{"filter[customer_id]", "must be a customer id"}}));
  }
  return std::optional(id);
}

}  // namespace chaincrm::api
