#pragma once
// ERP batch upserts of products and orders keyed by external_id (see batch_upsert.h
// for the atomic / non-atomic contract).

#include <boost/json.hpp>

#include "services/batch_upsert.h"

namespace chaincrm::services {

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
