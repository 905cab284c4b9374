#include "store/migrations.h"

#include "core/time.h"
#include "store/schema/schema_parts.h"

namespace chaincrm::store {

namespace {

constexpr std::string_view kV1Common = R"sql(
CREATE TABLE customers (
  id {{id}},
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  name_folded TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active',
  roles TEXT NOT NULL DEFAULT '',
  parent_id BIGINT REFERENCES customers(id),
  owner_id BIGINT,
  sector TEXT,
  employees BIGINT,
  annual_revenue BIGINT,
  revenue_currency TEXT,
  tax_id TEXT,
  tax_id_norm TEXT,
  birth_date TEXT,
  gender TEXT,
  income_band TEXT,
  measurements TEXT,
  country TEXT,
  city TEXT,
  notes TEXT,
  first_purchase_at BIGINT,
  last_purchase_at BIGINT,
  purchase_count BIGINT NOT NULL DEFAULT 0,
  purchase_days BIGINT NOT NULL DEFAULT 0,
  revenue_total BIGINT NOT NULL DEFAULT 0,
  cost_total BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT
);
CREATE INDEX customers_name ON customers (name_folded, id);
CREATE INDEX customers_created ON customers (created_at, id);
CREATE INDEX customers_updated ON customers (updated_at, id);
CREATE INDEX customers_revenue ON customers (revenue_total, id);
CREATE INDEX customers_owner ON customers (owner_id);
CREATE INDEX customers_parent ON customers (parent_id);
CREATE INDEX customers_tax ON customers (tax_id_norm);

CREATE TABLE customer_emails (
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  address TEXT NOT NULL,
  address_norm TEXT NOT NULL,
  label TEXT,
  is_primary BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (customer_id, position)
);
CREATE INDEX customer_emails_norm ON customer_emails (address_norm);

CREATE TABLE customer_phones (
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  number TEXT NOT NULL,
  normalized TEXT NOT NULL,
  reversed TEXT NOT NULL,
  label TEXT,
  PRIMARY KEY (customer_id, position)
);
CREATE INDEX customer_phones_norm ON customer_phones (normalized);
CREATE INDEX customer_phones_rev ON customer_phones (reversed);

CREATE TABLE customer_addresses (
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  label TEXT,
  line1 TEXT,
  line2 TEXT,
  city TEXT,
  region TEXT,
  postal_code TEXT,
  country TEXT,
  PRIMARY KEY (customer_id, position)
);

CREATE TABLE customer_external_ids (
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  system TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (system, value)
);
CREATE INDEX customer_external_ids_customer ON customer_external_ids (customer_id);

CREATE TABLE customer_serials (
  serial TEXT NOT NULL PRIMARY KEY,
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  product TEXT
);
CREATE INDEX customer_serials_customer ON customer_serials (customer_id);

CREATE TABLE customer_tags (
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (customer_id, tag)
);
CREATE INDEX customer_tags_tag ON customer_tags (tag, customer_id);

CREATE TABLE custom_fields (
  id {{id}},
  entity TEXT NOT NULL,
  field_key TEXT NOT NULL,
  label TEXT NOT NULL,
  type TEXT NOT NULL,
  required BIGINT NOT NULL DEFAULT 0,
  allowed_values TEXT,
  created_at BIGINT NOT NULL,
  UNIQUE (entity, field_key)
);

CREATE TABLE customer_custom_values (
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  field_id BIGINT NOT NULL REFERENCES custom_fields(id) ON DELETE CASCADE,
  value_text TEXT,
  value_num DOUBLE PRECISION,
  PRIMARY KEY (customer_id, field_id)
);
CREATE INDEX customer_custom_values_text ON customer_custom_values (field_id, value_text);
CREATE INDEX customer_custom_values_num ON customer_custom_values (field_id, value_num);

CREATE TABLE contacts (
  id {{id}},
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  title TEXT,
  email TEXT,
  email_norm TEXT,
  phone TEXT,
  phone_norm TEXT,
  phone_reversed TEXT,
  is_primary BIGINT NOT NULL DEFAULT 0,
  notes TEXT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT
);
CREATE INDEX contacts_customer ON contacts (customer_id, id);
CREATE INDEX contacts_email ON contacts (email_norm);
CREATE INDEX contacts_phone ON contacts (phone_norm);
CREATE INDEX contacts_phone_rev ON contacts (phone_reversed);

CREATE TABLE interactions (
  id {{id}},
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  contact_id BIGINT REFERENCES contacts(id) ON DELETE SET NULL,
  type TEXT NOT NULL,
  direction TEXT NOT NULL,
  channel TEXT NOT NULL,
  occurred_at BIGINT NOT NULL,
  subject TEXT,
  body TEXT,
  links TEXT,
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX interactions_customer ON interactions (customer_id, occurred_at, id);

CREATE TABLE purchases (
  id {{id}},
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  occurred_at BIGINT NOT NULL,
  sku TEXT,
  product TEXT,
  quantity DOUBLE PRECISION NOT NULL,
  revenue BIGINT NOT NULL,
  cost BIGINT NOT NULL,
  currency TEXT NOT NULL,
  order_ref TEXT,
  source_key TEXT UNIQUE,
  created_at BIGINT NOT NULL
);
CREATE INDEX purchases_customer ON purchases (customer_id, occurred_at, id);
CREATE INDEX purchases_time ON purchases (occurred_at, id);

CREATE TABLE change_log (
  seq {{id}},
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  customer_id BIGINT,
  op TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  request_id TEXT
);
CREATE INDEX change_log_customer ON change_log (customer_id, seq);
CREATE INDEX change_log_entity ON change_log (entity, entity_id, seq);

CREATE TABLE users (
  id {{id}},
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  customer_id BIGINT REFERENCES customers(id),
  password_hash TEXT NOT NULL,
  active BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL
);

CREATE TABLE auth_tokens (
  id {{id}},
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  name TEXT,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT
);

CREATE TABLE login_attempts (
  email TEXT NOT NULL PRIMARY KEY,
  failures BIGINT NOT NULL,
  window_start BIGINT NOT NULL,
  locked_until BIGINT NOT NULL
);

CREATE TABLE idempotency_keys (
  user_id BIGINT NOT NULL,
  idem_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status BIGINT NOT NULL,
  location TEXT,
  etag TEXT,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, idem_key)
);

CREATE TABLE settings (
  name TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
);
)sql";

// Trigram full-text index over folded names: any 3-character run matches, so Chinese
// names are found by any part; shorter patterns fall back to a scan of name_folded.
constexpr std::string_view kV1Sqlite = R"sql(
CREATE VIRTUAL TABLE customer_name_fts USING fts5(name_folded, content='customers',
  content_rowid='id', tokenize='trigram');
CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
  INSERT INTO customer_name_fts(rowid, name_folded) VALUES (new.id, new.name_folded);
END;
CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
  INSERT INTO customer_name_fts(customer_name_fts, rowid, name_folded)
    VALUES ('delete', old.id, old.name_folded);
END;
CREATE TRIGGER customers_fts_update AFTER UPDATE OF name_folded ON customers BEGIN
  INSERT INTO customer_name_fts(customer_name_fts, rowid, name_folded)
    VALUES ('delete', old.id, old.name_folded);
  INSERT INTO customer_name_fts(rowid, name_folded) VALUES (new.id, new.name_folded);
END;
)sql";

constexpr std::string_view kV1Postgres = R"sql(
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX customers_name_trgm ON customers USING gin (name_folded gin_trgm_ops);
)sql";

// Value analysis: one row per run (parameters, inputs, results as JSON text) and the
// latest scores per customer (replaced by each successful run).
constexpr std::string_view kV2Common = R"sql(
CREATE TABLE analysis_runs (
  id {{id}},
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  parameters TEXT NOT NULL,
  inputs TEXT,
  result TEXT,
  progress DOUBLE PRECISION NOT NULL DEFAULT 0,
  error TEXT,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  started_at BIGINT,
  finished_at BIGINT
);
CREATE INDEX analysis_runs_kind ON analysis_runs (kind, status, id);

CREATE TABLE customer_scores (
  customer_id BIGINT NOT NULL PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
  run_id BIGINT NOT NULL,
  computed_at BIGINT NOT NULL,
  recency_days BIGINT,
  frequency BIGINT NOT NULL DEFAULT 0,
  monetary DOUBLE PRECISION,
  rfm_r BIGINT,
  rfm_f BIGINT,
  rfm_m BIGINT,
  rfm_cell TEXT,
  abc_class TEXT,
  abc_rank BIGINT,
  profit DOUBLE PRECISION,
  clv_discounted DOUBLE PRECISION,
  clv_historical DOUBLE PRECISION,
  clv_future DOUBLE PRECISION,
  clv_potential DOUBLE PRECISION,
  p_alive DOUBLE PRECISION,
  expected_purchases_90d DOUBLE PRECISION,
  expected_spend DOUBLE PRECISION,
  clv DOUBLE PRECISION,
  value_class TEXT,
  account_size TEXT
);
CREATE INDEX customer_scores_clv ON customer_scores (clv, customer_id);
CREATE INDEX customer_scores_abc ON customer_scores (abc_class, customer_id);
CREATE INDEX customer_scores_p_alive ON customer_scores (p_alive, customer_id);
CREATE INDEX customer_scores_value_class ON customer_scores (value_class, customer_id);
CREATE INDEX customer_scores_run ON customer_scores (run_id);
)sql";

// Lookup asks for an external id by value alone (an ERP number typed by an agent): the
// (system, value) key cannot answer that without a scan (docs/PERFORMANCE.md).
constexpr std::string_view kV3Common = R"sql(
CREATE INDEX customer_external_ids_value ON customer_external_ids (value);
)sql";

constexpr std::string_view kSchemaTable = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version BIGINT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
);
)sql";

}  // namespace

const std::vector<Migration>& AllMigrations() {
  static const std::vector<Migration> kAll = {
      {1, "customer database, ledger, change log, users", kV1Common, kV1Sqlite, kV1Postgres},
      {2, "analysis runs and customer scores", kV2Common, "", ""},
      {3, "index external ids by value for lookup", kV3Common, "", ""},
      schema::Orders(),
      schema::Pipeline(),
      schema::Service(),
      schema::Sla(),
      schema::Imports(),
      schema::Privacy(),
      schema::Scores(),
  };
  return kAll;
}

Result<int> SchemaVersion(Database& db) {
  int version = 0;
  RETURN_IF_ERROR(db.Write([&](Tx& tx) -> Status {
    RETURN_IF_ERROR(db.dialect().ExecScript(tx, kSchemaTable));
    ASSIGN_OR_RETURN(Rows rows,
                     tx.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    version = static_cast<int>(rows.front().Int(0));
    return Ok();
  }));
  return version;
}

Result<int> Migrate(Database& db, const std::function<void(const Migration&)>& progress) {
  ASSIGN_OR_RETURN(const int current, SchemaVersion(db));
  int applied = 0;
  for (const Migration& m : AllMigrations()) {
    if (m.version <= current) continue;
    if (progress) progress(m);
    RETURN_IF_ERROR(db.Write([&](Tx& tx) -> Status {
      // Another server may have migrated meanwhile: re-check inside the transaction.
      ASSIGN_OR_RETURN(Rows rows,
                       tx.Query("SELECT COUNT(*) FROM schema_migrations WHERE version = ?",
                                {static_cast<std::int64_t>(m.version)}));
      if (rows.front().Int(0) > 0) return Ok();
      // A blank script is a no-op in every dialect's ExecScript.
      RETURN_IF_ERROR(db.dialect().ExecScript(tx, m.common));
      const std::string_view specific = db.backend() == Backend::kSqlite ? m.sqlite : m.postgres;
      RETURN_IF_ERROR(db.dialect().ExecScript(tx, specific));
      RETURN_IF_ERROR(
          tx.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                  {static_cast<std::int64_t>(m.version), std::string(m.name),
                   SystemClock::Instance().Now()}));
      return Ok();
    }));
    ++applied;
  }
  return applied;
}

}  // namespace chaincrm::store
