#pragma once
// Import jobs for the API (and a record of CLI imports): created with their options,
// filled by uploading the file in ordered chunks, then run in the background by one
// ImportRunner per server; progress and the per-line problems are read back by id.

#include <boost/json.hpp>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "services/actor.h"
#include "services/import_engine.h"

namespace chaincrm::services {

/// Creates a job from {target, mapping, key, delimiter, dry_run, all_or_nothing,
/// on_existing}; status "uploading". InvalidArgument with field errors.
Result<boost::json::object> CreateImportJob(const Env& env, const Actor& actor,
                                            const boost::json::object& body);
/// Records a job the CLI runs in the foreground (status "running"); returns its id.
Result<std::int64_t> RecordImportJob(const Env& env, const Actor& actor, const ImportSpec& spec,
                                     const boost::json::value& mapping);
/// Stores chunk `seq` (0, 1, 2, ...) of the file; chunks are read back in that order. A
/// chunk already stored is accepted again without change (retries). InvalidArgument for
/// an empty chunk or a gap in `seq`; FailedPrecondition once the job was started.
Result<boost::json::object> AppendImportChunk(const Env& env, std::int64_t id, std::int64_t seq,
                                              std::string_view bytes);
/// The problems of a job ordered by line: {data, next_cursor}.
Result<boost::json::object> ListImportProblems(const Env& env, std::int64_t id,
                                               const std::string& cursor, int limit);
/// Reads a job row's options back into a spec.
Result<ImportSpec> SpecOfJob(const store::ImportJob& job);

class ImportRunner {
 public:
  explicit ImportRunner(Env env);
  ~ImportRunner();
  ImportRunner(const ImportRunner&) = delete;
  ImportRunner& operator=(const ImportRunner&) = delete;

  /// Queues an uploaded job; FailedPrecondition unless it is "uploading".
  Result<boost::json::object> Start(const Actor& actor, std::int64_t id);
  /// The job with live counts while it runs on this server.
  Result<boost::json::object> Get(std::int64_t id);

 private:
  void Loop();
  void Execute(const Actor& actor, std::int64_t id);

  Env env_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::pair<Actor, std::int64_t>> queue_;
  std::map<std::int64_t, std::pair<store::ImportCounts, std::int64_t>> live_;  // counts, bytes
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace chaincrm::services
