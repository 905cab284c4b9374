// Sessions, the current user, users, API tokens and custom field definitions.

#include "api/handlers/handler_util.h"
#include "api/handlers/routes.h"
#include "services/auth_service.h"
#include "services/custom_field_service.h"
#include "services/json_util.h"

namespace chaincrm::api {

namespace json = boost::json;
using domain::Action;
using domain::Resource;

void AddAccountRoutes(Router& r) {
  const auto perm = [](Resource res, Action a) { return std::optional(std::make_pair(res, a)); };
  r.Add({"POST", "/api/v1/sessions", false, std::nullopt,
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           services::JsonReader rd(body);
           rd.Known({"email", "password"});
           const auto email = rd.Str("email");
           const auto password = rd.Str("password");
           if (!email) rd.Error("email", "is required");
           if (!password) rd.Error("password", "is required");
           RETURN_IF_ERROR(services::ErrorsToStatus(std::move(rd.errors())));
           ASSIGN_OR_RETURN(auto s, services::Login(c.env, *email, *password));
           return Json(
               201,
               {{"token", s.token}, {"expires_at", FormatTime(s.expires_at)}, {"user", s.user}});
         }});
  r.Add({"DELETE", "/api/v1/sessions/current", true, std::nullopt,
         [](RequestContext& c) -> Result<HttpResponse> {
           RETURN_IF_ERROR(services::Logout(c.env, c.req.Header("authorization").substr(7)));
           HttpResponse res;
           res.status = 204;
           return res;
         }});
  r.Add({"GET", "/api/v1/me", true, std::nullopt, [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto o, services::Me(c.env, c.actor));
           return Json(200, o);
         }});
  r.Add({"GET", "/api/v1/users", true, perm(Resource::kUsers, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto o, services::ListUsersJson(c.env, c.actor));
           return Json(200, o);
         }});
  r.Add({"POST", "/api/v1/users", true, perm(Resource::kUsers, Action::kCreate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           services::JsonReader rd(body);
           rd.Known({"email", "password", "name", "role", "customer_id"});
           services::NewUser u{rd.Str("email").value_or(""), rd.Str("password").value_or(""),
                               rd.Str("name").value_or(""), rd.Str("role").value_or(""),
                               rd.Int("customer_id")};
           RETURN_IF_ERROR(services::ErrorsToStatus(std::move(rd.errors())));
           ASSIGN_OR_RETURN(auto id, services::CreateUser(c.env, c.actor, u));
           services::Actor created;
           created.user_id = id;
           created.email = u.email;
           created.role = domain::ParseRole(u.role).value_or(domain::Role::kCustomer);
           created.customer_id = u.customer_id;
           HttpResponse res =
               Json(201, services::UserJson(created, u.name.empty() ? u.email : u.name));
           res.SetHeader("Location", "/api/v1/users/" + std::to_string(id));
           return res;
         }});
  r.Add({"POST", "/api/v1/tokens", true, perm(Resource::kTokens, Action::kCreate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           services::JsonReader rd(body);
           rd.Known({"name", "expires_in_days"});
           const auto name = rd.Str("name").value_or("");
           const auto days = rd.Int("expires_in_days").value_or(365);
           RETURN_IF_ERROR(services::ErrorsToStatus(std::move(rd.errors())));
           ASSIGN_OR_RETURN(auto s,
                            services::CreateApiToken(
                                c.env, c.actor, name,
                                static_cast<int>(std::clamp<std::int64_t>(days, 0, 100000))));
           return Json(201, {{"token", s.token},
                             {"id", s.user.at("id")},
                             {"name", name},
                             {"expires_at", FormatTime(s.expires_at)}});
         }});
  r.Add({"GET", "/api/v1/custom-fields", true, perm(Resource::kCustomFields, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto o, services::ListCustomFields(c.env, c.actor));
           return Json(200, o);
         }});
  r.Add({"POST", "/api/v1/custom-fields", true, perm(Resource::kCustomFields, Action::kCreate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::CreateCustomField(c.env, c.actor, body));
           return Json(201, o);
         }});
  r.Add({"PATCH", "/api/v1/custom-fields/{id}", true,
         perm(Resource::kCustomFields, Action::kUpdate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::PatchCustomField(c.env, c.actor, id, body));
           return Json(200, o);
         }});
  r.Add({"DELETE", "/api/v1/custom-fields/{id}", true,
         perm(Resource::kCustomFields, Action::kDelete),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           RETURN_IF_ERROR(services::DeleteCustomField(c.env, c.actor, id));
           HttpResponse res;
           res.status = 204;
           return res;
         }});
}

}  // namespace chaincrm::api
