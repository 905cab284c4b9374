#include "services/import_jobs.h"

#include "core/log.h"
#include "services/json_util.h"

namespace chaincrm::services {

namespace json = boost::json;

namespace {

json::object JobJson(const store::ImportJob& j, const store::ImportCounts& c, std::int64_t bytes) {
  boost::system::error_code ec;
  json::value unknown = json::parse(j.unknown_columns, ec);
  if (ec) unknown = json::array();
  json::value mapping = json::parse(j.mapping, ec);
  if (ec) mapping = nullptr;
  return {{"id", j.id},
          {"target", j.target},
          {"status", j.status},
          {"key", j.key_spec},
          {"mapping", mapping},
          {"delimiter", j.delimiter},
          {"dry_run", j.dry_run},
          {"all_or_nothing", j.all_or_nothing},
          {"on_existing", j.update_existing ? "update" : "skip"},
          {"committed", j.committed},
          {"bytes_total", j.bytes_total},
          {"bytes_read", bytes},
          {"lines_read", c.lines},
          {"created", c.created},
          {"updated", c.updated},
          {"skipped", c.skipped},
          {"rejected", c.rejected},
          {"unknown_columns", unknown},
          {"error", j.error ? json::value(*j.error) : json::value(nullptr)},
          {"actor", j.actor},
          {"created_at", FormatTime(j.created_at)},
          {"started_at", j.started_at ? json::value(FormatTime(*j.started_at)) : nullptr},
          {"finished_at", j.finished_at ? json::value(FormatTime(*j.finished_at)) : nullptr}};
}

Result<json::object> LoadJson(const Env& env, std::int64_t id) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto job, store::LoadImportJob(tx, id));
    out = JobJson(job, job.counts, job.bytes_read);
    return Ok();
  }));
  return out;
}

}  // namespace

Result<ImportSpec> SpecOfJob(const store::ImportJob& job) {
  ImportSpec spec;
  spec.target = job.target;
  boost::system::error_code ec;
  auto mapping = json::parse(job.mapping, ec);
  if (ec) return Fail(Error::Internal("stored import mapping is unreadable"));
  ASSIGN_OR_RETURN(spec.mapping, ParseImportMapping(mapping));
  ASSIGN_OR_RETURN(spec.key, ParseImportKey(job.key_spec));
  spec.delimiter = job.delimiter.empty() ? ',' : job.delimiter[0];
  spec.dry_run = job.dry_run;
  spec.all_or_nothing = job.all_or_nothing;
  spec.update_existing = job.update_existing;
  // The server runs the job beside the API: smaller transactions than the CLI's, so that an
  // API write waits for the import's write lock well under a second.
  spec.batch_size = 5000;
  return spec;
}

Result<json::object> CreateImportJob(const Env& env, const Actor& actor, const json::object& body) {
  std::vector<FieldError> errs;
  for (const auto& [k, _] : body) {
    static constexpr const char* kKnown[] = {"target",  "mapping",        "key",        "delimiter",
                                             "dry_run", "all_or_nothing", "on_existing"};
    if (std::none_of(std::begin(kKnown), std::end(kKnown), [&](const char* n) { return k == n; }))
      errs.push_back({std::string(k), "unknown field"});
  }
  store::ImportJob job;
  auto str = [&](const char* key, std::string fallback) -> std::string {
    const auto* v = body.if_contains(key);
    if (!v) return fallback;
    if (!v->is_string()) {
      errs.push_back({key, "must be a string"});
      return fallback;
    }
    return std::string(v->as_string());
  };
  auto flag = [&](const char* key) {
    const auto* v = body.if_contains(key);
    if (v && !v->is_bool()) errs.push_back({key, "must be a boolean"});
    return v && v->is_bool() && v->as_bool();
  };
  job.target = str("target", "");
  job.key_spec = str("key", "email");
  job.delimiter = str("delimiter", ",");
  const std::string on_existing = str("on_existing", "update");
  job.dry_run = flag("dry_run");
  job.all_or_nothing = flag("all_or_nothing");
  job.update_existing = on_existing == "update";
  if (on_existing != "update" && on_existing != "skip")
    errs.push_back({"on_existing", "must be update or skip"});
  if (job.delimiter != "," && job.delimiter != ";" && job.delimiter != "\t" && job.delimiter != "|")
    errs.push_back({"delimiter", "must be one of , ; | or a tab"});
  const json::value* mapping = body.if_contains("mapping");
  ImportSpec spec;
  if (!mapping) {
    errs.push_back({"mapping", "is required"});
  } else if (auto m = ParseImportMapping(*mapping); !m) {
    for (auto f : m.error().fields()) errs.push_back({"mapping." + f.field, f.message});
    if (m.error().fields().empty()) errs.push_back({"mapping", m.error().message()});
  } else {
    spec.mapping = *m;
  }
  auto key = ParseImportKey(job.key_spec);
  if (!key) errs.push_back(key.error().fields().front());
  auto target = MakeImportTarget(job.target);
  if (!target) {
    errs.push_back(target.error().fields().front());
  } else if (errs.empty()) {
    for (auto f : (*target)->CheckFields(spec.mapping, *key))
      errs.push_back({f.field == "key" ? "key" : "mapping." + f.field, f.message});
  }
  RETURN_IF_ERROR(ErrorsToStatus(std::move(errs)));
  job.mapping = json::serialize(*mapping);
  job.status = "uploading";
  job.created_by = actor.user_id;
  job.actor = actor.Label();
  job.created_at = env.clock.Now();
  std::int64_t id = 0;
  RETURN_IF_ERROR(env.db.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(id, store::InsertImportJob(tx, job));
    return Ok();
  }));
  return LoadJson(env, id);
}

Result<std::int64_t> RecordImportJob(const Env& env, const Actor& actor, const ImportSpec& spec,
                                     const json::value& mapping) {
  store::ImportJob job;
  job.target = spec.target;
  job.key_spec = spec.key.Label();
  job.mapping = json::serialize(mapping);
  job.delimiter = std::string(1, spec.delimiter);
  job.dry_run = spec.dry_run;
  job.all_or_nothing = spec.all_or_nothing;
  job.update_existing = spec.update_existing;
  job.status = "running";
  job.created_by = actor.user_id;
  job.actor = actor.Label();
  job.created_at = env.clock.Now();
  std::int64_t id = 0;
  RETURN_IF_ERROR(env.db.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(id, store::InsertImportJob(tx, job));
    return store::SetImportStatus(tx, id, "running", job.created_at);
  }));
  return id;
}

Result<json::object> AppendImportChunk(const Env& env, std::int64_t id, std::int64_t seq,
                                       std::string_view bytes) {
  if (bytes.empty()) {
    return Fail(Error::InvalidArgument("empty chunk", {{"data", "a chunk must not be empty"}}));
  }
  RETURN_IF_ERROR(env.db.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto job, store::LoadImportJob(tx, id));
    ASSIGN_OR_RETURN(auto next, store::CountImportChunks(tx, id));
    if (seq < next) return Ok();  // a retried upload of a chunk already stored
    if (job.status != "uploading") {
      return Fail(Error::FailedPrecondition("import job " + std::to_string(id) + " is " +
                                            job.status + ": data can no longer be added"));
    }
    if (seq > next) {
      return Fail(Error::InvalidArgument("chunk out of order",
                                         {{"seq", "expected chunk " + std::to_string(next)}}));
    }
    return store::AppendImportChunk(tx, id, seq, bytes);
  }));
  return LoadJson(env, id);
}

Result<json::object> ListImportProblems(const Env& env, std::int64_t id, const std::string& cursor,
                                        int limit) {
  std::int64_t after = 0;
  if (!cursor.empty()) {
    try {
      std::size_t used = 0;
      after = std::stoll(cursor, &used);
      if (used != cursor.size() || after < 0) throw std::invalid_argument(cursor);
    } catch (...) {
      return Fail(
          Error::InvalidArgument("bad cursor", {{"cursor", "is not a cursor of this list"}}));
    }
  }
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](store::Tx& tx) -> Status {
    RETURN_IF_ERROR(store::LoadImportJob(tx, id));
    ASSIGN_OR_RETURN(auto rows, store::ListImportProblems(tx, id, after, limit));
    const bool more = rows.size() > static_cast<std::size_t>(limit);
    if (more) rows.pop_back();
    json::array data;
    for (const auto& [pid, p] : rows) {
      data.push_back(
          json::object{{"line", p.line},
                       {"outcome", p.outcome},
                       {"field", p.field.empty() ? json::value(nullptr) : json::value(p.field)},
                       {"message", p.message}});
    }
    out["data"] = std::move(data);
    out["next_cursor"] =
        more ? json::value(std::to_string(rows.back().first)) : json::value(nullptr);
    return Ok();
  }));
  return out;
}

ImportRunner::ImportRunner(Env env) : env_(env) {
  auto failed = env_.db.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto n,
                     store::FailUnfinishedImports(
                         tx, "the server stopped before the import finished; start a new one",
                         env_.clock.Now()));
    if (n > 0) log::Warn("event=imports_interrupted count=" + std::to_string(n));
    return Ok();
  });
  if (!failed) log::Warn("event=imports_cleanup_failed error=" + failed.error().message());
  thread_ = std::thread([this] { Loop(); });
}

ImportRunner::~ImportRunner() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

Result<json::object> ImportRunner::Start(const Actor& actor, std::int64_t id) {
  RETURN_IF_ERROR(env_.db.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto job, store::LoadImportJob(tx, id));
    if (job.status != "uploading") {
      return Fail(Error::FailedPrecondition("import job " + std::to_string(id) + " is already " +
                                            job.status));
    }
    return store::SetImportStatus(tx, id, "queued", env_.clock.Now());
  }));
  {
    std::lock_guard lock(mu_);
    queue_.emplace_back(actor, id);
    live_[id] = {};
  }
  cv_.notify_one();
  return Get(id);
}

Result<json::object> ImportRunner::Get(std::int64_t id) {
  ASSIGN_OR_RETURN(auto out, LoadJson(env_, id));
  std::lock_guard lock(mu_);
  if (auto it = live_.find(id); it != live_.end() && out["status"] == "running") {
    const auto& [c, bytes] = it->second;
    out["lines_read"] = c.lines;
    out["created"] = c.created;
    out["updated"] = c.updated;
    out["skipped"] = c.skipped;
    out["rejected"] = c.rejected;
    out["bytes_read"] = bytes;
  }
  return out;
}

void ImportRunner::Loop() {
  for (;;) {
    std::pair<Actor, std::int64_t> job;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      job = queue_.front();
      queue_.pop_front();
    }
    try {
      Execute(job.first, job.second);
    } catch (const std::exception& e) {
      log::Error("event=import_crashed job_id=" + std::to_string(job.second) + " error=\"" +
                 e.what() + "\"");
      (void)env_.db.Write([&](store::Tx& tx) {
        return store::SetImportStatus(tx, job.second, "failed", env_.clock.Now(),
                                      "internal error while importing");
      });
    }
    std::lock_guard lock(mu_);
    live_.erase(job.second);
  }
}

void ImportRunner::Execute(const Actor& actor, std::int64_t id) {
  Result<ImportSpec> spec = Fail(Error::Internal("not loaded"));
  auto loaded = env_.db.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto job, store::LoadImportJob(tx, id));
    spec = SpecOfJob(job);
    return store::SetImportStatus(tx, id, "running", env_.clock.Now());
  });
  Result<ImportResult> result = Fail(!loaded ? loaded.error()
                                     : !spec ? spec.error()
                                             : Error::Internal("the import did not run"));
  if (loaded && spec) {
    auto source = ChunkImportSource(env_, id);
    result = RunImport(env_, actor, id, *spec, *source,
                       [&](const store::ImportCounts& c, std::int64_t bytes, std::int64_t) {
                         std::lock_guard lock(mu_);
                         live_[id] = {c, bytes};
                       });
  }
  auto s = env_.db.Write([&](store::Tx& tx) -> Status {
    if (result) {
      RETURN_IF_ERROR(store::DeleteImportChunks(tx, id));
      return store::SetImportStatus(tx, id, "succeeded", env_.clock.Now(), std::nullopt,
                                    result->committed);
    }
    std::string why = result.error().message();
    for (const auto& f : result.error().fields()) why += "; " + f.field + ": " + f.message;
    return store::SetImportStatus(tx, id, "failed", env_.clock.Now(), why);
  });
  if (!s) log::Error("event=import_finish_failed job_id=" + std::to_string(id));
  log::Info("event=import_finished job_id=" + std::to_string(id) +
            " ok=" + (result ? "true" : "false"));
}

}  // namespace chaincrm::services
