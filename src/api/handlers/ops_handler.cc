// Health, metrics, the OpenAPI document, screen-pop lookup and the audit log.

#include "api/handlers/handler_util.h"
#include "api/handlers/routes.h"
#include "api/openapi_document.h"
#include "services/customer_service.h"
#include "services/lookup_service.h"

namespace chaincrm::api {

using domain::Action;
using domain::Resource;

void AddOpsRoutes(Router& r, Metrics& metrics) {
  r.Add({"GET", "/healthz", false, std::nullopt, [](RequestContext& c) -> Result<HttpResponse> {
           // Healthy means the database answers.
           RETURN_IF_ERROR(c.env.db.Read([](store::Tx& tx) -> Status {
             RETURN_IF_ERROR(tx.Query("SELECT 1"));
             return Ok();
           }));
           return JsonResponse(200, R"({"status":"ok"})");
         }});
  r.Add(
      {"GET", "/metrics", false, std::nullopt, [&metrics](RequestContext&) -> Result<HttpResponse> {
         HttpResponse res;
         res.content_type = "text/plain; version=0.0.4";
         res.body = metrics.Render();
         return res;
       }});
  r.Add({"GET", "/api/openapi.json", false, std::nullopt,
         [](RequestContext&) -> Result<HttpResponse> {
           return JsonResponse(200, std::string(OpenApiDocument()));
         }});
  r.Add(
      {"GET", "/api/v1/lookup", true, std::nullopt, [](RequestContext& c) -> Result<HttpResponse> {
         ASSIGN_OR_RETURN(auto o, services::Lookup(c.env, c.actor, c.req.Query("q")));
         return Json(200, o);
       }});
  r.Add({"GET", "/api/v1/audit", true, std::make_pair(Resource::kAudit, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           services::HistoryQuery q;
           ASSIGN_OR_RETURN(q.limit, Limit(c));
           q.cursor = c.req.Query("cursor");
           if (auto e = c.req.Query("filter[entity]"); !e.empty()) q.entity = e;
           if (auto a = c.req.Query("filter[actor]"); !a.empty()) q.actor = a;
           ASSIGN_OR_RETURN(auto o, services::History(c.env, c.actor, q));
           return Json(200, o);
         }});
}

}  // namespace chaincrm::api
