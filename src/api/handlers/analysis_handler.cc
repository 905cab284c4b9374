// /api/v1/analysis: value runs (started in the background, polled for status) and the
// value summary of the latest succeeded run.

#include "api/handlers/handler_util.h"
#include "api/handlers/routes.h"
#include "services/analysis_service.h"

namespace chaincrm::api {

using domain::Action;
using domain::Resource;

void AddAnalysisRoutes(Router& r, services::AnalysisRunner& runner) {
  const auto perm = [](Action a) { return std::optional(std::make_pair(Resource::kAnalytics, a)); };
  r.Add({"POST", "/api/v1/analysis/runs", true, perm(Action::kCreate),
         [&runner](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto params, services::ParseValueRunParams(body, c.env.clock.Now()));
           ASSIGN_OR_RETURN(auto run, runner.Start(c.actor, params));
           HttpResponse res = Json(202, run);
           res.SetHeader("Location",
                         "/api/v1/analysis/runs/" + std::to_string(run.at("id").as_int64()));
           return res;
         }});
  r.Add({"GET", "/api/v1/analysis/runs", true, perm(Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(const int limit, Limit(c));
           ASSIGN_OR_RETURN(
               auto o, services::ListAnalysisRuns(c.env, c.actor, limit, c.req.Query("cursor")));
           return Json(200, o);
         }});
  r.Add({"GET", "/api/v1/analysis/runs/{id}", true, perm(Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto o, services::GetAnalysisRun(c.env, c.actor, id));
           return Json(200, o);
         }});
  r.Add({"GET", "/api/v1/analysis/value/summary", true, perm(Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto o, services::ValueSummary(c.env, c.actor));
           return Json(200, o);
         }});
}

}  // namespace chaincrm::api
