// Business calendars, SLA policies, the SLA sweep, notifications and the volume forecast
// with staffing.

#include <charconv>

#include "api/handlers/handler_util.h"
#include "api/handlers/routes.h"
#include "services/json_util.h"
#include "services/service_forecast.h"
#include "services/sla_config.h"
#include "services/sla_scheduler.h"

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

using GetFn = Result<boost::json::object> (*)(const services::Env&, std::int64_t);
using CreateFn = Result<boost::json::object> (*)(const services::Env&, const services::Actor&,
                                                 const boost::json::object&);
using PatchFn = Result<boost::json::object> (*)(const services::Env&, const services::Actor&,
                                                std::int64_t, const boost::json::object&,
                                                std::int64_t);
using DeleteFn = Status (*)(const services::Env&, const services::Actor&, std::int64_t);
using ListFn = Result<boost::json::object> (*)(const services::Env&);

// The five CRUD routes of a configuration collection at `base`.
void AddCrud(Router& r, const std::string& base, ListFn list, CreateFn create, GetFn get,
             PatchFn patch, DeleteFn del) {
  const auto perm = [](Action a) {
    return std::optional(std::make_pair(Resource::kServiceConfig, a));
  };
  r.Add({"GET", base, true, perm(Action::kRead), [list](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto o, list(c.env));
           return Json(200, o);
         }});
  r.Add({"POST", base, true, perm(Action::kCreate),
         [create, base](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, create(c.env, c.actor, body));
           HttpResponse res = Versioned(201, o);
           res.SetHeader("Location", base + "/" + std::to_string(o.at("id").as_int64()));
           return res;
         }});
  r.Add({"GET", base + "/{id}", true, perm(Action::kRead),
         [get](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto o, get(c.env, id));
           return Versioned(200, o);
         }});
  r.Add({"PATCH", base + "/{id}", true, perm(Action::kUpdate),
         [get, patch](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           if (c.req.Header("if-match").empty()) {
             RETURN_IF_ERROR(get(c.env, id));
             return PreconditionRequired(c);
           }
           ASSIGN_OR_RETURN(auto version, IfMatch(c));
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, patch(c.env, c.actor, id, body, version));
           return Versioned(200, o);
         }});
  r.Add({"DELETE", base + "/{id}", true, perm(Action::kDelete),
         [del](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           RETURN_IF_ERROR(del(c.env, c.actor, id));
           HttpResponse res;
           res.status = 204;
           return res;
         }});
}

}  // namespace

void AddSlaRoutes(Router& r, services::SlaScheduler& scheduler) {
  const auto perm = [](Action a) {
    return std::optional(std::make_pair(Resource::kServiceConfig, a));
  };
  AddCrud(r, "/api/v1/service/calendars", services::ListCalendars, services::CreateCalendar,
          services::GetCalendar, services::PatchCalendar, services::DeleteCalendar);
  AddCrud(r, "/api/v1/service/sla/policies", services::ListPolicies, services::CreatePolicy,
          services::GetPolicy, services::PatchPolicy, services::DeletePolicy);
  r.Add({"POST", "/api/v1/service/sla/sweep", true, perm(Action::kUpdate),
         [&scheduler](RequestContext& c) -> Result<HttpResponse> {
           Millis now = c.env.clock.Now();
           std::optional<std::vector<std::int64_t>> only;
           if (!c.req.body.empty()) {
             ASSIGN_OR_RETURN(auto body, Body(c));
             services::JsonReader reader(body);
             reader.Known({"now", "case_ids"});
             if (auto t = reader.Time("now")) now = *t;
             if (const auto* ids = reader.Get("case_ids")) {
               only.emplace();
               if (!ids->is_array() || ids->as_array().size() > 500) {
                 reader.Error("case_ids", "must be an array of at most 500 case ids");
               } else {
                 for (const auto& v : ids->as_array()) {
                   if (!v.is_int64() || v.as_int64() < 1) {
                     reader.Error("case_ids", "must hold positive integer ids");
                     break;
                   }
                   only->push_back(v.as_int64());
                 }
               }
             }
             RETURN_IF_ERROR(services::ErrorsToStatus(std::move(reader.errors())));
           }
           ASSIGN_OR_RETURN(auto o, scheduler.SweepNow(c.actor, now, only ? &*only : nullptr));
           return Json(200, o);
         }});
  r.Add({"GET", "/api/v1/service/sla/notifications", true, perm(Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(int limit, Limit(c));
           std::optional<std::int64_t> case_id;
           if (const std::string s = c.req.Query("case_id"); !s.empty()) {
             std::int64_t v = 0;
             auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
             if (ec != std::errc() || p != s.data() + s.size() || v < 1)
               return Fail(Error::InvalidArgument("case_id must be a positive integer"));
             case_id = v;
           }
           ASSIGN_OR_RETURN(auto o, services::ListSlaNotifications(c.env, case_id, limit));
           return Json(200, o);
         }});
  r.Add({"GET", "/api/v1/service/forecast", true, perm(Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto p, services::ParseForecastParams([&](std::string_view k) {
                              return c.req.Query(std::string(k));
                            }));
           ASSIGN_OR_RETURN(auto o, services::ForecastServiceLoad(c.env, p));
           return Json(200, o);
         }});
}

}  // namespace chaincrm::api
