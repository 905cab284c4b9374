#include "store/schema/schema_parts.h"

namespace chaincrm::store::schema {

namespace {

// Products and their module library (option groups, options, rules), stored
// configurations, quotes/orders with lines, per-line fulfilment records, shipments and
// their tracking events. Money is minor units in the row's currency; times are Millis.
constexpr std::string_view kCommon = R"sql(
CREATE TABLE products (
  id {{id}},
  sku TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT,
  price BIGINT NOT NULL,
  cost BIGINT NOT NULL DEFAULT 0,
  currency TEXT NOT NULL,
  lead_time_days BIGINT NOT NULL DEFAULT 0,
  external_id TEXT UNIQUE,
  configurable BIGINT NOT NULL DEFAULT 0,
  active BIGINT NOT NULL DEFAULT 1,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE product_option_groups (
  id {{id}},
  product_id BIGINT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'choice',
  required BIGINT NOT NULL DEFAULT 1,
  min_value DOUBLE PRECISION,
  max_value DOUBLE PRECISION,
  UNIQUE (product_id, code)
);

CREATE TABLE product_options (
  id {{id}},
  group_id BIGINT NOT NULL REFERENCES product_option_groups(id) ON DELETE CASCADE,
  product_id BIGINT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  price_delta BIGINT NOT NULL DEFAULT 0,
  cost_delta BIGINT NOT NULL DEFAULT 0,
  lead_time_delta_days BIGINT NOT NULL DEFAULT 0,
  UNIQUE (group_id, code)
);
CREATE INDEX product_options_product ON product_options (product_id);

CREATE TABLE product_rules (
  id {{id}},
  product_id BIGINT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  if_group TEXT NOT NULL,
  if_option TEXT NOT NULL,
  then_group TEXT NOT NULL,
  then_options TEXT NOT NULL,
  UNIQUE (product_id, name)
);

CREATE TABLE configurations (
  id {{id}},
  product_id BIGINT NOT NULL REFERENCES products(id),
  customer_id BIGINT REFERENCES customers(id) ON DELETE CASCADE,
  selections TEXT NOT NULL,
  unit_price BIGINT NOT NULL,
  unit_cost BIGINT NOT NULL,
  currency TEXT NOT NULL,
  lead_time_days BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX configurations_customer ON configurations (customer_id, id);

CREATE TABLE orders (
  id {{id}},
  kind TEXT NOT NULL,
  number TEXT UNIQUE,
  quote_number TEXT UNIQUE,
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  currency TEXT NOT NULL,
  total BIGINT NOT NULL DEFAULT 0,
  ordered_at BIGINT,
  promised_at BIGINT,
  carrier TEXT,
  external_id TEXT UNIQUE,
  notes TEXT,
  created_by TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id, id);
CREATE INDEX orders_ordered ON orders (ordered_at, id);

CREATE TABLE order_lines (
  id {{id}},
  order_id BIGINT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  line_no BIGINT NOT NULL,
  product_id BIGINT NOT NULL REFERENCES products(id),
  configuration_id BIGINT REFERENCES configurations(id),
  sku TEXT NOT NULL,
  description TEXT NOT NULL,
  quantity BIGINT NOT NULL,
  unit_price BIGINT NOT NULL,
  unit_cost BIGINT NOT NULL,
  discount_percent DOUBLE PRECISION NOT NULL DEFAULT 0,
  line_total BIGINT NOT NULL,
  UNIQUE (order_id, line_no)
);
CREATE INDEX order_lines_product ON order_lines (product_id);

CREATE TABLE shipments (
  id {{id}},
  number TEXT UNIQUE,
  order_id BIGINT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  carrier TEXT NOT NULL,
  tracking_number TEXT,
  status TEXT NOT NULL,
  shipped_at BIGINT,
  delivered_at BIGINT,
  last_event_at BIGINT,
  last_place TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX shipments_order ON shipments (order_id);
CREATE INDEX shipments_customer ON shipments (customer_id, id);
CREATE INDEX shipments_tracking ON shipments (tracking_number);

CREATE TABLE shipment_events (
  id {{id}},
  shipment_id BIGINT NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
  event_id TEXT,
  occurred_at BIGINT NOT NULL,
  place TEXT,
  status TEXT NOT NULL,
  source TEXT,
  created_at BIGINT NOT NULL,
  UNIQUE (shipment_id, event_id)
);
CREATE INDEX shipment_events_time ON shipment_events (shipment_id, occurred_at, id);

CREATE TABLE fulfilments (
  id {{id}},
  order_line_id BIGINT NOT NULL REFERENCES order_lines(id) ON DELETE CASCADE,
  order_id BIGINT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  shipment_id BIGINT REFERENCES shipments(id) ON DELETE SET NULL,
  delivery_key TEXT NOT NULL,
  shipped_quantity BIGINT NOT NULL,
  shipped_at BIGINT,
  delivered_quantity BIGINT NOT NULL,
  delivered_at BIGINT NOT NULL,
  damaged BIGINT NOT NULL DEFAULT 0,
  documents_ok BIGINT NOT NULL DEFAULT 1,
  purchase_id BIGINT,
  created_at BIGINT NOT NULL,
  UNIQUE (order_line_id, delivery_key)
);
CREATE INDEX fulfilments_order ON fulfilments (order_id);
CREATE INDEX fulfilments_shipment ON fulfilments (shipment_id);
)sql";

}  // namespace

Migration Orders() {
  return {4, "products, configurations, quotes, orders, shipments, invoices", kCommon, "", ""};
}

}  // namespace chaincrm::store::schema
