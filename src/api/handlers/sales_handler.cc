// Products and configurations, quotes and orders with deliveries, shipments and their
// tracking events, the Perfect Order and delivery-performance reports, ERP batches.

#include <charconv>

#include "api/handlers/handler_util.h"
#include "api/handlers/routes.h"
#include "api/problem.h"
#include "services/order_service.h"
#include "services/perfect_order_report.h"
#include "services/product_service.h"
#include "services/sales_batch.h"
#include "services/shipment_service.h"

namespace chaincrm::api {

namespace json = boost::json;
using domain::Action;
using domain::Resource;

namespace {

std::optional<std::pair<Resource, Action>> Perm(Resource r, Action a) {
  return std::make_pair(r, a);
}

HttpResponse Versioned(int status, const json::object& o) {
  HttpResponse r = Json(status, o);
  if (const auto* v = o.if_contains("version"); v && v->is_int64())
    r.SetHeader("ETag", ETag(v->as_int64()));
  return r;
}

HttpResponse Created(const json::object& o, const std::string& collection) {
  HttpResponse r = Versioned(201, o);
  r.SetHeader("Location", collection + "/" + std::to_string(o.at("id").as_int64()));
  return r;
}

// Query parameters of these routes that the shared problem mapping does not know: a bad
// one is a 400 naming it (WithQueryErrors), like filter[...] and limit elsewhere.
constexpr const char* kQueryParams[] = {"from", "to", "group_by", "atomic", "filter[order_id]"};

Error BadParam(const std::string& name, const std::string& message) {
  return Error::InvalidArgument(name + " " + message, {{name, message}});
}

RouteFn WithQueryErrors(RouteFn fn) {
  return [fn = std::move(fn)](RequestContext& c) -> Result<HttpResponse> {
    auto res = fn(c);
    if (res || res.error().code() != Code::kInvalidArgument || res.error().fields().empty())
      return res;
    const std::string& field = res.error().fields().front().field;
    for (const char* p : kQueryParams) {
      if (field != p) continue;
      HttpResponse r = ProblemResponse(res.error(), c.req.request_id);
      boost::system::error_code ec;
      json::value body = json::parse(r.body, ec);
      if (ec || !body.is_object()) return res;
      body.as_object()["status"] = 400;
      body.as_object()["title"] = "Bad Request";
      r.status = 400;
      r.body = json::serialize(body);
      return r;
    }
    return res;
  };
}

Result<std::optional<std::int64_t>> IdParam(const RequestContext& c, const std::string& name) {
  const std::string s = c.req.Query(name);
  if (s.empty()) return std::optional<std::int64_t>{};
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0)
    return Fail(BadParam(name, "must be an id"));
  return std::optional(v);
}

Result<std::optional<Millis>> DateParam(const RequestContext& c, const std::string& name) {
  const std::string s = c.req.Query(name);
  if (s.empty()) return std::optional<Millis>{};
  auto t = ParseTime(s);
  if (!t) return Fail(BadParam(name, "must be a date (YYYY-MM-DD) or an RFC 3339 time"));
  return std::optional(*t);
}

std::optional<std::string> TextParam(const RequestContext& c, const std::string& name) {
  std::string s = c.req.Query(name);
  if (s.empty()) return std::nullopt;
  return s;
}

Result<services::BatchOptions> BatchOptionsOf(const RequestContext& c, const json::object& body) {
  services::BatchOptions o;
  const std::string atomic = c.req.Query("atomic");
  if (!atomic.empty() && atomic != "true" && atomic != "false")
    return Fail(BadParam("atomic", "must be true or false"));
  o.atomic = atomic == "true";
  if (const auto& key = c.req.Header("idempotency-key"); !key.empty()) {
    if (key.size() > 200)
      return Fail(Error::InvalidArgument("Idempotency-Key is too long",
                                         {{"Idempotency-Key", "at most 200 characters"}}));
    o.idem = services::IdempotencyKey{key, "POST " + c.req.path +
                                               "?atomic=" + (o.atomic ? "true" : "false") + " " +
                                               json::serialize(body)};
  }
  return o;
}

void AddProductRoutes(Router& r) {
  r.Add({"GET", "/api/v1/products", true, Perm(Resource::kProducts, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto limit, Limit(c));
           ASSIGN_OR_RETURN(auto o,
                            services::ListProducts(c.env, c.actor, c.req.Query("cursor"), limit,
                                                   c.req.Query("include_inactive") == "true"));
           return Json(200, o);
         }});
  r.Add({"POST", "/api/v1/products", true, Perm(Resource::kProducts, Action::kCreate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::CreateProduct(c.env, c.actor, body));
           return Created(o, "/api/v1/products");
         }});
  r.Add({"GET", "/api/v1/products/{id}", true, Perm(Resource::kProducts, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto o, services::GetProduct(c.env, c.actor, id));
           return Versioned(200, o);
         }});
  r.Add({"PATCH", "/api/v1/products/{id}", true, Perm(Resource::kProducts, Action::kUpdate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           if (c.req.Header("if-match").empty()) {
             RETURN_IF_ERROR(services::GetProduct(c.env, c.actor, id));
             return PreconditionRequired(c);
           }
           ASSIGN_OR_RETURN(auto version, IfMatch(c));
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::PatchProduct(c.env, c.actor, id, body, version));
           return Versioned(200, o);
         }});
  r.Add({"DELETE", "/api/v1/products/{id}", true, Perm(Resource::kProducts, Action::kDelete),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto o, services::DeactivateProduct(c.env, c.actor, id));
           return Versioned(200, o);
         }});
  r.Add({"POST", "/api/v1/products/{id}/configurations", true,
         Perm(Resource::kProducts, Action::kRead), [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::ConfigureProduct(c.env, c.actor, id, body));
           if (!o.at("saved").as_bool()) return Json(200, o);
           return Created(o, "/api/v1/configurations");
         }});
  r.Add({"GET", "/api/v1/configurations/{id}", true, Perm(Resource::kOrders, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto o, services::GetConfiguration(c.env, c.actor, id));
           return Json(200, o);
         }});
  r.Add({"GET", "/api/v1/customers/{id}/configurations", true,
         Perm(Resource::kOrders, Action::kRead), [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto limit, Limit(c));
           ASSIGN_OR_RETURN(auto o, services::ListConfigurations(c.env, c.actor, id,
                                                                 c.req.Query("cursor"), limit));
           return Json(200, o);
         }});
}

void AddOrderRoutes(Router& r) {
  r.Add({"GET", "/api/v1/orders", true, Perm(Resource::kOrders, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           services::OrderListQuery q;
           ASSIGN_OR_RETURN(q.customer_id, CustomerIdFilter(c));
           ASSIGN_OR_RETURN(q.limit, Limit(c));
           q.kind = TextParam(c, "filter[kind]");
           q.status = TextParam(c, "filter[status]");
           q.cursor = c.req.Query("cursor");
           ASSIGN_OR_RETURN(auto o, services::ListOrders(c.env, c.actor, q));
           return Json(200, o);
         }});
  r.Add({"POST", "/api/v1/orders", true, Perm(Resource::kOrders, Action::kCreate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           std::optional<services::IdempotencyKey> idem;
           if (const auto& key = c.req.Header("idempotency-key"); !key.empty()) {
             if (key.size() > 200)
               return Fail(Error::InvalidArgument("Idempotency-Key is too long",
                                                  {{"Idempotency-Key", "at most 200 characters"}}));
             idem = services::IdempotencyKey{key, "POST /api/v1/orders " + json::serialize(body)};
           }
           ASSIGN_OR_RETURN(auto o, services::CreateOrder(c.env, c.actor, body, idem));
           return Created(o, "/api/v1/orders");
         }});
  r.Add({"GET", "/api/v1/orders/{id}", true, Perm(Resource::kOrders, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto o, services::GetOrder(c.env, c.actor, id));
           return Versioned(200, o);
         }});
  r.Add({"POST", "/api/v1/orders/{id}/convert", true, Perm(Resource::kOrders, Action::kUpdate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           json::object body;
           if (!c.req.body.empty()) {
             ASSIGN_OR_RETURN(body, Body(c));
           }
           ASSIGN_OR_RETURN(auto o, services::ConvertQuote(c.env, c.actor, id, body));
           return Versioned(200, o);
         }});
  r.Add({"POST", "/api/v1/orders/{id}/cancel", true, Perm(Resource::kOrders, Action::kUpdate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto o, services::CancelOrder(c.env, c.actor, id));
           return Versioned(200, o);
         }});
  r.Add({"POST", "/api/v1/orders/{id}/deliveries", true, Perm(Resource::kOrders, Action::kUpdate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::RecordDelivery(c.env, c.actor, id, body));
           return Versioned(200, o);
         }});
}

void AddShipmentRoutes(Router& r) {
  r.Add({"GET", "/api/v1/shipments", true, Perm(Resource::kShipments, Action::kRead),
         WithQueryErrors([](RequestContext& c) -> Result<HttpResponse> {
           services::ShipmentListQuery q;
           ASSIGN_OR_RETURN(q.customer_id, CustomerIdFilter(c));
           ASSIGN_OR_RETURN(q.order_id, IdParam(c, "filter[order_id]"));
           ASSIGN_OR_RETURN(q.limit, Limit(c));
           q.carrier = TextParam(c, "filter[carrier]");
           q.cursor = c.req.Query("cursor");
           ASSIGN_OR_RETURN(auto o, services::ListShipments(c.env, c.actor, q));
           return Json(200, o);
         })});
  r.Add({"POST", "/api/v1/shipments", true, Perm(Resource::kShipments, Action::kCreate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::CreateShipment(c.env, c.actor, body));
           return Created(o, "/api/v1/shipments");
         }});
  r.Add({"GET", "/api/v1/shipments/{id}", true, Perm(Resource::kShipments, Action::kRead),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto o, services::GetShipment(c.env, c.actor, id));
           return Json(200, o);
         }});
  r.Add({"POST", "/api/v1/shipments/{id}/events", true, Perm(Resource::kShipments, Action::kUpdate),
         [](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto id, c.Id());
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto o, services::AddShipmentEvent(c.env, c.actor, id, body));
           return Json(o.at("created").as_bool() ? 201 : 200, o);
         }});
}

void AddReportAndBatchRoutes(Router& r) {
  r.Add({"GET", "/api/v1/reports/perfect-order", true, Perm(Resource::kOrders, Action::kRead),
         WithQueryErrors([](RequestContext& c) -> Result<HttpResponse> {
           services::PerfectOrderQuery q;
           ASSIGN_OR_RETURN(q.from, DateParam(c, "from"));
           ASSIGN_OR_RETURN(q.to, DateParam(c, "to"));
           ASSIGN_OR_RETURN(q.customer_id, CustomerIdFilter(c));
           q.group_by = c.req.Query("group_by");
           if (!q.group_by.empty() && q.group_by != "customer" && q.group_by != "segment" &&
               q.group_by != "carrier" && q.group_by != "month")
             return Fail(BadParam("group_by", "must be customer, segment, carrier or month"));
           ASSIGN_OR_RETURN(auto o, services::PerfectOrderReport(c.env, c.actor, q));
           return Json(200, o);
         })});
  r.Add({"GET", "/api/v1/reports/delivery-performance", true,
         Perm(Resource::kShipments, Action::kRead),
         WithQueryErrors([](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto from, DateParam(c, "from"));
           ASSIGN_OR_RETURN(auto to, DateParam(c, "to"));
           std::string group_by = c.req.Query("group_by");
           if (group_by.empty()) group_by = "carrier";
           if (group_by != "carrier" && group_by != "customer")
             return Fail(BadParam("group_by", "must be carrier or customer"));
           ASSIGN_OR_RETURN(auto o,
                            services::DeliveryPerformance(c.env, c.actor, from, to, group_by));
           return Json(200, o);
         })});
  r.Add({"POST", "/api/v1/batch/products", true, Perm(Resource::kProducts, Action::kCreate),
         WithQueryErrors([](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto options, BatchOptionsOf(c, body));
           ASSIGN_OR_RETURN(auto o, services::UpsertProductsBatch(c.env, c.actor, body, options));
           return Json(200, o);
         })});
  r.Add({"POST", "/api/v1/batch/orders", true, Perm(Resource::kOrders, Action::kCreate),
         WithQueryErrors([](RequestContext& c) -> Result<HttpResponse> {
           ASSIGN_OR_RETURN(auto body, Body(c));
           ASSIGN_OR_RETURN(auto options, BatchOptionsOf(c, body));
           ASSIGN_OR_RETURN(auto o, services::UpsertOrdersBatch(c.env, c.actor, body, options));
           return Json(200, o);
         })});
}

}  // namespace

void AddSalesRoutes(Router& r) {
  AddProductRoutes(r);
  AddOrderRoutes(r);
  AddShipmentRoutes(r);
  AddReportAndBatchRoutes(r);
}

}  // namespace chaincrm::api
