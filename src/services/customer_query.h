#pragma once
// Customer list queries: q, typed filters on built-in and custom fields, multi-field
// sort and an opaque keyset cursor, compiled to one SQL statement for either backend.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/custom_field.h"
#include "store/database.h"

namespace chaincrm::services {

struct FilterTerm {
  std::string field;  // "name", "custom.loyalty_tier", ...
  std::string op;     // eq neq in gt gte lt lte contains starts-with is-null
  std::string value;
};

struct ListQuery {
  std::string q;
  std::vector<FilterTerm> filters;
  std::string sort;  // "-revenue_total,name"
  int limit = 50;
  std::string cursor;
  bool total = false;
  std::optional<std::int64_t> only_customer_id;  // portal scope
};

/// A compiled query: SQL selecting ids in order (with the sort keys for the cursor), and
/// the count SQL. InvalidArgument naming the field or operator that is wrong.
struct CompiledQuery {
  std::string select_sql;
  store::Params select_params;
  std::string count_sql;
  store::Params count_params;
  std::size_t sort_keys = 0;  // columns after id in each selected row
  std::vector<bool> key_is_text;
};

Result<CompiledQuery> CompileCustomerQuery(const ListQuery& q,
                                           const std::vector<domain::CustomFieldDef>& defs,
                                           const store::Dialect& dialect);

/// The cursor for the row after which the next page starts: encodes its sort keys and id.
std::string EncodeCursor(const store::Row& last_row, const CompiledQuery& cq);

/// Field names accepted by filter[] and sort (without custom fields).
std::vector<std::string> CustomerFieldNames();

}  // namespace chaincrm::services
