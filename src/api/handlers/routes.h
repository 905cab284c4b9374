#pragma once
// Each handler file registers its routes; app.cc calls them all.

#include "api/router.h"
#include "services/analysis_service.h"
#include "services/import_jobs.h"
#include "services/sla_scheduler.h"

namespace chaincrm::api {

void AddCustomerRoutes(Router& r);
void AddActivityRoutes(Router& r);
void AddAccountRoutes(Router& r);                // sessions, me, users, tokens, custom fields
void AddOpsRoutes(Router& r, Metrics& metrics);  // healthz, metrics, openapi, lookup, audit
/// Value analysis runs and summary; runs execute on `runner`.
void AddAnalysisRoutes(Router& r, services::AnalysisRunner& runner);
void AddSalesRoutes(Router& r);        // products, configurations, quotes, orders, shipments,
                                       // ERP batches
void AddPipelineRoutes(Router& r);     // opportunities and tasks
void AddReceivablesRoutes(Router& r);  // invoices, payments, credit notes, ageing, credit
void AddServiceRoutes(Router& r);      // cases, calls, returns, surveys, service metrics
/// Calendars, SLA policies, the SLA sweep (on `scheduler`), forecast and staffing.
void AddSlaRoutes(Router& r, services::SlaScheduler& scheduler);
void AddImportRoutes(Router& r, services::ImportRunner& runner);  // imports, streamed exports
void AddPrivacyRoutes(Router& r);  // consents, data-subject export, erasure, duplicates, merge

}  // namespace chaincrm::api
