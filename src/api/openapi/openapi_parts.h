#pragma once
// OpenAPI fragments of the capabilities added after the foundation, one file each.
// Each is a JSON object with any of "tags" (appended), "paths" and "components"
// (merged key by key into the document of openapi_document.cc).

#include <string_view>

namespace chaincrm::api::openapi {

std::string_view Sales();     // products, configurations, quotes, orders, shipments, invoices
std::string_view Pipeline();  // opportunities and tasks
std::string_view Service();   // cases, calls, returns, surveys, service metrics
std::string_view Sla();       // calendars, SLA policies, forecast and staffing
std::string_view Imports();   // mapped imports and exports
std::string_view Privacy();   // consents, data-subject export, erasure, duplicates, merge

}  // namespace chaincrm::api::openapi
