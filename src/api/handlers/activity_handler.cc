// Contacts, interactions and purchases.

#include "api/handlers/handler_util.h"
#include "api/handlers/routes.h"
#include "services/activity_service.h"

namespace chaincrm::api {

using domain::Action;
using domain::Resource;

namespace {

Result<services::ActivityListQuery> ActivityQuery(RequestContext& ctx) {
  services::ActivityListQuery q;
  ASSIGN_OR_RETURN(q.customer_id, CustomerIdFilter(ctx));
  ASSIGN_OR_RETURN(q.limit, Limit(ctx));
  q.cursor = ctx.req.Query("cursor");
  return q;
}

HttpResponse Versioned(int status, const boost::json::object& o) {
  HttpResponse r = Json(status, o);
  if (const auto* v = o.if_contains("version"); v && v->is_int64())
    r.SetHeader("ETag", ETag(v->as_int64()));
  return r;
}

}  // namespace

void AddActivityRoutes(Router& r) {
  const auto perm = [](Resource res, Action a) { return std::optional(std::make_pair(res, a)); };
  r.Add({"GET", "/api/v1/customers/{id}/contacts", true, perm(Resource::kContacts, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto o, services::ListContactsOf(c.env, c.actor, id));
           return Json(200, o);
         }});
  r.Add({"POST", "/api/v1/customers/{id}/contacts", true,
         perm(Resource::kContacts, Action::kCreate), [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::CreateContact(c.env, c.actor, id, body));
           HttpResponse res = Versioned(201, o);
           res.SetHeader("Location", "/api/v1/contacts/" + std::to_string(o.at("id").as_int64()));
           return res;
         }});
  r.Add({"GET", "/api/v1/contacts/{id}", true, perm(Resource::kContacts, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto o, services::GetContact(c.env, c.actor, id));
           return Versioned(200, o);
         }});
  r.Add({"PATCH", "/api/v1/contacts/{id}", true, perm(Resource::kContacts, Action::kUpdate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           if (c.req.Header("if-match").empty()) {
             RETURN_IF_ERROR(services::GetContact(c.env, c.actor, id));
             return PreconditionRequired(c);
           }
           ASSIGN_OR_RETURN(auto version, IfMatch(c));
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::PatchContact(c.env, c.actor, id, body, version));
           return Versioned(200, o);
         }});
  r.Add({"DELETE", "/api/v1/contacts/{id}", true, perm(Resource::kContacts, Action::kDelete),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto o, services::ArchiveContactById(c.env, c.actor, id));
           return Json(200, o);
         }});
  r.Add({"GET", "/api/v1/interactions", true, perm(Resource::kInteractions, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto q, ActivityQuery(c));
           ASSIGN_OR_RETURN(auto o, services::ListInteractionsPage(c.env, c.actor, q));
           return Json(200, o);
         }});
  r.Add({"POST", "/api/v1/interactions", true, perm(Resource::kInteractions, Action::kCreate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::CreateInteraction(c.env, c.actor, body));
           return Json(201, o);
         }});
  r.Add({"GET", "/api/v1/purchases", true, perm(Resource::kPurchases, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto q, ActivityQuery(c));
           ASSIGN_OR_RETURN(auto o, services::ListPurchasesPage(c.env, c.actor, q));
           return Json(200, o);
         }});
  r.Add({"POST", "/api/v1/purchases", true, perm(Resource::kPurchases, Action::kCreate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::CreatePurchase(c.env, c.actor, body));
           return Json(o.at("posted").as_bool() ? 201 : 200, o);
         }});
}

}  // namespace chaincrm::api
