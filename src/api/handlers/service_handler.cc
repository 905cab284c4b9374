#include "api/handlers/handler_util.h"
#include "api/handlers/routes.h"

namespace chaincrm::api {

void AddServiceRoutes(Router& /*r*/) {}

}  // namespace chaincrm::api
