#pragma once
// Each handler file registers its routes; app.cc calls them all.

#include "api/router.h"
#include "services/analysis_service.h"
#include "services/import_jobs.h"

namespace chaincrm::api {

void AddCustomerRoutes(Router& r);
void AddActivityRoutes(Router& r);
void AddAccountRoutes(Router& r);                // sessions, me, users, tokens, custom fields
void AddOpsRoutes(Router& r, Metrics& metrics);  // healthz, metrics, openapi, lookup, audit
/// Value analysis runs and summary; runs execute on `runner`.
void AddAnalysisRoutes(Router& r, services::AnalysisRunner& runner);
void AddSalesRoutes(Router& r);     // products, configurations, quotes, orders, shipments,
                                    // invoices, receivables, ERP batches
void AddPipelineRoutes(Router& r);  // opportunities and tasks
void AddServiceRoutes(Router& r);   // cases, calls, returns, surveys, service metrics
void AddSlaRoutes(Router& r);       // calendars, SLA policies, forecast and staffing
void AddImportRoutes(Router& r, services::ImportRunner& runner);  // imports, streamed exports
void AddPrivacyRoutes(Router& r);  // consents, data-subject export, erasure, duplicates, merge

}  // namespace chaincrm::api
