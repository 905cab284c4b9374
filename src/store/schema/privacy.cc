#include "store/schema/schema_parts.h"

namespace chaincrm::store::schema {

namespace {

constexpr std::string_view kCommon = R"sql(
)sql";

}  // namespace

Migration Privacy() { return {9, "consents, merges, erasures", kCommon, "", ""}; }

}  // namespace chaincrm::store::schema
