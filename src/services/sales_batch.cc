#include "services/sales_batch.h"

#include "services/customer_json.h"
#include "services/json_util.h"
#include "services/order_service.h"
#include "services/product_service.h"
#include "services/sales_common.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::Resource;
using store::Tx;

Result<ProductUpsert> UpsertProductItem(Tx& tx, const Env& env, const Actor& actor,
                                        const json::object& item,
                                        std::optional<std::int64_t> existing, bool skip_unchanged) {
  Product p;
  std::string before;
  if (existing) {
    ASSIGN_OR_RETURN(p, LoadProduct(tx, *existing));
    json::object merged = ProductToJson(p);
    before = json::serialize(merged);
    MergePatch(merged, item);
    for (const char* k : {"id", "version", "created_at", "updated_at", "configurable"})
      merged.erase(k);
    RETURN_IF_ERROR(ErrorsToStatus(ProductFromJson(merged, p)));
    if (skip_unchanged && json::serialize(ProductToJson(p)) == before)
      return ProductUpsert{p.id, false, false};
  } else {
    RETURN_IF_ERROR(ErrorsToStatus(ProductFromJson(item, p)));
    p.created_at = env.clock.Now();
  }
  p.updated_at = env.clock.Now();
  RETURN_IF_ERROR(SaveProduct(tx, p));
  RETURN_IF_ERROR(LogSalesChange(tx, env, actor, "product", p.id, std::nullopt,
                                 existing ? "update" : "create", before, ProductToJson(p)));
  return ProductUpsert{p.id, !existing, true};
}

Result<BatchItemOutcome> UpsertOrderItem(Tx& tx, const Env& env, const Actor& actor,
                                         const OrderInput& in) {
  ASSIGN_OR_RETURN(auto rows,
                   tx.Query("SELECT id FROM orders WHERE external_id = ?", {*in.external_id}));
  std::int64_t id = 0;
  std::string before;
  if (!rows.empty()) {
    id = rows.front().Int(0);
    ASSIGN_OR_RETURN(auto b, LoadOrderJson(tx, id));
    before = json::serialize(b);
    RETURN_IF_ERROR(UpdateOrderFromInput(tx, env, id, in));
  } else {
    ASSIGN_OR_RETURN(id, InsertOrder(tx, env, actor, in));
  }
  ASSIGN_OR_RETURN(auto after, LoadOrderJson(tx, id));
  const std::int64_t customer_id = after.at("customer_id").as_int64();
  RETURN_IF_ERROR(CheckCustomerAccess(tx, actor, Resource::kOrders, Action::kCreate, customer_id));
  RETURN_IF_ERROR(LogSalesChange(tx, env, actor, "order", id, customer_id,
                                 rows.empty() ? "create" : "update", before, after));
  return BatchItemOutcome{id, rows.empty()};
}

Result<json::object> UpsertProductsBatch(const Env& env, const Actor& actor,
                                         const json::object& body, const BatchOptions& options) {
  if (domain::Allowed(actor.role, Resource::kProducts, Action::kCreate) == domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not change products"));
  return RunBatchUpsert(
      env, actor, body, options, [&](Tx& tx, const json::object& item) -> Result<BatchItemOutcome> {
        const std::string ext(item.at("external_id").as_string());
        ASSIGN_OR_RETURN(auto existing, ProductIdByExternalId(tx, ext));
        ASSIGN_OR_RETURN(auto done, UpsertProductItem(tx, env, actor, item, existing, false));
        return BatchItemOutcome{done.id, done.created};
      });
}

Result<json::object> UpsertOrdersBatch(const Env& env, const Actor& actor, const json::object& body,
                                       const BatchOptions& options) {
  if (domain::Allowed(actor.role, Resource::kOrders, Action::kCreate) == domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not create orders"));
  return RunBatchUpsert(env, actor, body, options,
                        [&](Tx& tx, const json::object& item) -> Result<BatchItemOutcome> {
                          OrderInput in;
                          RETURN_IF_ERROR(ErrorsToStatus(OrderInputFromJson(item, in)));
                          return UpsertOrderItem(tx, env, actor, in);
                        });
}

}  // namespace chaincrm::services
