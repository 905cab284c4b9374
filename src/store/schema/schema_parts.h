#pragma once
// Migrations of the capabilities added after the foundation, one file each (orders.cc,
// pipeline.cc, ...). migrations.cc lists them in version order.

#include "store/migrations.h"

namespace chaincrm::store::schema {

Migration Orders();    // v4: products, configurations, quotes, orders, shipments, invoices
Migration Pipeline();  // v5: opportunities, stage history, tasks
Migration Service();   // v6: cases, notes, calls, returns, surveys
Migration Sla();       // v7: business calendars, SLA policies, per-case SLA state
Migration Imports();   // v8: import jobs and their line reports
Migration Privacy();   // v9: consents, merges, erasures
Migration Scores();    // v10: customer_scores without the run_id index (table swap)

}  // namespace chaincrm::store::schema
