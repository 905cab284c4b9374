#include "store/schema/schema_parts.h"

namespace chaincrm::store::schema {

namespace {

// Pipeline (opportunities, their stage history, tasks) and receivables (invoices, lines,
// payments, credit notes, credit limits). Money is minor units with a currency; times are
// Millis. invoices.order_id references the orders of migration 4.
constexpr std::string_view kCommon = R"sql(
CREATE TABLE opportunities (
  id {{id}},
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  amount_minor BIGINT NOT NULL,
  currency TEXT NOT NULL,
  owner_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
  expected_close BIGINT NOT NULL,
  stage TEXT NOT NULL,
  stage_since BIGINT NOT NULL,
  lost_reason TEXT,
  closed_at BIGINT,
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX opportunities_stage ON opportunities (stage, id);
CREATE INDEX opportunities_customer ON opportunities (customer_id, id);
CREATE INDEX opportunities_owner ON opportunities (owner_id, id);

CREATE TABLE opportunity_stage_history (
  id {{id}},
  opportunity_id BIGINT NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
  stage TEXT NOT NULL,
  entered_at BIGINT NOT NULL,
  left_at BIGINT,
  actor TEXT NOT NULL
);
CREATE INDEX opportunity_stage_history_opp ON opportunity_stage_history (opportunity_id, id);

CREATE TABLE tasks (
  id {{id}},
  title TEXT NOT NULL,
  notes TEXT,
  due_at BIGINT NOT NULL,
  assignee_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
  status TEXT NOT NULL,
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  opportunity_id BIGINT REFERENCES opportunities(id) ON DELETE CASCADE,
  done_at BIGINT,
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX tasks_assignee ON tasks (assignee_id, status, due_at, id);
CREATE INDEX tasks_customer ON tasks (customer_id, id);

CREATE TABLE invoices (
  id {{id}},
  number TEXT UNIQUE,
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  order_id BIGINT REFERENCES orders(id) ON DELETE SET NULL,
  external_id TEXT UNIQUE,
  currency TEXT NOT NULL,
  total_minor BIGINT NOT NULL,
  paid_minor BIGINT NOT NULL DEFAULT 0,
  credited_minor BIGINT NOT NULL DEFAULT 0,
  issued_at BIGINT NOT NULL,
  due_at BIGINT NOT NULL,
  status TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX invoices_customer ON invoices (customer_id, id);
CREATE INDEX invoices_due ON invoices (status, due_at, id);

CREATE TABLE invoice_lines (
  invoice_id BIGINT NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  description TEXT NOT NULL,
  quantity BIGINT NOT NULL,
  unit_price_minor BIGINT NOT NULL,
  amount_minor BIGINT NOT NULL,
  PRIMARY KEY (invoice_id, position)
);

CREATE TABLE payments (
  id {{id}},
  invoice_id BIGINT NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
  amount_minor BIGINT NOT NULL,
  paid_at BIGINT NOT NULL,
  method TEXT,
  reference TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX payments_invoice ON payments (invoice_id, id);

CREATE TABLE credit_notes (
  id {{id}},
  invoice_id BIGINT NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
  amount_minor BIGINT NOT NULL,
  reason TEXT NOT NULL,
  issued_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX credit_notes_invoice ON credit_notes (invoice_id, id);

CREATE TABLE customer_credit (
  customer_id BIGINT NOT NULL PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
  credit_limit_minor BIGINT NOT NULL,
  currency TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
)sql";

}  // namespace

Migration Pipeline() {
  return {5, "opportunities, stage history, tasks, invoices, payments, credit", kCommon, "", ""};
}

}  // namespace chaincrm::store::schema
