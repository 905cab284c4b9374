// Opportunities (the kanban pipeline, board, forecast, stage probabilities) and tasks.

#include "api/handlers/handler_util.h"
#include "api/handlers/query_params.h"
#include "api/handlers/routes.h"
#include "services/opportunity_service.h"
#include "services/task_service.h"

namespace chaincrm::api {

using domain::Action;
using domain::Resource;

namespace {

HttpResponse Versioned(int status, const boost::json::object& o) {
  HttpResponse r = Json(status, o);
  if (const auto* v = o.if_contains("version"); v && v->is_int64())
    r.SetHeader("ETag", ETag(v->as_int64()));
  return r;
}

Result<services::OpportunityListQuery> OpportunityQuery(RequestContext& c) {
  services::OpportunityListQuery q;
  if (auto s = TextQuery(c, "filter[stage]")) {
    q.stage = domain::ParseStage(*s);
    if (!q.stage) {
      return Fail(Error::InvalidArgument("bad filter",
                                         {{"filter[stage]",
                                           "must be need_collection, solution_design, selling, "
                                           "follow_up, won or lost"}}));
    }
  }
  ASSIGN_OR_RETURN(q.owner_id, IdQuery(c, "filter[owner_id]"));
  ASSIGN_OR_RETURN(q.customer_id, IdQuery(c, "filter[customer_id]"));
  ASSIGN_OR_RETURN(q.limit, Limit(c));
  q.cursor = c.req.Query("cursor");
  return q;
}

Result<services::TaskListQuery> TaskQuery(RequestContext& c) {
  services::TaskListQuery q;
  ASSIGN_OR_RETURN(q.assignee_id, IdQuery(c, "filter[assignee_id]"));
  ASSIGN_OR_RETURN(q.customer_id, IdQuery(c, "filter[customer_id]"));
  ASSIGN_OR_RETURN(q.opportunity_id, IdQuery(c, "filter[opportunity_id]"));
  q.status = TextQuery(c, "filter[status]");
  ASSIGN_OR_RETURN(q.limit, Limit(c));
  q.cursor = c.req.Query("cursor");
  return q;
}

// PATCH with If-Match: a 428 without one (after the record's own 404/403 checks).
template <typename GetFn, typename PatchFn>
Result<HttpResponse> VersionedPatch(RequestContext& c, GetFn get, PatchFn apply) {
  ASSIGN_OR_RETURN(auto id, c.Id());
  if (c.req.Header("if-match").empty()) {
    RETURN_IF_ERROR(get(c.env, c.actor, id));
    return PreconditionRequired(c);
  }
  ASSIGN_OR_RETURN(auto version, IfMatch(c));
  ASSIGN_OR_RETURN(auto body, Body(c));
  ASSIGN_OR_RETURN(auto o, apply(c.env, c.actor, id, body, version));
  return Versioned(200, o);
}

}  // namespace

void AddPipelineRoutes(Router& r) {
  const auto perm = [](Resource res, Action a) { return std::optional(std::make_pair(res, a)); };
  const auto opp_read = perm(Resource::kOpportunities, Action::kRead);
  r.Add({"GET", "/api/v1/opportunities", true, opp_read,
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto q, OpportunityQuery(c));
           ASSIGN_OR_RETURN(auto o, services::ListOpportunities(c.env, c.actor, q));
           return Json(200, o);
         }});
  r.Add({"POST", "/api/v1/opportunities", true, perm(Resource::kOpportunities, Action::kCreate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::CreateOpportunity(c.env, c.actor, body));
           HttpResponse res = Versioned(201, o);
           res.SetHeader("Location",
                         "/api/v1/opportunities/" + std::to_string(o.at("id").as_int64()));
           return res;
         }});
  r.Add({"GET", "/api/v1/opportunities/{id}", true, opp_read,
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto o, services::GetOpportunity(c.env, c.actor, id));
           return Versioned(200, o);
         }});
  r.Add({"PATCH", "/api/v1/opportunities/{id}", true,
         perm(Resource::kOpportunities, Action::kUpdate),
         [](RequestContext& c) -> Result<HttpResponse> {
           return VersionedPatch(c, services::GetOpportunity, services::PatchOpportunity);
         }});
  r.Add({"GET", "/api/v1/pipeline/board", true, opp_read,
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto o, services::PipelineBoard(c.env, c.actor));
           return Json(200, o);
         }});
  r.Add({"GET", "/api/v1/pipeline/forecast", true, opp_read,
         [](RequestContext& c) -> Result<HttpResponse> {
           services::ForecastQuery q;
           if (auto g = TextQuery(c, "group_by")) q.group_by = *g;
           ASSIGN_OR_RETURN(q.from, TimeQuery(c, "from"));
           ASSIGN_OR_RETURN(q.to, TimeQuery(c, "to"));
           ASSIGN_OR_RETURN(auto o, services::PipelineForecast(c.env, c.actor, q));
           return Json(200, o);
         }});
  r.Add({"GET", "/api/v1/pipeline/probabilities", true, opp_read,
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto o, services::GetStageProbabilities(c.env, c.actor));
           return Json(200, o);
         }});
  r.Add({"PUT", "/api/v1/pipeline/probabilities", true,
         perm(Resource::kOpportunities, Action::kUpdate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::SetStageProbabilities(c.env, c.actor, body));
           return Json(200, o);
         }});

  r.Add({"GET", "/api/v1/tasks", true, perm(Resource::kTasks, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto q, TaskQuery(c));
           ASSIGN_OR_RETURN(auto o, services::ListTasks(c.env, c.actor, q));
           return Json(200, o);
         }});
  r.Add({"POST", "/api/v1/tasks", true, perm(Resource::kTasks, Action::kCreate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::CreateTask(c.env, c.actor, body));
           HttpResponse res = Versioned(201, o);
           res.SetHeader("Location", "/api/v1/tasks/" + std::to_string(o.at("id").as_int64()));
           return res;
         }});
  r.Add({"GET", "/api/v1/tasks/{id}", true, perm(Resource::kTasks, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto o, services::GetTask(c.env, c.actor, id));
           return Versioned(200, o);
         }});
  r.Add({"PATCH", "/api/v1/tasks/{id}", true, perm(Resource::kTasks, Action::kUpdate),
         [](RequestContext& c) -> Result<HttpResponse> {
           return VersionedPatch(c, services::GetTask, services::PatchTask);
         }});
}

}  // namespace chaincrm::api
