#include "store/schema/schema_parts.h"

namespace chaincrm::store::schema {

namespace {

// The value run replaces customer_scores as a whole (store/table_swap.h), so nothing asks
// for the rows of one run any more: the run_id index only cost its build at every run.
// No query reads the p_alive, abc_class or value_class indexes either: the customer list
// filters and sorts on scores through a correlated subquery by customer_id (the primary key;
// services/customer_query.cc), the other reports join by customer_id, and only the value
// summary's top 20 by CLV uses customer_scores_clv. At 1M customers building those three
// cost about 2.5 s CPU of every run (docs/PERFORMANCE.md).
// SQLite index names of a swapped table alternate between two sets: drop both names.
constexpr std::string_view kCommon = R"sql(
DROP INDEX IF EXISTS customer_scores_run;
DROP INDEX IF EXISTS customer_scores_run__alt;
DROP INDEX IF EXISTS customer_scores_p_alive;
DROP INDEX IF EXISTS customer_scores_p_alive__alt;
DROP INDEX IF EXISTS customer_scores_abc;
DROP INDEX IF EXISTS customer_scores_abc__alt;
DROP INDEX IF EXISTS customer_scores_value_class;
DROP INDEX IF EXISTS customer_scores_value_class__alt;
)sql";

}  // namespace

Migration Scores() {
  return {10, "customer scores replaced by a table swap: only the clv index is kept", kCommon, "",
          ""};
}

}  // namespace chaincrm::store::schema
