// /api/v1/customers and a customer's 360 view and history.

#include "api/handlers/handler_util.h"
#include "api/handlers/routes.h"
#include "api/problem.h"
#include "services/customer_service.h"
#include "services/duplicate_service.h"
#include "services/merge_service.h"

namespace chaincrm::api {

namespace json = boost::json;
using domain::Action;
using domain::Resource;

namespace {

HttpResponse CustomerResponse(int status, const services::CustomerView& v) {
  HttpResponse r = Json(status, v.json);
  r.SetHeader("ETag", ETag(v.version));
  if (status == 201) r.SetHeader("Location", "/api/v1/customers/" + std::to_string(v.id));
  return r;
}

Result<HttpResponse> List(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto q, ParseListQuery(ctx));
  ASSIGN_OR_RETURN(auto page, services::ListCustomers(ctx.env, ctx.actor, std::move(q)));
  json::object o{
      {"data", std::move(page.data)},
      {"next_cursor", page.next_cursor ? json::value(*page.next_cursor) : json::value(nullptr)}};
  if (page.total) o["total"] = *page.total;
  return Json(200, o);
}

Result<HttpResponse> Create(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto body, Body(ctx));
  std::optional<services::IdempotencyKey> idem;
  if (const auto& key = ctx.req.Header("idempotency-key"); !key.empty()) {
    if (key.size() > 200) {
      return Fail(Error::InvalidArgument("Idempotency-Key is too long",
                                         {{"Idempotency-Key", "at most 200 characters"}}));
    }
    idem = services::IdempotencyKey{key, "POST /api/v1/customers " + json::serialize(body)};
  }
  // A likely duplicate is refused with its candidates unless the caller insists. Only
  // this HTTP route checks: bulk imports upsert by their natural key instead.
  const bool allow =
      ctx.req.Header("x-allow-duplicate") == "true" || ctx.req.Query("allow_duplicate") == "true";
  if (!allow && domain::Allowed(ctx.actor.role, Resource::kCustomers, Action::kCreate) !=
                    domain::Scope::kNone) {
    ASSIGN_OR_RETURN(auto candidates, services::LikelyDuplicates(ctx.env, ctx.actor, body));
    if (!candidates.empty()) {
      HttpResponse r = Problem(409, "Likely duplicate",
                               "the customer looks like an existing one; send the header "
                               "X-Allow-Duplicate: true to create it anyway",
                               ctx.req.request_id);
      json::value v = json::parse(r.body);
      v.as_object()["candidates"] = std::move(candidates);
      r.body = json::serialize(v);
      return r;
    }
  }
  ASSIGN_OR_RETURN(auto view, services::CreateCustomer(ctx.env, ctx.actor, body, idem));
  return CustomerResponse(201, view);
}

Result<HttpResponse> Get(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto id, ctx.Id());
  ASSIGN_OR_RETURN(auto view, services::GetCustomer(ctx.env, ctx.actor, id));
  if (view.json.contains("status") && view.json.at("status") == "merged") {
    // A merged customer tells where its records went.
    ASSIGN_OR_RETURN(auto into, services::MergedInto(ctx.env, id));
    if (into) {
      view.json["merged_into"] = into->first;
      view.json["merge_id"] = into->second;
    }
  }
  return CustomerResponse(200, view);
}

Result<HttpResponse> Patch(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto id, ctx.Id());
  if (ctx.req.Header("if-match").empty()) {
    // Existence and access are checked first, so that a missing record is still a 404.
    RETURN_IF_ERROR(services::GetCustomer(ctx.env, ctx.actor, id));
    return PreconditionRequired(ctx);
  }
  ASSIGN_OR_RETURN(auto version, IfMatch(ctx));
  ASSIGN_OR_RETURN(auto body, Body(ctx));
  ASSIGN_OR_RETURN(auto view, services::PatchCustomer(ctx.env, ctx.actor, id, body, version));
  return CustomerResponse(200, view);
}

Result<HttpResponse> Archive(RequestContext& ctx, bool archive) {
  ASSIGN_OR_RETURN(auto id, ctx.Id());
  ASSIGN_OR_RETURN(auto view, services::ArchiveCustomer(ctx.env, ctx.actor, id, archive));
  return CustomerResponse(200, view);
}

Result<HttpResponse> View360(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto id, ctx.Id());
  ASSIGN_OR_RETURN(auto o, services::Customer360(ctx.env, ctx.actor, id));
  return Json(200, o);
}

Result<HttpResponse> History(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto id, ctx.Id());
  services::HistoryQuery q;
  q.customer_id = id;
  ASSIGN_OR_RETURN(q.limit, Limit(ctx));
  q.cursor = ctx.req.Query("cursor");
  ASSIGN_OR_RETURN(auto o, services::History(ctx.env, ctx.actor, q));
  return Json(200, o);
}

}  // namespace

void AddCustomerRoutes(Router& r) {
  const auto perm = [](Action a) { return std::optional(std::make_pair(Resource::kCustomers, a)); };
  r.Add({"GET", "/api/v1/customers", true, perm(Action::kRead), List});
  r.Add({"POST", "/api/v1/customers", true, perm(Action::kCreate), Create});
  r.Add({"GET", "/api/v1/customers/{id}", true, perm(Action::kRead), Get});
  r.Add({"PATCH", "/api/v1/customers/{id}", true, perm(Action::kUpdate), Patch});
  r.Add({"DELETE", "/api/v1/customers/{id}", true, perm(Action::kDelete),
         [](RequestContext& c) { return Archive(c, true); }});
  r.Add({"POST", "/api/v1/customers/{id}/restore", true, perm(Action::kDelete),
         [](RequestContext& c) { return Archive(c, false); }});
  r.Add({"GET", "/api/v1/customers/{id}/360", true, perm(Action::kRead), View360});
  r.Add({"GET", "/api/v1/customers/{id}/history", true, perm(Action::kRead), History});
}

}  // namespace chaincrm::api
