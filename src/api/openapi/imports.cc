#include "api/openapi/openapi_parts.h"

namespace chaincrm::api::openapi {

std::string_view Imports() {
  return R"openapi({
  "paths": {}
})openapi";
}

}  // namespace chaincrm::api::openapi
