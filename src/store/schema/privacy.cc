#include "store/schema/schema_parts.h"

namespace chaincrm::store::schema {

namespace {

// Consents keep their whole history (one row per grant or withdrawal); the current state
// of a (contact, channel, purpose) is its newest row. Duplicate pairs are the stored
// result of the last scan; dismissals survive rescans. A merge keeps what its undo needs;
// an erasure keeps who, when and why, never the erased values.
constexpr std::string_view kCommon = R"sql(
CREATE TABLE consents (
  id {{id}},
  customer_id BIGINT NOT NULL REFERENCES customers(id),
  contact_id BIGINT REFERENCES contacts(id) ON DELETE SET NULL,
  channel TEXT NOT NULL,
  purpose TEXT NOT NULL,
  status TEXT NOT NULL,
  source TEXT,
  occurred_at BIGINT NOT NULL,
  recorded_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX consents_customer ON consents (customer_id, id);

CREATE TABLE duplicate_pairs (
  id {{id}},
  customer_a BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  customer_b BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  score DOUBLE PRECISION NOT NULL,
  reasons TEXT NOT NULL,
  scanned_at BIGINT NOT NULL,
  UNIQUE (customer_a, customer_b)
);
CREATE INDEX duplicate_pairs_score ON duplicate_pairs (score, id);
CREATE INDEX duplicate_pairs_b ON duplicate_pairs (customer_b);

CREATE TABLE duplicate_dismissals (
  customer_a BIGINT NOT NULL,
  customer_b BIGINT NOT NULL,
  dismissed_by TEXT NOT NULL,
  dismissed_at BIGINT NOT NULL,
  PRIMARY KEY (customer_a, customer_b)
);

CREATE TABLE merges (
  id {{id}},
  survivor_id BIGINT NOT NULL REFERENCES customers(id),
  merged_ids TEXT NOT NULL,
  undo_data TEXT,
  actor TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  undone_at BIGINT,
  undone_by TEXT
);
CREATE INDEX merges_survivor ON merges (survivor_id, id);

CREATE TABLE merged_customers (
  customer_id BIGINT NOT NULL PRIMARY KEY REFERENCES customers(id),
  merge_id BIGINT NOT NULL REFERENCES merges(id),
  survivor_id BIGINT NOT NULL REFERENCES customers(id)
);

CREATE TABLE erasures (
  id {{id}},
  customer_id BIGINT NOT NULL REFERENCES customers(id),
  reason TEXT NOT NULL,
  actor TEXT NOT NULL,
  erased_at BIGINT NOT NULL
);
CREATE INDEX erasures_customer ON erasures (customer_id);
)sql";

}  // namespace

Migration Privacy() { return {9, "consents, duplicate pairs, merges, erasures", kCommon, "", ""}; }

}  // namespace chaincrm::store::schema
