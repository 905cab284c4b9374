#include "store/schema/schema_parts.h"

namespace chaincrm::store::schema {

namespace {

constexpr std::string_view kCommon = R"sql(
)sql";

}  // namespace

Migration Imports() { return {8, "import jobs and line reports", kCommon, "", ""}; }

}  // namespace chaincrm::store::schema
