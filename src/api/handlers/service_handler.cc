// Cases and notes, calls (screen pop), returns, surveys and the service reports.

#include <charconv>

#include "api/handlers/handler_util.h"
#include "api/handlers/routes.h"
#include "api/problem.h"
#include "services/call_service.h"
#include "services/case_service.h"
#include "services/order_case.h"
#include "services/return_service.h"
#include "services/service_metrics_service.h"
#include "services/survey_service.h"

namespace chaincrm::api {

namespace json = boost::json;
using domain::Action;
using domain::Resource;

namespace {

// A bad query parameter ("filter[...]" names are answered 400 by problem.cc; report
// parameters are turned into 400 by ReportResponse).
Error BadParam(const std::string& name, const std::string& message) {
  return Error::InvalidArgument(name + " " + message, {{name, message}});
}

// A report's answer: invalid parameters are the client's query, so 400 naming them.
Result<HttpResponse> ReportResponse(const RequestContext& c, const Result<json::object>& o) {
  if (!o && o.error().code() == Code::kInvalidArgument) {
    return Problem(400, "Bad Request", o.error().message(), c.req.request_id);
  }
  if (!o) return Fail(o.error());
  return Json(200, *o);
}

Result<std::optional<std::string>> TextParam(const RequestContext& c, const std::string& name) {
  std::string v = c.req.Query(name);
  if (v.empty()) return std::optional<std::string>{};
  if (v.size() > 200) return Fail(BadParam(name, "is too long"));
  return std::optional(std::move(v));
}

Result<std::optional<std::int64_t>> IdParam(const RequestContext& c, const std::string& name) {
  const std::string s = c.req.Query(name);
  if (s.empty()) return std::optional<std::int64_t>{};
  std::int64_t id = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || p != s.data() + s.size() || id <= 0)
    return Fail(BadParam(name, "must be an id"));
  return std::optional(id);
}

Result<std::optional<Millis>> TimeParam(const RequestContext& c, const std::string& name) {
  const std::string s = c.req.Query(name);
  if (s.empty()) return std::optional<Millis>{};
  auto t = ParseTime(s);
  if (!t) return Fail(BadParam(name, "must be an RFC 3339 time or a date"));
  return std::optional(*t);
}

HttpResponse Versioned(int status, const json::object& o, const std::string& location = "") {
  HttpResponse r = Json(status, o);
  if (const auto* v = o.if_contains("version"); v && v->is_int64())
    r.SetHeader("ETag", ETag(v->as_int64()));
  if (!location.empty()) r.SetHeader("Location", location);
  return r;
}

Result<HttpResponse> CreateCase(RequestContext& c) {
  ASSIGN_OR_RETURN(auto body, Body(c));
  std::optional<services::IdempotencyKey> idem;
  if (const auto& key = c.req.Header("idempotency-key"); !key.empty()) {
    if (key.size() > 200) {
      return Fail(Error::InvalidArgument("Idempotency-Key is too long",
                                         {{"Idempotency-Key", "at most 200 characters"}}));
    }
    idem = services::IdempotencyKey{key, "POST /api/v1/cases " + json::serialize(body)};
  }
  ASSIGN_OR_RETURN(auto v, services::CreateCase(c.env, c.actor, body, idem));
  HttpResponse r =
      Versioned(v.replayed ? 200 : 201, v.json, "/api/v1/cases/" + std::to_string(v.id));
  r.SetHeader("ETag", ETag(v.version));
  return r;
}

Result<HttpResponse> ListCases(RequestContext& c) {
  services::CaseListQuery q;
  ASSIGN_OR_RETURN(q.status, TextParam(c, "filter[status]"));
  ASSIGN_OR_RETURN(q.queue, TextParam(c, "filter[queue]"));
  ASSIGN_OR_RETURN(q.category, TextParam(c, "filter[category]"));
  ASSIGN_OR_RETURN(q.priority, TextParam(c, "filter[priority]"));
  ASSIGN_OR_RETURN(q.owner_id, IdParam(c, "filter[owner_id]"));
  ASSIGN_OR_RETURN(q.customer_id, CustomerIdFilter(c));
  ASSIGN_OR_RETURN(q.limit, Limit(c));
  q.cursor = c.req.Query("cursor");
  ASSIGN_OR_RETURN(auto o, services::ListCasesPage(c.env, c.actor, q));
  return Json(200, o);
}

Result<HttpResponse> PatchCase(RequestContext& c) {
  ASSIGN_OR_RETURN(auto id, c.Id());
  if (c.req.Header("if-match").empty()) {
    RETURN_IF_ERROR(services::GetCase(c.env, c.actor, id));
    return PreconditionRequired(c);
  }
  ASSIGN_OR_RETURN(auto version, IfMatch(c));
  ASSIGN_OR_RETURN(auto body, Body(c));
  ASSIGN_OR_RETURN(auto v, services::PatchCase(c.env, c.actor, id, body, version));
  return Versioned(200, v.json);
}

Result<HttpResponse> PatchReturn(RequestContext& c) {
  ASSIGN_OR_RETURN(auto id, c.Id());
  if (c.req.Header("if-match").empty()) {
    RETURN_IF_ERROR(services::GetReturn(c.env, c.actor, id));
    return PreconditionRequired(c);
  }
  ASSIGN_OR_RETURN(auto version, IfMatch(c));
  ASSIGN_OR_RETURN(auto body, Body(c));
  ASSIGN_OR_RETURN(auto v, services::PatchReturn(c.env, c.actor, id, body, version));
  return Versioned(200, v.json);
}

Result<HttpResponse> ListReturns(RequestContext& c) {
  services::ReturnListQuery q;
  ASSIGN_OR_RETURN(q.customer_id, CustomerIdFilter(c));
  ASSIGN_OR_RETURN(q.case_id, IdParam(c, "filter[case_id]"));
  ASSIGN_OR_RETURN(q.status, TextParam(c, "filter[status]"));
  ASSIGN_OR_RETURN(q.limit, Limit(c));
  q.cursor = c.req.Query("cursor");
  ASSIGN_OR_RETURN(auto o, services::ListReturnsPage(c.env, c.actor, q));
  return Json(200, o);
}

Result<HttpResponse> ListSurveys(RequestContext& c) {
  services::SurveyListQuery q;
  ASSIGN_OR_RETURN(q.customer_id, CustomerIdFilter(c));
  ASSIGN_OR_RETURN(q.status, TextParam(c, "filter[status]"));
  ASSIGN_OR_RETURN(q.limit, Limit(c));
  q.cursor = c.req.Query("cursor");
  ASSIGN_OR_RETURN(auto o, services::ListSurveysPage(c.env, c.actor, q));
  return Json(200, o);
}

Result<json::object> MetricsReport(RequestContext& c) {
  services::ServiceMetricsQuery q;
  ASSIGN_OR_RETURN(q.from, TimeParam(c, "from"));
  ASSIGN_OR_RETURN(q.to, TimeParam(c, "to"));
  ASSIGN_OR_RETURN(q.queue, TextParam(c, "queue"));
  q.group_by = c.req.Query("group_by");
  if (const std::string s = c.req.Query("fcr_days"); !s.empty()) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), q.fcr_days);
    if (ec != std::errc() || p != s.data() + s.size())
      return Fail(BadParam("fcr_days", "must be a whole number of days"));
  }
  return services::ServiceMetrics(c.env, c.actor, q);
}

Result<json::object> SatisfactionReport(RequestContext& c) {
  services::SatisfactionQuery q;
  ASSIGN_OR_RETURN(q.from, TimeParam(c, "from"));
  ASSIGN_OR_RETURN(q.to, TimeParam(c, "to"));
  ASSIGN_OR_RETURN(q.customer_id, CustomerIdFilter(c));
  q.group_by = c.req.Query("group_by");
  return services::SatisfactionReport(c.env, c.actor, q);
}

}  // namespace

void AddServiceRoutes(Router& r) {
  const auto perm = [](Resource res, Action a) { return std::optional(std::make_pair(res, a)); };
  r.Add({"GET", "/api/v1/cases", true, perm(Resource::kCases, Action::kRead), ListCases});
  r.Add({"POST", "/api/v1/cases", true, perm(Resource::kCases, Action::kCreate), CreateCase});
  r.Add({"POST", "/api/v1/orders/{id}/cases", true, perm(Resource::kCases, Action::kCreate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto v, services::OpenOrderLineCase(c.env, c.actor, id, body));
           HttpResponse res = Versioned(201, v.json, "/api/v1/cases/" + std::to_string(v.id));
           res.SetHeader("ETag", ETag(v.version));
           return res;
         }});
  r.Add({"GET", "/api/v1/cases/{id}", true, perm(Resource::kCases, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto v, services::GetCase(c.env, c.actor, id));
           return Versioned(200, v.json);
         }});
  r.Add({"PATCH", "/api/v1/cases/{id}", true, perm(Resource::kCases, Action::kUpdate), PatchCase});
  r.Add({"GET", "/api/v1/cases/{id}/notes", true, perm(Resource::kCases, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto o, services::ListCaseNotes(c.env, c.actor, id));
           return Json(200, o);
         }});
  r.Add({"POST", "/api/v1/cases/{id}/notes", true, perm(Resource::kCases, Action::kUpdate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::AddCaseNote(c.env, c.actor, id, body));
           return Json(201, o);
         }});
  r.Add({"POST", "/api/v1/calls", true, perm(Resource::kCases, Action::kCreate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::RegisterCall(c.env, c.actor, body));
           return Json(201, o);
         }});
  r.Add({"GET", "/api/v1/returns", true, perm(Resource::kReturns, Action::kRead), ListReturns});
  r.Add({"POST", "/api/v1/returns", true, perm(Resource::kReturns, Action::kCreate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto v, services::CreateReturn(c.env, c.actor, body));
           return Versioned(201, v.json, "/api/v1/returns/" + std::to_string(v.id));
         }});
  r.Add({"GET", "/api/v1/returns/{id}", true, perm(Resource::kReturns, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto v, services::GetReturn(c.env, c.actor, id));
           return Versioned(200, v.json);
         }});
  r.Add({"PATCH", "/api/v1/returns/{id}", true, perm(Resource::kReturns, Action::kUpdate),
         PatchReturn});
  r.Add({"GET", "/api/v1/survey-templates", true, perm(Resource::kSurveys, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto o, services::ListSurveyTemplates(c.env, c.actor));
           return Json(200, o);
         }});
  r.Add({"POST", "/api/v1/survey-templates", true, perm(Resource::kServiceConfig, Action::kCreate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::CreateSurveyTemplate(c.env, c.actor, body));
           return Json(201, o);
         }});
  r.Add({"GET", "/api/v1/surveys", true, perm(Resource::kSurveys, Action::kRead), ListSurveys});
  r.Add({"POST", "/api/v1/surveys", true, perm(Resource::kSurveys, Action::kCreate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::CreateSurvey(c.env, c.actor, body));
           return Json(201, o);
         }});
  r.Add({"GET", "/api/v1/surveys/{id}", true, perm(Resource::kSurveys, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto o, services::GetSurvey(c.env, c.actor, id));
           return Json(200, o);
         }});
  r.Add({"POST", "/api/v1/surveys/{id}/answers", true, perm(Resource::kSurveys, Action::kCreate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::AnswerSurvey(c.env, c.actor, id, body));
           return Json(200, o);
         }});
  r.Add({"GET", "/api/v1/service/metrics", true, perm(Resource::kCases, Action::kRead),
         [](RequestContext& c) { return ReportResponse(c, MetricsReport(c)); }});
  r.Add({"GET", "/api/v1/service/satisfaction", true, perm(Resource::kSurveys, Action::kRead),
         [](RequestContext& c) { return ReportResponse(c, SatisfactionReport(c)); }});
}

}  // namespace chaincrm::api
