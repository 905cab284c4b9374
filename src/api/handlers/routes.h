#pragma once
// Each handler file registers its routes; app.cc calls them all.

#include "api/router.h"

namespace chaincrm::api {

void AddCustomerRoutes(Router& r);
void AddActivityRoutes(Router& r);
void AddAccountRoutes(Router& r);                // sessions, me, users, tokens, custom fields
void AddOpsRoutes(Router& r, Metrics& metrics);  // healthz, metrics, openapi, lookup, audit

}  // namespace chaincrm::api
