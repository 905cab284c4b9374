#pragma once
// ERP batch upserts of products and orders keyed by external_id (see batch_upsert.h
// for the atomic / non-atomic contract).

#include <boost/json.hpp>

#include "services/batch_upsert.h"
#include "services/order_service.h"

namespace chaincrm::services {

struct ProductUpsert {
  std::int64_t id = 0;
  bool created = false, changed = true;
};
/// One product document inside `tx`: merged into product `existing` when given (its
/// option groups and rules replaced when the item has them), else created; logged.
/// With skip_unchanged, a merge that changes nothing writes nothing (changed false).
/// The ERP batch and the CSV import target "products" both write through it.
Result<ProductUpsert> UpsertProductItem(store::Tx& tx, const Env& env, const Actor& actor,
                                        const boost::json::object& item,
                                        std::optional<std::int64_t> existing, bool skip_unchanged);
/// One validated order input with an external_id inside `tx`: the order with that
/// external id gets its header (and, while nothing is delivered, its lines) replaced,
/// else it is created; logged. The ERP batch and the CSV import target "orders" use it.
Result<BatchItemOutcome> UpsertOrderItem(store::Tx& tx, const Env& env, const Actor& actor,
                                         const OrderInput& in);

/// Items are product documents with "external_id"; an existing product is merged with
/// the item (its option groups and rules replaced when given).
Result<boost::json::object> UpsertProductsBatch(const Env& env, const Actor& actor,
                                                const boost::json::object& body,
                                                const BatchOptions& options);
/// Items are order documents with "external_id" and customer_id or customer_external_id;
/// lines name products by product_external_id, sku or product_id. An existing order gets
/// its header replaced, and its lines too while nothing has been delivered.
Result<boost::json::object> UpsertOrdersBatch(const Env& env, const Actor& actor,
                                              const boost::json::object& body,
                                              const BatchOptions& options);

}  // namespace chaincrm::services
