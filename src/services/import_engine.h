#pragma once
// The CSV import engine: reads a file incrementally (csv_reader.h), maps each record
// (import_mapping.h) and hands the mapped rows to a target (import_target.h) a batch at a
// time: the target's batch path writes most rows with a few multi-row statements, and
// the rows it leaves are applied one by one, each inside a savepoint so that a rejected
// line is rolled back alone. Normal runs commit every `batch_size` lines; a batch the
// database refuses (a constraint no check foresaw) is rolled back and redone line by
// line. A dry run or an all-or-nothing run uses one transaction that is rolled back (dry
// run, or any line rejected). Memory stays bounded: one batch, counts, the first
// problems, and a spill file for the rest, which ends up in import_problems.

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "services/actor.h"
#include "services/import_mapping.h"
#include "services/import_target.h"
#include "store/import_repository.h"

namespace chaincrm::services {

struct ImportSpec {
  std::string target = "customers";
  ImportMapping mapping;
  ImportKey key;
  char delimiter = ',';
  bool dry_run = false;
  bool all_or_nothing = false;
  bool update_existing = true;
  int batch_size = 20000;
};

/// The bytes to import, readable again from the start (a retried transaction re-reads).
class ImportSource {
 public:
  virtual ~ImportSource() = default;
  /// A stream positioned at the first byte; valid until the next Open.
  virtual Result<std::istream*> Open() = 0;
  /// Total bytes when known (progress), else 0.
  virtual std::int64_t size() const = 0;
};
/// A file on disk; NotFound when it cannot be opened.
std::unique_ptr<ImportSource> FileImportSource(std::string path);
/// The chunks uploaded to import job `job_id`, read one at a time.
std::unique_ptr<ImportSource> ChunkImportSource(const Env& env, std::int64_t job_id);

struct ImportResult {
  store::ImportCounts counts;
  std::vector<std::string> unknown_columns;
  std::vector<store::ImportProblem> problems;  // the first kKeptProblems
  std::int64_t problem_count = 0;
  bool committed = false;  // false for a dry run or an all-or-nothing run with rejections
  static constexpr std::size_t kKeptProblems = 1000;
};

/// Called after each batch with the counts so far and the bytes read.
using ImportProgress =
    std::function<void(const store::ImportCounts&, std::int64_t bytes_read, std::int64_t total)>;

/// Runs the import for job `job_id` (its problems and progress are stored under it).
/// InvalidArgument (with field errors) for a bad mapping, key, header or malformed file
/// structure; line-level problems are counted and reported, not returned.
Result<ImportResult> RunImport(const Env& env, const Actor& actor, std::int64_t job_id,
                               const ImportSpec& spec, ImportSource& source,
                               const ImportProgress& progress = nullptr);

}  // namespace chaincrm::services
