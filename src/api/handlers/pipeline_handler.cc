#include "api/handlers/handler_util.h"
#include "api/handlers/routes.h"

namespace chaincrm::api {

void AddPipelineRoutes(Router& /*r*/) {}

}  // namespace chaincrm::api
