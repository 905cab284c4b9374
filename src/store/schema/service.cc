#include "store/schema/schema_parts.h"

namespace chaincrm::store::schema {

namespace {

constexpr std::string_view kCommon = R"sql(
)sql";

}  // namespace

Migration Service() { return {6, "cases, notes, calls, returns, surveys", kCommon, "", ""}; }

}  // namespace chaincrm::store::schema
