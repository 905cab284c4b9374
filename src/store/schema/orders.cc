#include "store/schema/schema_parts.h"

namespace chaincrm::store::schema {

namespace {

constexpr std::string_view kCommon = R"sql(
)sql";

}  // namespace

Migration Orders() {
  return {4, "products, configurations, quotes, orders, shipments, invoices", kCommon, "", ""};
}

}  // namespace chaincrm::store::schema
