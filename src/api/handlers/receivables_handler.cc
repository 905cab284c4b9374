// Invoices (from orders, by hand, ERP batch), payments, credit notes, credit limits and
// the receivables reports (ageing, collection list, a customer's balance).

#include "api/handlers/handler_util.h"
#include "api/handlers/query_params.h"
#include "api/handlers/routes.h"
#include "core/money.h"
#include "services/credit.h"
#include "services/invoice_service.h"
#include "services/receivables_report.h"

namespace chaincrm::api {

namespace json = boost::json;
using domain::Action;
using domain::Resource;

namespace {

Result<std::optional<services::IdempotencyKey>> IdemKey(const RequestContext& c,
                                                        const std::string& request) {
  const auto& key = c.req.Header("idempotency-key");
  if (key.empty()) return std::optional<services::IdempotencyKey>{};
  if (key.size() > 200) {
    return Fail(Error::InvalidArgument("Idempotency-Key is too long",
                                       {{"Idempotency-Key", "at most 200 characters"}}));
  }
  return std::optional(services::IdempotencyKey{key, request});
}

// as_of defaults to today (the request's clock).
Result<Millis> AsOf(const RequestContext& c) {
  ASSIGN_OR_RETURN(auto t, TimeQuery(c, "as_of"));
  return t.value_or(c.env.clock.Now());
}

HttpResponse Created(const json::object& o) {
  HttpResponse res = Json(201, o);
  res.SetHeader("Location", "/api/v1/invoices/" + std::to_string(o.at("id").as_int64()));
  return res;
}

}  // namespace

void AddReceivablesRoutes(Router& r) {
  const auto perm = [](Resource res, Action a) { return std::optional(std::make_pair(res, a)); };
  const auto read = perm(Resource::kInvoices, Action::kRead);
  const auto create = perm(Resource::kInvoices, Action::kCreate);
  r.Add({"POST", "/api/v1/orders/{id}/invoices", true, create,
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           json::object body;
           if (!c.req.body.empty()) {
             ASSIGN_OR_RETURN(body, Body(c));
           }
           ASSIGN_OR_RETURN(auto o, services::CreateInvoiceFromOrder(c.env, c.actor, id, body));
           return Created(o);
         }});
  r.Add({"POST", "/api/v1/invoices", true, create, [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::CreateInvoice(c.env, c.actor, body));
           return Created(o);
         }});
  r.Add({"GET", "/api/v1/invoices", true, read, [](RequestContext& c) -> Result<HttpResponse> {
           services::InvoiceListQuery q;
           ASSIGN_OR_RETURN(q.customer_id, IdQuery(c, "filter[customer_id]"));
           q.status = TextQuery(c, "filter[status]");
           ASSIGN_OR_RETURN(q.limit, Limit(c));
           q.cursor = c.req.Query("cursor");
           ASSIGN_OR_RETURN(auto o, services::ListInvoices(c.env, c.actor, q));
           return Json(200, o);
         }});
  r.Add({"GET", "/api/v1/invoices/{id}", true, read, [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto o, services::GetInvoice(c.env, c.actor, id));
           return Json(200, o);
         }});
  r.Add({"POST", "/api/v1/invoices/{id}/payments", true, create,
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto idem,
                            IdemKey(c, "POST " + c.req.path + " " + json::serialize(body)));
           ASSIGN_OR_RETURN(auto o, services::RecordPayment(c.env, c.actor, id, body, idem));
           return Json(201, o);
         }});
  r.Add({"POST", "/api/v1/invoices/{id}/credit-notes", true, create,
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::IssueCreditNote(c.env, c.actor, id, body));
           return Json(201, o);
         }});
  r.Add({"POST", "/api/v1/batch/invoices", true, create,
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           services::BatchOptions options;
           const std::string atomic = c.req.Query("atomic");
           if (!atomic.empty() && atomic != "true" && atomic != "false") {
             return Fail(Error::InvalidArgument("atomic must be true or false"));
           }
           options.atomic = atomic == "true";
           ASSIGN_OR_RETURN(options.idem, IdemKey(c, "POST " + c.req.path + "?atomic=" + atomic +
                                                         " " + json::serialize(body)));
           ASSIGN_OR_RETURN(auto o, services::UpsertInvoicesBatch(c.env, c.actor, body, options));
           return Json(200, o);
         }});
  r.Add({"GET", "/api/v1/receivables/ageing", true, read,
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto as_of, AsOf(c));
           ASSIGN_OR_RETURN(auto customer, IdQuery(c, "filter[customer_id]"));
           ASSIGN_OR_RETURN(auto o, services::Ageing(c.env, c.actor, as_of, customer));
           return Json(200, o);
         }});
  r.Add({"GET", "/api/v1/receivables/collection", true, read,
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto as_of, AsOf(c));
           ASSIGN_OR_RETURN(auto limit, Limit(c));
           ASSIGN_OR_RETURN(auto o, services::CollectionList(c.env, c.actor, as_of, limit));
           return Json(200, o);
         }});
  r.Add({"GET", "/api/v1/customers/{id}/balance", true, read,
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto as_of, AsOf(c));
           ASSIGN_OR_RETURN(auto o, services::CustomerBalance(c.env, c.actor, id, as_of));
           return Json(200, o);
         }});
  r.Add({"GET", "/api/v1/customers/{id}/credit-limit", true, read,
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           std::int64_t additional = 0;
           if (const std::string a = c.req.Query("additional"); !a.empty()) {
             auto parsed = ParseAmount(a);
             if (!parsed || *parsed < 0) {
               return Fail(
                   Error::InvalidArgument("additional must be a decimal amount such as 12.50"));
             }
             additional = *parsed;
           }
           ASSIGN_OR_RETURN(auto o, services::GetCreditLimit(c.env, c.actor, id, additional));
           return Json(200, o);
         }});
  r.Add({"PUT", "/api/v1/customers/{id}/credit-limit", true,
         perm(Resource::kInvoices, Action::kUpdate), [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::SetCreditLimit(c.env, c.actor, id, body));
           return Json(200, o);
         }});
}

}  // namespace chaincrm::api
