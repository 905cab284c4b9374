// Duplicates, merges, vCard import/export, consents, data-subject export and erasure.

#include "api/handlers/handler_util.h"
#include "api/handlers/routes.h"
#include "services/duplicate_service.h"
#include "services/merge_service.h"
#include "services/privacy_service.h"
#include "services/vcard_service.h"

namespace chaincrm::api {

namespace json = boost::json;
using domain::Action;
using domain::Resource;

namespace {

Result<HttpResponse> ListDuplicates(RequestContext& ctx) {
  services::DuplicateListQuery q;
  ASSIGN_OR_RETURN(q.limit, Limit(ctx));
  q.cursor = ctx.req.Query("cursor");
  ASSIGN_OR_RETURN(q.customer_id, CustomerIdFilter(ctx));
  ASSIGN_OR_RETURN(auto o, services::ListDuplicates(ctx.env, ctx.actor, q));
  return Json(200, o);
}

Result<HttpResponse> ScanDuplicates(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto o, services::ScanDuplicates(ctx.env, ctx.actor));
  return Json(200, o);
}

Result<HttpResponse> DismissDuplicate(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto id, ctx.Id());
  ASSIGN_OR_RETURN(auto o, services::DismissDuplicate(ctx.env, ctx.actor, id));
  return Json(200, o);
}

Result<HttpResponse> Merge(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto id, ctx.Id());
  ASSIGN_OR_RETURN(auto body, Body(ctx));
  std::vector<std::int64_t> ids;
  const auto* v = body.if_contains("merge_ids");
  if (!v || !v->is_array()) {
    return Fail(Error::InvalidArgument("merge_ids is required",
                                       {{"merge_ids", "must be an array of customer ids"}}));
  }
  for (const auto& x : v->as_array()) {
    if (!x.is_int64() || x.as_int64() < 1) {
      return Fail(Error::InvalidArgument("merge_ids must hold customer ids",
                                         {{"merge_ids", "must be an array of customer ids"}}));
    }
    ids.push_back(x.as_int64());
  }
  for (const auto& [k, _] : body) {
    if (k != "merge_ids")
      return Fail(Error::InvalidArgument("unknown field", {{std::string(k), "is not a field"}}));
  }
  ASSIGN_OR_RETURN(auto o, services::MergeCustomers(ctx.env, ctx.actor, id, ids));
  HttpResponse r = Json(201, o);
  r.SetHeader("Location", "/api/v1/merges/" + std::to_string(o.at("id").as_int64()));
  return r;
}

Result<HttpResponse> GetMerge(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto id, ctx.Id());
  ASSIGN_OR_RETURN(auto o, services::GetMerge(ctx.env, ctx.actor, id));
  return Json(200, o);
}

Result<HttpResponse> UndoMerge(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto id, ctx.Id());
  ASSIGN_OR_RETURN(auto o, services::UndoMerge(ctx.env, ctx.actor, id));
  return Json(200, o);
}

Result<HttpResponse> ExportVcard(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto id, ctx.Id());
  ASSIGN_OR_RETURN(auto text, services::ExportVcards(ctx.env, ctx.actor, id));
  HttpResponse r;
  r.status = 200;
  r.content_type = "text/vcard; charset=utf-8";
  r.body = std::move(text);
  r.SetHeader("Content-Disposition",
              "attachment; filename=\"customer-" + std::to_string(id) + ".vcf\"");
  return r;
}

Result<HttpResponse> ImportVcard(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto body, Body(ctx));
  const auto* content = body.if_contains("content");
  if (!content || !content->is_string()) {
    return Fail(Error::InvalidArgument("content is required",
                                       {{"content", "must be the vCard file as a string"}}));
  }
  ASSIGN_OR_RETURN(auto report,
                   services::ImportVcards(ctx.env, ctx.actor, std::string(content->as_string())));
  json::array items;
  for (const auto& o : report.outcomes) {
    json::array warnings;
    for (const auto& w : o.warnings) warnings.push_back(json::string(w));
    json::object item{
        {"card", o.card}, {"line", o.line}, {"action", o.action}, {"warnings", warnings}};
    if (o.action == "rejected") {
      item["message"] = o.message;
    } else {
      item["entity"] = o.entity;
      item["id"] = o.id;
      item["customer_id"] = o.customer_id;
      item["name"] = o.name;
    }
    items.push_back(std::move(item));
  }
  return Json(200, json::object{{"created", report.created},
                                {"updated", report.updated},
                                {"rejected", report.rejected},
                                {"cards", std::move(items)}});
}

Result<HttpResponse> ListConsents(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto id, ctx.Id());
  ASSIGN_OR_RETURN(auto o, services::ListConsents(ctx.env, ctx.actor, id));
  return Json(200, o);
}

Result<HttpResponse> RecordConsent(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto id, ctx.Id());
  ASSIGN_OR_RETURN(auto body, Body(ctx));
  ASSIGN_OR_RETURN(auto o, services::RecordConsent(ctx.env, ctx.actor, id, body));
  return Json(201, o);
}

Result<HttpResponse> DataExport(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto id, ctx.Id());
  ASSIGN_OR_RETURN(auto o, services::DataExport(ctx.env, ctx.actor, id));
  HttpResponse r = Json(200, o);
  r.SetHeader("Content-Disposition",
              "attachment; filename=\"customer-" + std::to_string(id) + "-data.json\"");
  return r;
}

Result<HttpResponse> Erase(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto id, ctx.Id());
  ASSIGN_OR_RETURN(auto body, Body(ctx));
  ASSIGN_OR_RETURN(auto o, services::EraseCustomer(ctx.env, ctx.actor, id, body));
  return Json(200, o);
}

}  // namespace

void AddPrivacyRoutes(Router& r) {
  const auto perm = [](Resource res, Action a) { return std::optional(std::make_pair(res, a)); };
  r.Add(
      {"GET", "/api/v1/duplicates", true, perm(Resource::kMerges, Action::kRead), ListDuplicates});
  r.Add({"POST", "/api/v1/duplicates/scan", true, perm(Resource::kMerges, Action::kCreate),
         ScanDuplicates});
  r.Add({"POST", "/api/v1/duplicates/{id}/dismiss", true, perm(Resource::kMerges, Action::kUpdate),
         DismissDuplicate});
  r.Add({"POST", "/api/v1/customers/{id}/merge", true, perm(Resource::kMerges, Action::kCreate),
         Merge});
  r.Add({"GET", "/api/v1/merges/{id}", true, perm(Resource::kMerges, Action::kRead), GetMerge});
  r.Add({"POST", "/api/v1/merges/{id}/undo", true, perm(Resource::kMerges, Action::kUpdate),
         UndoMerge});
  r.Add({"GET", "/api/v1/customers/{id}/contacts.vcf", true,
         perm(Resource::kContacts, Action::kRead), ExportVcard});
  r.Add({"POST", "/api/v1/vcard/import", true, perm(Resource::kContacts, Action::kCreate),
         ImportVcard});
  r.Add({"GET", "/api/v1/customers/{id}/consents", true, perm(Resource::kPrivacy, Action::kRead),
         ListConsents});
  r.Add({"POST", "/api/v1/customers/{id}/consents", true, perm(Resource::kPrivacy, Action::kCreate),
         RecordConsent});
  r.Add({"GET", "/api/v1/customers/{id}/data-export", true, perm(Resource::kPrivacy, Action::kRead),
         DataExport});
  r.Add({"POST", "/api/v1/customers/{id}/erase", true, perm(Resource::kPrivacy, Action::kDelete),
         Erase});
}

}  // namespace chaincrm::api
