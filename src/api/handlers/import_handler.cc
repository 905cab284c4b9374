// /api/v1/imports: CSV import jobs (create, upload chunks, run, progress, report) and
// the streamed list exports (/api/v1/customers/export).

#include "api/handlers/handler_util.h"
#include "api/handlers/routes.h"
#include "core/log.h"
#include "services/activity_service.h"
#include "services/export_service.h"
#include "services/import_jobs.h"

namespace chaincrm::api {

namespace json = boost::json;
using domain::Action;
using domain::Resource;

namespace {

Result<HttpResponse> Create(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto body, Body(ctx));
  ASSIGN_OR_RETURN(auto job, services::CreateImportJob(ctx.env, ctx.actor, body));
  HttpResponse r = Json(201, job);
  r.SetHeader("Location", "/api/v1/imports/" + std::to_string(job.at("id").as_int64()));
  return r;
}

Result<HttpResponse> Chunk(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto id, ctx.Id());
  ASSIGN_OR_RETURN(auto body, Body(ctx));
  const auto* seq = body.if_contains("seq");
  const auto* data = body.if_contains("data");
  std::vector<FieldError> errs;
  if (!seq || !seq->is_int64() || seq->as_int64() < 0)
    errs.push_back({"seq", "the chunk's position (0, 1, 2, ...) is required"});
  if (!data || !data->is_string()) errs.push_back({"data", "the chunk's text is required"});
  for (const auto& [k, _] : body)
    if (k != "seq" && k != "data") errs.push_back({std::string(k), "unknown field"});
  if (!errs.empty()) return Fail(Error::InvalidArgument("bad chunk", std::move(errs)));
  const auto& text = data->as_string();
  ASSIGN_OR_RETURN(auto job,
                   services::AppendImportChunk(ctx.env, id, seq->as_int64(),
                                               std::string_view(text.data(), text.size())));
  return Json(200, job);
}

Result<HttpResponse> Problems(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto id, ctx.Id());
  ASSIGN_OR_RETURN(int limit, Limit(ctx));
  ASSIGN_OR_RETURN(auto o,
                   services::ListImportProblems(ctx.env, id, ctx.req.Query("cursor"), limit));
  return Json(200, o);
}

Result<HttpResponse> ExportCustomers(RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto format, services::ParseExportFormat(ctx.req.Query("format")));
  // limit and cursor belong to pages; an export is the whole list.
  ASSIGN_OR_RETURN(auto q, ParseListQuery(ctx));
  RETURN_IF_ERROR(services::CheckCustomerExport(ctx.env, ctx.actor, q));
  HttpResponse r;
  const bool csv = format == services::ExportFormat::kCsv;
  r.content_type = csv ? "text/csv; charset=utf-8" : "application/json";
  r.SetHeader("Content-Disposition",
              std::string("attachment; filename=\"customers.") + (csv ? "csv" : "json") + "\"");
  r.stream = [env = ctx.env, actor = ctx.actor, q, format](const BodyWriter& write) {
    auto s = services::ExportCustomers(env, actor, q, format, write);
    if (!s)
      log::Error("request_id=" + actor.request_id + " event=export_failed detail=\"" +
                 s.error().message() + "\"");
    return static_cast<bool>(s);
  };
  return r;
}

// Interactions and purchases: their list's filter[customer_id], every page.
using ActivityPageFn = Result<json::object> (*)(const services::Env&, const services::Actor&,
                                                const services::ActivityListQuery&);

Result<HttpResponse> ExportActivity(RequestContext& ctx, ActivityPageFn list, const char* name) {
  ASSIGN_OR_RETURN(auto format, services::ParseExportFormat(ctx.req.Query("format")));
  services::ActivityListQuery q;
  ASSIGN_OR_RETURN(q.customer_id, CustomerIdFilter(ctx));
  q.limit = 500;
  ASSIGN_OR_RETURN(auto first, list(ctx.env, ctx.actor, q));
  HttpResponse r;
  const bool csv = format == services::ExportFormat::kCsv;
  r.content_type = csv ? "text/csv; charset=utf-8" : "application/json";
  r.SetHeader("Content-Disposition",
              std::string("attachment; filename=\"") + name + "." + (csv ? "csv" : "json") + "\"");
  r.stream = [env = ctx.env, actor = ctx.actor, q, format, list,
              first = std::move(first)](const BodyWriter& write) mutable {
    auto s = services::ExportPages(
        std::move(first),
        [&](const std::string& cursor) {
          auto next = q;
          next.cursor = cursor;
          return list(env, actor, next);
        },
        format, write);
    if (!s) {
      log::Error("request_id=" + actor.request_id + " event=export_failed detail=\"" +
                 s.error().message() + "\"");
    }
    return static_cast<bool>(s);
  };
  return r;
}

}  // namespace

void AddImportRoutes(Router& r, services::ImportRunner& runner) {
  const auto perm = [](Action a) { return std::optional(std::make_pair(Resource::kImports, a)); };
  r.Add({"GET", "/api/v1/customers/export", true,
         std::optional(std::make_pair(Resource::kCustomers, Action::kRead)), ExportCustomers});
  r.Add({"GET", "/api/v1/interactions/export", true,
         std::optional(std::make_pair(Resource::kInteractions, Action::kRead)),
         [](RequestContext& c) {
           return ExportActivity(c, services::ListInteractionsPage, "interactions");
         }});
  r.Add({"GET", "/api/v1/purchases/export", true,
         std::optional(std::make_pair(Resource::kPurchases, Action::kRead)), [](RequestContext& c) {
           return ExportActivity(c, services::ListPurchasesPage, "purchases");
         }});
  r.Add({"POST", "/api/v1/imports", true, perm(Action::kCreate), Create});
  r.Add({"POST", "/api/v1/imports/{id}/chunks", true, perm(Action::kCreate), Chunk});
  r.Add({"POST", "/api/v1/imports/{id}/run", true, perm(Action::kCreate),
         [&runner](RequestContext& ctx) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, ctx.Id());
           ASSIGN_OR_RETURN(auto job, runner.Start(ctx.actor, id));
           return Json(202, job);
         }});
  r.Add({"GET", "/api/v1/imports/{id}", true, perm(Action::kRead),
         [&runner](RequestContext& ctx) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, ctx.Id());
           ASSIGN_OR_RETURN(auto job, runner.Get(id));
           return Json(200, job);
         }});
  r.Add({"GET", "/api/v1/imports/{id}/report", true, perm(Action::kRead), Problems});
}

}  // namespace chaincrm::api
