#pragma once
// Import jobs, their uploaded chunks and their line problems (schema/imports.cc). All
// functions run inside a caller's transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "store/database.h"

namespace chaincrm::store {

struct ImportCounts {
  std::int64_t lines = 0, created = 0, updated = 0, skipped = 0, rejected = 0;
};

struct ImportJob {
  std::int64_t id = 0;
  std::string target, status = "uploading", key_spec, mapping, delimiter = ",";
  bool dry_run = false, all_or_nothing = false, update_existing = true, committed = false;
  std::int64_t bytes_total = 0, bytes_read = 0;
  ImportCounts counts;
  std::string unknown_columns = "[]";  // JSON array
  std::optional<std::string> error;
  std::int64_t created_by = 0;
  std::string actor;
  Millis created_at = 0;
  std::optional<Millis> started_at, finished_at;
};

/// One line the import did not write as asked (rejected, skipped) or a file warning.
struct ImportProblem {
  std::int64_t line = 0;
  std::string outcome;  // rejected | skipped | warning
  std::string field;
  std::string message;
};

Result<std::int64_t> InsertImportJob(Tx& tx, const ImportJob& job);
/// NotFound("import job N") when absent.
Result<ImportJob> LoadImportJob(Tx& tx, std::int64_t id);
Status SaveImportProgress(Tx& tx, std::int64_t id, const ImportCounts& c, std::int64_t bytes_read,
                          const std::string& unknown_columns);
/// Sets status (and started_at when "running", finished_at/error/committed when done).
Status SetImportStatus(Tx& tx, std::int64_t id, const std::string& status, Millis now,
                       const std::optional<std::string>& error = std::nullopt,
                       bool committed = false);
/// Marks queued/running jobs failed (the server stopped); returns how many.
Result<std::int64_t> FailUnfinishedImports(Tx& tx, const std::string& why, Millis now);

/// Appends chunk `seq` (0-based, in order) and adds its size to bytes_total.
Status AppendImportChunk(Tx& tx, std::int64_t job_id, std::int64_t seq, std::string_view bytes);
/// The number of chunks uploaded so far.
Result<std::int64_t> CountImportChunks(Tx& tx, std::int64_t job_id);
/// Chunk `seq`'s bytes, or nullopt past the last one.
Result<std::optional<std::string>> LoadImportChunk(Tx& tx, std::int64_t job_id, std::int64_t seq);
/// Chunks are dropped once the job has run.
Status DeleteImportChunks(Tx& tx, std::int64_t job_id);

Status InsertImportProblems(Tx& tx, std::int64_t job_id, const std::vector<ImportProblem>& p);
/// Problems ordered by id after `after_id`, at most `limit` + 1 (for a next cursor);
/// each as (id, problem).
Result<std::vector<std::pair<std::int64_t, ImportProblem>>> ListImportProblems(
    Tx& tx, std::int64_t job_id, std::int64_t after_id, int limit);

}  // namespace chaincrm::store
