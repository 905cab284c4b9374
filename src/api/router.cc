#include "api/router.h"

#include <sodium.h>

#include <chrono>
#include <exception>

#include "api/problem.h"
#include "api/static_files.h"
#include "core/log.h"
#include "services/auth_service.h"

namespace chaincrm::api {

namespace {

std::string NewRequestId() {
  unsigned char buf[8];
  randombytes_buf(buf, sizeof buf);
  std::string out(sizeof buf * 2, '0');
  sodium_bin2hex(out.data(), out.size() + 1, buf, sizeof buf);
  return out;
}

// A client-supplied X-Request-Id is kept when it is short and printable.
bool SaneRequestId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
      return false;
  return true;
}

bool Match(const std::string& pattern, const std::string& path,
           std::map<std::string, std::string>& params) {
  std::size_t i = 0, j = 0;
  while (i < pattern.size() && j < path.size()) {
    if (pattern[i] == '{') {
      const auto close = pattern.find('}', i);
      const std::string name = pattern.substr(i + 1, close - i - 1);
      auto end = path.find('/', j);
      if (end == std::string::npos) end = path.size();
      if (end == j) return false;
      params[name] = path.substr(j, end - j);
      i = close + 1;
      j = end;
    } else if (pattern[i] == path[j]) {
      ++i;
      ++j;
    } else {
      return false;
    }
  }
  return i == pattern.size() && j == path.size();
}

bool JsonContentType(const std::string& ct) {
  return ct.rfind("application/json", 0) == 0 || ct.rfind("application/merge-patch+json", 0) == 0;
}

}  // namespace

Result<std::int64_t> RequestContext::Id(const std::string& name) const {
  auto it = params.find(name);
  std::int64_t id = 0;
  if (it != params.end() && !it->second.empty() && it->second.size() < 19 &&
      std::all_of(it->second.begin(), it->second.end(),
                  [](char c) { return c >= '0' && c <= '9'; })) {
    id = std::stoll(it->second);
  }
  if (id <= 0)
    return Fail(Error::NotFound("no record with id '" +
                                (it == params.end() ? "" : it->second.substr(0, 40)) + "'"));
  return id;
}

HttpResponse JsonResponse(int status, const std::string& body) {
  HttpResponse r;
  r.status = status;
  r.body = body;
  return r;
}

Router::Router(const services::Env& env, Metrics& metrics, std::string web_root)
    : env_(env), metrics_(metrics), web_root_(std::move(web_root)) {}

void Router::Add(Route route) { routes_.push_back(std::move(route)); }

HttpResponse Router::Handle(HttpRequest& req) {
  const auto start = std::chrono::steady_clock::now();
  req.request_id =
      SaneRequestId(req.Header("x-request-id")) ? req.Header("x-request-id") : NewRequestId();
  std::string pattern = "unmatched";
  HttpResponse res;
  try {
    res = Dispatch(req, pattern);
  } catch (const std::exception& e) {
    log::Error("request_id=" + req.request_id + " event=unhandled_exception what=\"" + e.what() +
               "\"");
    res = ProblemResponse(Error::Internal(e.what()), req.request_id);
  } catch (...) {
    log::Error("request_id=" + req.request_id + " event=unhandled_exception");
    res = ProblemResponse(Error::Internal("unknown"), req.request_id);
  }
  res.SetHeader("X-Request-Id", req.request_id);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_.Observe(req.method, pattern, res.status, seconds);
  if (pattern != "/healthz" && pattern != "/metrics") {
    log::Info("request_id=" + req.request_id + " method=" + req.method +
              " path=" + req.path.substr(0, 200) + " status=" + std::to_string(res.status) +
              " ms=" + std::to_string(static_cast<int>(seconds * 1000)));
  }
  return res;
}

HttpResponse Router::Dispatch(HttpRequest& req, std::string& pattern) {
  const bool api =
      req.path.rfind("/api/", 0) == 0 || req.path == "/healthz" || req.path == "/metrics";
  if (!api) {
    pattern = "static";
    if (req.method != "GET" && req.method != "HEAD")
      return Problem(405, "", "only GET is allowed here", req.request_id);
    return ServeStatic(web_root_, req.path, req.request_id);
  }
  const Route* found = nullptr;
  std::map<std::string, std::string> params;
  bool path_known = false;
  for (const auto& r : routes_) {
    std::map<std::string, std::string> p;
    if (!Match(r.pattern, req.path, p)) continue;
    path_known = true;
    if (r.method == req.method || (req.method == "HEAD" && r.method == "GET")) {
      found = &r;
      params = std::move(p);
      break;
    }
  }
  if (!found) {
    if (path_known)
      return Problem(405, "", req.method + " is not allowed on " + req.path, req.request_id);
    return Problem(404, "", "no such endpoint: " + req.path.substr(0, 200), req.request_id);
  }
  pattern = found->pattern;
  RequestContext ctx{req, env_, {}, std::move(params)};
  ctx.actor.request_id = req.request_id;
  if (found->authenticated) {
    const std::string& auth = req.Header("authorization");
    std::string token;
    if (auth.size() > 7 && (auth.rfind("Bearer ", 0) == 0 || auth.rfind("bearer ", 0) == 0))
      token = auth.substr(7);
    auto actor = services::Authenticate(env_, token);
    if (!actor) return ProblemResponse(actor.error(), req.request_id);
    ctx.actor = std::move(*actor);
    ctx.actor.request_id = req.request_id;
    if (found->permission && domain::Allowed(ctx.actor.role, found->permission->first,
                                             found->permission->second) == domain::Scope::kNone) {
      return Problem(
          403, "",
          "your role (" + std::string(domain::RoleName(ctx.actor.role)) + ") may not do this",
          req.request_id);
    }
  }
  if ((req.method == "POST" || req.method == "PATCH" || req.method == "PUT") && !req.body.empty() &&
      !JsonContentType(req.Header("content-type"))) {
    return Problem(415, "", "send the body as application/json", req.request_id);
  }
  auto res = found->fn(ctx);
  if (!res) {
    if (res.error().code() == Code::kInternal) {
      log::Error("request_id=" + req.request_id + " event=internal_error detail=\"" +
                 res.error().message() + "\"");
    }
    return ProblemResponse(res.error(), req.request_id);
  }
  return std::move(*res);
}

}  // namespace chaincrm::api
