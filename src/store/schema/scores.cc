#include "store/schema/schema_parts.h"

namespace chaincrm::store::schema {

namespace {

// The value run replaces customer_scores as a whole (store/table_swap.h), so nothing asks
// for the rows of one run any more: the run_id index only cost its build at every run.
// SQLite index names of a swapped table alternate between two sets: drop both names.
constexpr std::string_view kCommon = R"sql(
DROP INDEX IF EXISTS customer_scores_run;
DROP INDEX IF EXISTS customer_scores_run__alt;
)sql";

}  // namespace

Migration Scores() {
  return {10, "customer scores replaced by a table swap: no run_id index", kCommon, "", ""};
}

}  // namespace chaincrm::store::schema
