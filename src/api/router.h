#pragma once
// Routes and the middleware every route passes through: request id, authentication,
// the permission matrix, content type and body checks, error mapping, metrics and logs.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/http_types.h"
#include "api/metrics.h"
#include "domain/permission.h"
#include "services/actor.h"

namespace chaincrm::api {

struct RequestContext {
  HttpRequest& req;
  const services::Env& env;
  services::Actor actor;
  std::map<std::string, std::string> params;  // path parameters ({id})

  /// The path parameter as a positive id, or NotFound.
  Result<std::int64_t> Id(const std::string& name = "id") const;
};

using RouteFn = std::function<Result<HttpResponse>(RequestContext&)>;

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/customers/{id}"
  bool authenticated = true;
  /// Checked against the matrix before the handler runs (kNone → 403). Record scopes
  /// (own, self) are enforced by the services.
  std::optional<std::pair<domain::Resource, domain::Action>> permission;
  RouteFn fn;
};

class Router {
 public:
  Router(const services::Env& env, Metrics& metrics, std::string web_root);
  void Add(Route route);
  const std::vector<Route>& routes() const { return routes_; }
  /// Runs the middleware and the matching route; never throws.
  HttpResponse Handle(HttpRequest& req);

 private:
  HttpResponse Dispatch(HttpRequest& req, std::string& pattern);
  const services::Env& env_;
  Metrics& metrics_;
  std::string web_root_;
  std::vector<Route> routes_;
};

/// A JSON response with a status.
HttpResponse JsonResponse(int status, const std::string& body);

}  // namespace chaincrm::api
