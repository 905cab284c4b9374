#include "services/import_engine.h"

#include <boost/json.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "services/csv_reader.h"

namespace chaincrm::services {

namespace json = boost::json;

namespace {

class FileSource final : public ImportSource {
 public:
  explicit FileSource(std::string path) : path_(std::move(path)) {}
  Result<std::istream*> Open() override {
    in_ = std::make_unique<std::ifstream>(path_, std::ios::binary);
    if (!*in_) return Fail(Error::NotFound("cannot open '" + path_ + "'"));
    in_->seekg(0, std::ios::end);
    size_ = static_cast<std::int64_t>(in_->tellg());
    in_->seekg(0);
    return in_.get();
  }
  std::int64_t size() const override { return size_; }

 private:
  std::string path_;
  std::unique_ptr<std::ifstream> in_;
  std::int64_t size_ = 0;
};

// A streambuf over the uploaded chunks: holds one chunk at a time.
class ChunkBuf final : public std::streambuf {
 public:
  ChunkBuf(const Env& env, std::int64_t job_id) : env_(env), job_id_(job_id) {}
  const std::string& error() const { return error_; }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    std::optional<std::string> chunk;
    auto s = env_.db.Read([&](store::Tx& tx) -> Status {
      ASSIGN_OR_RETURN(chunk, store::LoadImportChunk(tx, job_id_, seq_));
      return Ok();
    });
    if (!s) {
      error_ = s.error().message();
      return traits_type::eof();
    }
    if (!chunk || chunk->empty()) return traits_type::eof();
    ++seq_;
    data_ = std::move(*chunk);
    setg(data_.data(), data_.data(), data_.data() + data_.size());
    return traits_type::to_int_type(*gptr());
  }

 private:
  const Env& env_;
  std::int64_t job_id_, seq_ = 0;
  std::string data_, error_;
};

class ChunkSource final : public ImportSource {
 public:
  ChunkSource(const Env& env, std::int64_t job_id) : env_(env), job_id_(job_id) {}
  Result<std::istream*> Open() override {
    RETURN_IF_ERROR(env_.db.Read([&](store::Tx& tx) -> Status {
      ASSIGN_OR_RETURN(auto job, store::LoadImportJob(tx, job_id_));
      size_ = job.bytes_total;
      return Ok();
    }));
    buf_ = std::make_unique<ChunkBuf>(env_, job_id_);
    in_ = std::make_unique<std::istream>(buf_.get());
    return in_.get();
  }
  std::int64_t size() const override { return size_; }

 private:
  const Env& env_;
  std::int64_t job_id_, size_ = 0;
  std::unique_ptr<ChunkBuf> buf_;
  std::unique_ptr<std::istream> in_;
};

// Problems beyond the first kKeptProblems go to a temporary file until they are stored,
// so that a file with a million bad lines does not hold a million messages in memory.
class ProblemLog {
 public:
  ProblemLog() : spill_(std::tmpfile()) {}
  ~ProblemLog() {
    if (spill_) std::fclose(spill_);
  }
  ProblemLog(const ProblemLog&) = delete;
  ProblemLog& operator=(const ProblemLog&) = delete;

  void Add(store::ImportProblem p, ImportResult& r) {
    ++r.problem_count;
    if (spill_) {
      const std::string line =
          json::serialize(json::array{p.line, p.outcome, p.field, p.message}) + "\n";
      std::fwrite(line.data(), 1, line.size(), spill_);
    }
    if (r.problems.size() < ImportResult::kKeptProblems) r.problems.push_back(std::move(p));
  }
  /// Forgets what was added since the last Store (a transaction that is re-run).
  void Rewind(ImportResult& r, std::int64_t count_before, std::size_t kept_before) {
    r.problem_count = count_before;
    r.problems.resize(kept_before);
    if (spill_) std::fseek(spill_, stored_offset_, SEEK_SET);
  }
  /// Writes what was added since the last Store to import_problems, 1000 per transaction.
  Status Store(const Env& env, std::int64_t job_id) {
    if (!spill_) return Ok();
    const long end = std::ftell(spill_);
    std::fseek(spill_, stored_offset_, SEEK_SET);
    std::vector<store::ImportProblem> batch;
    char* buf = nullptr;
    std::size_t cap = 0;
    auto flush = [&]() -> Status {
      if (batch.empty()) return Ok();
      RETURN_IF_ERROR(env.db.Write(
          [&](store::Tx& tx) { return store::InsertImportProblems(tx, job_id, batch); }));
      batch.clear();
      return Ok();
    };
    Status s = Ok();
    while (s && std::ftell(spill_) < end) {
      const auto n = getline(&buf, &cap, spill_);
      if (n <= 0) break;
      boost::system::error_code ec;
      auto v = json::parse(std::string_view(buf, static_cast<std::size_t>(n)), ec);
      if (ec || !v.is_array()) continue;
      const auto& a = v.as_array();
      batch.push_back({a[0].as_int64(), std::string(a[1].as_string()),
                       std::string(a[2].as_string()), std::string(a[3].as_string())});
      if (batch.size() >= 1000) s = flush();
    }
    std::free(buf);
    if (s) s = flush();
    stored_offset_ = end;
    std::fseek(spill_, end, SEEK_SET);
    return s;
  }

 private:
  std::FILE* spill_;
  long stored_offset_ = 0;
};

std::string Join(const std::vector<FieldError>& errs) {
  std::string out;
  for (const auto& e : errs) out += (out.empty() ? "" : "; ") + e.field + ": " + e.message;
  return out;
}

bool RejectsLine(const Error& e) {
  return e.code() == Code::kInvalidArgument || e.code() == Code::kAlreadyExists ||
         e.code() == Code::kPermissionDenied || e.code() == Code::kNotFound;
}

// A record of the file: its line and its cells.
using Record = std::pair<std::int64_t, std::vector<std::string>>;

// One run of the loop over records; shared by batch and single-transaction modes.
class Importer {
 public:
  Importer(const Env& env, const Actor& actor, std::int64_t job_id, const ImportSpec& spec,
           ImportTarget& target, ProblemLog& log)
      : env_(env), actor_(actor), job_id_(job_id), spec_(spec), target_(target), log_(log) {}

  Status Header(CsvReader& reader, ImportResult& r) {
    std::vector<std::string> header;
    if (!reader.Next(header)) {
      return Fail(Error::InvalidArgument(reader.error().empty()
                                             ? "the file is empty: a header line is required"
                                             : reader.error()));
    }
    bound_ = BindHeader(spec_.mapping, header);
    std::vector<FieldError> missing;
    for (const auto& c : bound_.missing_columns)
      missing.push_back({"columns." + c, "is not a column of the file's header"});
    if (!missing.empty())
      return Fail(Error::InvalidArgument("the mapping names columns the file lacks", missing));
    r.unknown_columns = bound_.unknown_columns;
    for (const auto& c : bound_.unknown_columns)
      log_.Add({reader.line(), "warning", c, "unknown column '" + c + "' is ignored"}, r);
    return Ok();
  }

  /// How Batch handles a batch the database refuses (a constraint the target's checks
  /// did not foresee): roll back to a savepoint and apply every row alone (kSavepoint, for
  /// a transaction over the whole file), or fail so that the caller rolls the
  /// transaction back and calls again with kAlone (kFast: no savepoint to pay for).
  enum class Mode { kSavepoint, kFast, kAlone };

  /// Whether the last kFast Batch failed because the database refused its batch.
  bool refused() const { return refused_; }

  /// Maps and applies `records` (line, cells): the target's batch path first, then the
  /// rows it left, each inside its own savepoint. Line-level problems are logged.
  Status Batch(store::Tx& tx, const std::vector<Record>& records, ImportResult& r, Mode mode) {
    refused_ = false;
    std::vector<BatchRow> rows;
    std::vector<std::optional<Error>> map_errors(records.size());
    std::vector<std::size_t> row_of(records.size(), 0);
    rows.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
      ++r.counts.lines;
      auto mapped = MapRecord(spec_.mapping, bound_, records[i].second);
      if (!mapped) {
        map_errors[i] = mapped.error();
        continue;
      }
      row_of[i] = rows.size();
      rows.push_back({records[i].first, std::move(*mapped)});
    }
    std::vector<BatchOutcome> outcomes(rows.size());
    if (!rows.empty() && mode != Mode::kAlone) {
      if (mode == Mode::kSavepoint) RETURN_IF_ERROR(tx.Exec("SAVEPOINT import_batch"));
      auto ctx = Context(tx, 0);
      auto applied = target_.ApplyBatch(ctx, rows);
      if (!applied) {
        if (!RejectsLine(applied.error())) return Fail(applied.error());
        refused_ = mode == Mode::kFast;
        if (refused_) return Fail(applied.error());
        RETURN_IF_ERROR(tx.Exec("ROLLBACK TO SAVEPOINT import_batch"));
      } else {
        outcomes = std::move(*applied);
      }
      if (mode == Mode::kSavepoint) RETURN_IF_ERROR(tx.Exec("RELEASE SAVEPOINT import_batch"));
    }
    std::vector<std::size_t> alone;
    for (std::size_t i = 0; i < records.size(); ++i) {
      if (map_errors[i]) {
        RETURN_IF_ERROR(Reject(records[i].first, *map_errors[i], r));
      } else if (auto& outcome = outcomes[row_of[i]]; outcome) {
        RETURN_IF_ERROR(Tally(records[i].first, std::move(*outcome), r));
      } else {
        alone.push_back(row_of[i]);
      }
    }
    for (const std::size_t i : alone) RETURN_IF_ERROR(Alone(tx, rows[i], r));
    return Ok();
  }

 private:
  TargetContext Context(store::Tx& tx, std::int64_t line) const {
    return {tx,
            env_,
            actor_,
            spec_.key,
            spec_.update_existing,
            "import-job-" + std::to_string(job_id_),
            line};
  }

  // Applies one row inside a savepoint, so that a rejected line is rolled back alone.
  Status Alone(store::Tx& tx, const BatchRow& row, ImportResult& r) {
    RETURN_IF_ERROR(tx.Exec("SAVEPOINT import_row"));
    auto ctx = Context(tx, row.line);
    auto applied = target_.Apply(ctx, row.row);
    if (!applied) {
      if (!RejectsLine(applied.error())) return Fail(applied.error());
      RETURN_IF_ERROR(tx.Exec("ROLLBACK TO SAVEPOINT import_row"));
    }
    RETURN_IF_ERROR(tx.Exec("RELEASE SAVEPOINT import_row"));
    return Tally(row.line, std::move(applied), r);
  }

  Status Tally(std::int64_t line, Result<RowResult> applied, ImportResult& r) {
    if (!applied) {
      if (!RejectsLine(applied.error())) return Fail(applied.error());
      return Reject(line, applied.error(), r);
    }
    switch (applied->outcome) {
      case ImportOutcome::kCreated:
        ++r.counts.created;
        break;
      case ImportOutcome::kUpdated:
        ++r.counts.updated;
        break;
      case ImportOutcome::kSkipped:
        ++r.counts.skipped;
        log_.Add({line, "skipped", spec_.key.Field(), applied->note}, r);
        break;
    }
    return Ok();
  }

  Status Reject(std::int64_t line, const Error& e, ImportResult& r) {
    ++r.counts.rejected;
    if (e.fields().empty()) {
      log_.Add({line, "rejected", "", e.message()}, r);
    } else {
      log_.Add({line, "rejected", e.fields().front().field, Join(e.fields())}, r);
    }
    return Ok();
  }

  const Env& env_;
  const Actor& actor_;
  std::int64_t job_id_;
  const ImportSpec& spec_;
  ImportTarget& target_;
  ProblemLog& log_;
  BoundMapping bound_;
  bool refused_ = false;
};

std::string UnknownJson(const ImportResult& r) {
  json::array a;
  for (const auto& c : r.unknown_columns) a.emplace_back(c);
  return json::serialize(a);
}

}  // namespace

std::unique_ptr<ImportSource> FileImportSource(std::string path) {
  return std::make_unique<FileSource>(std::move(path));
}

std::unique_ptr<ImportSource> ChunkImportSource(const Env& env, std::int64_t job_id) {
  return std::make_unique<ChunkSource>(env, job_id);
}

Result<ImportResult> RunImport(const Env& env, const Actor& actor, std::int64_t job_id,
                               const ImportSpec& spec, ImportSource& source,
                               const ImportProgress& progress) {
  ASSIGN_OR_RETURN(auto target, MakeImportTarget(spec.target));
  if (auto errs = target->CheckFields(spec.mapping, spec.key); !errs.empty())
    return Fail(Error::InvalidArgument("the mapping does not fit " + spec.target, std::move(errs)));
  ImportResult r;
  ProblemLog log;
  Importer importer(env, actor, job_id, spec, *target, log);
  const int batch = std::max(1, spec.batch_size);
  auto report = [&](std::int64_t bytes) -> Status {
    if (progress) progress(r.counts, bytes, source.size());
    return Ok();
  };

  if (spec.dry_run || spec.all_or_nothing) {
    // One transaction over the whole file, so that later lines see earlier ones (a
    // duplicate is an update in the dry run too); rolled back unless it may commit.
    bool keep = false, rolled_back = false;
    auto s = env.db.Write([&](store::Tx& tx) -> Status {
      r = ImportResult{};
      log.Rewind(r, 0, 0);
      rolled_back = false;
      ASSIGN_OR_RETURN(std::istream * in, source.Open());
      CsvReader reader(*in, spec.delimiter);
      RETURN_IF_ERROR(target->Begin(tx));
      RETURN_IF_ERROR(importer.Header(reader, r));
      std::vector<Record> records;
      std::vector<std::string> rec;
      for (bool more = true; more;) {
        records.clear();
        while (static_cast<int>(records.size()) < batch && (more = reader.Next(rec)))
          records.emplace_back(reader.line(), rec);
        RETURN_IF_ERROR(importer.Batch(tx, records, r, Importer::Mode::kSavepoint));
        RETURN_IF_ERROR(report(reader.bytes()));
      }
      if (!reader.error().empty()) return Fail(Error::InvalidArgument(reader.error()));
      RETURN_IF_ERROR(report(reader.bytes()));
      keep = !spec.dry_run && r.counts.rejected == 0;
      rolled_back = !keep;
      if (rolled_back) return Fail(Error::FailedPrecondition("import rolled back on purpose"));
      return Ok();
    });
    if (!s && !rolled_back) return Fail(s.error());
    r.committed = keep;
  } else {
    ASSIGN_OR_RETURN(std::istream * in, source.Open());
    CsvReader reader(*in, spec.delimiter);
    RETURN_IF_ERROR(importer.Header(reader, r));
    RETURN_IF_ERROR(log.Store(env, job_id));
    std::vector<Record> records;
    bool more = true;
    while (more) {
      records.clear();
      std::vector<std::string> rec;
      while (static_cast<int>(records.size()) < batch && (more = reader.Next(rec)))
        records.emplace_back(reader.line(), rec);
      if (!reader.error().empty()) {
        log.Add(
            {reader.line(), "rejected", "", reader.error() + "; the rest of the file is not read"},
            r);
        ++r.counts.rejected;
      }
      if (records.empty()) break;
      const ImportResult before = r;
      auto write = [&](Importer::Mode mode) {
        return env.db.Write([&](store::Tx& tx) -> Status {
          // A retried transaction starts the batch again from the same counts.
          log.Rewind(r, before.problem_count, before.problems.size());
          r.counts = before.counts;
          RETURN_IF_ERROR(target->Begin(tx));
          RETURN_IF_ERROR(importer.Batch(tx, records, r, mode));
          return store::SaveImportProgress(tx, job_id, r.counts, reader.bytes(), UnknownJson(r));
        });
      };
      Status written = write(Importer::Mode::kFast);
      if (!written && importer.refused()) written = write(Importer::Mode::kAlone);
      RETURN_IF_ERROR(written);
      RETURN_IF_ERROR(log.Store(env, job_id));
      RETURN_IF_ERROR(report(reader.bytes()));
    }
    r.committed = true;
  }
  RETURN_IF_ERROR(log.Store(env, job_id));
  RETURN_IF_ERROR(env.db.Write([&](store::Tx& tx) {
    return store::SaveImportProgress(tx, job_id, r.counts, source.size(), UnknownJson(r));
  }));
  return r;
}

}  // namespace chaincrm::services
