#pragma once
// Each handler file registers its routes; app.cc calls them all.

#include "api/router.h"
#include "services/analysis_service.h"

namespace chaincrm::api {

void AddCustomerRoutes(Router& r);
void AddActivityRoutes(Router& r);
void AddAccountRoutes(Router& r);  // sessions, me, users, tokens, custom fields
void AddOpsRoutes(Router& r, Metrics& metrics);
/// Value analysis runs and summary; runs execute on `runner`.
void AddAnalysisRoutes(
    Router& r, services::AnalysisRunner& runner);  // healthz, metrics, openapi, lookup, audit

}  // namespace chaincrm::api
