#pragma once
// THE list of tables whose rows belong to a customer (table + customer column). Merge,
// undo, the data-subject export and erasure all walk it, so a table added later by
// another capability (cases, orders, invoices, ...) is one line in customer_links.cc.

#include <string_view>
#include <vector>

namespace chaincrm::store {

enum class LinkKind {
  /// Rows with an `id` key that move to the survivor on a merge (ids kept for undo).
  kMove,
  /// Child rows of the customer record itself (emails, phones, ...): merged as part of
  /// the customer (domain::Customer lists, union without repeats), not row by row.
  kRecord,
  /// Derived rows dropped for the merged customers (recomputed by the next run).
  kDrop,
  /// Rows that stay where they are on a merge (history, evidence), but are exported.
  kKeep,
};

struct CustomerLink {
  std::string_view table;
  std::string_view column;  // the column holding the customer id
  LinkKind kind;
  std::string_view columns;   // comma-separated columns exported (data-subject export)
  std::string_view order_by;  // stable export order
};

/// Every link, in a fixed order.
const std::vector<CustomerLink>& CustomerLinks();

}  // namespace chaincrm::store
