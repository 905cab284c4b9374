#include "store/schema/schema_parts.h"

namespace chaincrm::store::schema {

namespace {

// import_jobs: one CSV import (API or CLI) with its options and running counts.
// import_chunks: the uploaded file in order (hex, so any bytes survive both backends).
// import_problems: every rejected or skipped line and file-level warning of a job.
constexpr std::string_view kCommon = R"sql(
CREATE TABLE import_jobs (
  id {{id}},
  target TEXT NOT NULL,
  status TEXT NOT NULL,
  key_spec TEXT NOT NULL,
  mapping TEXT NOT NULL,
  delimiter TEXT NOT NULL DEFAULT ',',
  dry_run BIGINT NOT NULL DEFAULT 0,
  all_or_nothing BIGINT NOT NULL DEFAULT 0,
  update_existing BIGINT NOT NULL DEFAULT 1,
  bytes_total BIGINT NOT NULL DEFAULT 0,
  bytes_read BIGINT NOT NULL DEFAULT 0,
  lines_read BIGINT NOT NULL DEFAULT 0,
  created_count BIGINT NOT NULL DEFAULT 0,
  updated_count BIGINT NOT NULL DEFAULT 0,
  skipped_count BIGINT NOT NULL DEFAULT 0,
  rejected_count BIGINT NOT NULL DEFAULT 0,
  committed BIGINT NOT NULL DEFAULT 0,
  unknown_columns TEXT NOT NULL DEFAULT '[]',
  error TEXT,
  created_by BIGINT NOT NULL DEFAULT 0,
  actor TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  started_at BIGINT,
  finished_at BIGINT
);
CREATE INDEX import_jobs_created ON import_jobs (created_at, id);

CREATE TABLE import_chunks (
  job_id BIGINT NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
  seq BIGINT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (job_id, seq)
);

CREATE TABLE import_problems (
  id {{id}},
  job_id BIGINT NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
  line BIGINT NOT NULL,
  outcome TEXT NOT NULL,
  field TEXT,
  message TEXT NOT NULL
);
CREATE INDEX import_problems_job ON import_problems (job_id, id);
)sql";

}  // namespace

Migration Imports() { return {8, "import jobs and line reports", kCommon, "", ""}; }

}  // namespace chaincrm::store::schema
