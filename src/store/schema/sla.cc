#include "store/schema/schema_parts.h"

namespace chaincrm::store::schema {

namespace {

constexpr std::string_view kCommon = R"sql(
)sql";

}  // namespace

Migration Sla() { return {7, "business calendars, SLA policies, case SLA state", kCommon, "", ""}; }

}  // namespace chaincrm::store::schema
