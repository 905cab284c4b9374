#pragma once
// Generic ERP batch upsert: {"items": [...]} where each item carries an "external_id",
// with per-item results and an optional Idempotency-Key.
//
// Non-atomic (default): each item runs in its own transaction; a bad item is reported in
// its result and the others are written. Atomic: all items run in one transaction; the
// first bad item fails the call (its field errors are prefixed "items[i].") and nothing
// is written.

#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "services/actor.h"
#include "services/customer_service.h"

namespace chaincrm::services {

struct BatchItemOutcome {
  std::int64_t id = 0;
  bool created = false;
};

/// Upserts one item inside `tx` (validation errors as InvalidArgument with fields named
/// relative to the item); the item's change-log row is the function's job.
using BatchItemFn =
    std::function<Result<BatchItemOutcome>(store::Tx& tx, const boost::json::object& item)>;

struct BatchOptions {
  bool atomic = false;
  std::optional<IdempotencyKey> idem;
  std::size_t max_items = 500;
};

/// Runs `fn` over body["items"]. Returns {"atomic", "items", "written", "failed",
/// "results": [{"index", "external_id", "status": created|updated|error, "id"?,
/// "error"?: {"message", "errors": [{"field", "message"}]}}]}. InvalidArgument when the
/// body is not {"items": [...]} (1..max_items objects with an external_id) or, when
/// atomic, when an item fails.
Result<boost::json::object> RunBatchUpsert(const Env& env, const Actor& actor,
                                           const boost::json::object& body,
                                           const BatchOptions& options, const BatchItemFn& fn);

}  // namespace chaincrm::services
