#include "store/schema/schema_parts.h"

namespace chaincrm::store::schema {

namespace {

constexpr std::string_view kCommon = R"sql(
)sql";

}  // namespace

Migration Pipeline() { return {5, "opportunities, stage history, tasks", kCommon, "", ""}; }

}  // namespace chaincrm::store::schema
