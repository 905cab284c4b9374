#include "store/import_repository.h"

namespace chaincrm::store {

namespace {

constexpr const char* kColumns =
    "id, target, status, key_spec, mapping, delimiter, dry_run, all_or_nothing, "
    "update_existing, committed, bytes_total, bytes_read, lines_read, created_count, "
    "updated_count, skipped_count, rejected_count, unknown_columns, error, created_by, actor, "
    "created_at, started_at, finished_at";

ImportJob FromRow(const Row& r) {
  ImportJob j;
  j.id = r.Int(0);
  j.target = r.Text(1);
  j.status = r.Text(2);
  j.key_spec = r.Text(3);
  j.mapping = r.Text(4);
  j.delimiter = r.Text(5);
  j.dry_run = r.Int(6) != 0;
  j.all_or_nothing = r.Int(7) != 0;
  j.update_existing = r.Int(8) != 0;
  j.committed = r.Int(9) != 0;
  j.bytes_total = r.Int(10);
  j.bytes_read = r.Int(11);
  j.counts = {r.Int(12), r.Int(13), r.Int(14), r.Int(15), r.Int(16)};
  j.unknown_columns = r.Text(17);
  j.error = r.OptText(18);
  j.created_by = r.Int(19);
  j.actor = r.Text(20);
  j.created_at = r.Int(21);
  j.started_at = r.OptInt(22);
  j.finished_at = r.OptInt(23);
  return j;
}

std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

std::string Unhex(std::string_view hex) {
  auto v = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    out.push_back(static_cast<char>(v(hex[i]) * 16 + v(hex[i + 1])));
  return out;
}

}  // namespace

Result<std::int64_t> InsertImportJob(Tx& tx, const ImportJob& j) {
  ASSIGN_OR_RETURN(
      auto rows,
      tx.Query("INSERT INTO import_jobs (target, status, key_spec, mapping, delimiter, dry_run, "
               "all_or_nothing, update_existing, created_by, actor, created_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
               {j.target, j.status, j.key_spec, j.mapping, j.delimiter, std::int64_t{j.dry_run},
                std::int64_t{j.all_or_nothing}, std::int64_t{j.update_existing}, j.created_by,
                j.actor, j.created_at}));
  return rows.front().Int(0);
}

Result<ImportJob> LoadImportJob(Tx& tx, std::int64_t id) {
  ASSIGN_OR_RETURN(auto row,
                   tx.QueryOne(std::string("SELECT ") + kColumns + " FROM import_jobs WHERE id = ?",
                               {id}, "import job " + std::to_string(id)));
  return FromRow(row);
}

Status SaveImportProgress(Tx& tx, std::int64_t id, const ImportCounts& c, std::int64_t bytes_read,
                          const std::string& unknown_columns) {
  RETURN_IF_ERROR(tx.Exec(
      "UPDATE import_jobs SET lines_read = ?, created_count = ?, updated_count = ?, "
      "skipped_count = ?, rejected_count = ?, bytes_read = ?, unknown_columns = ? WHERE id = ?",
      {c.lines, c.created, c.updated, c.skipped, c.rejected, bytes_read, unknown_columns, id}));
  return Ok();
}

Status SetImportStatus(Tx& tx, std::int64_t id, const std::string& status, Millis now,
                       const std::optional<std::string>& error, bool committed) {
  if (status == "running") {
    RETURN_IF_ERROR(tx.Exec("UPDATE import_jobs SET status = ?, started_at = ? WHERE id = ?",
                            {status, now, id}));
  } else if (status == "succeeded" || status == "failed") {
    RETURN_IF_ERROR(tx.Exec(
        "UPDATE import_jobs SET status = ?, finished_at = ?, error = ?, committed = ? WHERE id = ?",
        {status, now, OrNull(error), std::int64_t{committed}, id}));
  } else {
    RETURN_IF_ERROR(tx.Exec("UPDATE import_jobs SET status = ? WHERE id = ?", {status, id}));
  }
  return Ok();
}

Result<std::int64_t> FailUnfinishedImports(Tx& tx, const std::string& why, Millis now) {
  return tx.Exec(
      "UPDATE import_jobs SET status = 'failed', error = ?, finished_at = ? "
      "WHERE status IN ('queued', 'running')",
      {why, now});
}

Status AppendImportChunk(Tx& tx, std::int64_t job_id, std::int64_t seq, std::string_view bytes) {
  RETURN_IF_ERROR(tx.Exec("INSERT INTO import_chunks (job_id, seq, data) VALUES (?, ?, ?)",
                          {job_id, seq, Hex(bytes)}));
  RETURN_IF_ERROR(tx.Exec("UPDATE import_jobs SET bytes_total = bytes_total + ? WHERE id = ?",
                          {static_cast<std::int64_t>(bytes.size()), job_id}));
  return Ok();
}

Result<std::int64_t> CountImportChunks(Tx& tx, std::int64_t job_id) {
  ASSIGN_OR_RETURN(auto rows,
                   tx.Query("SELECT COUNT(*) FROM import_chunks WHERE job_id = ?", {job_id}));
  return rows.front().Int(0);
}

Result<std::optional<std::string>> LoadImportChunk(Tx& tx, std::int64_t job_id, std::int64_t seq) {
  ASSIGN_OR_RETURN(
      auto rows,
      tx.Query("SELECT data FROM import_chunks WHERE job_id = ? AND seq = ?", {job_id, seq}));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(Unhex(rows.front().Text(0)));
}

Status DeleteImportChunks(Tx& tx, std::int64_t job_id) {
  RETURN_IF_ERROR(tx.Exec("DELETE FROM import_chunks WHERE job_id = ?", {job_id}));
  return Ok();
}

Status InsertImportProblems(Tx& tx, std::int64_t job_id, const std::vector<ImportProblem>& ps) {
  for (const auto& p : ps) {
    RETURN_IF_ERROR(
        tx.Exec("INSERT INTO import_problems (job_id, line, outcome, field, message) VALUES (?, ?, "
                "?, ?, ?)",
                {job_id, p.line, p.outcome, p.field.empty() ? Null() : Value(p.field), p.message}));
  }
  return Ok();
}

Result<std::vector<std::pair<std::int64_t, ImportProblem>>> ListImportProblems(
    Tx& tx, std::int64_t job_id, std::int64_t after_id, int limit) {
  std::vector<std::pair<std::int64_t, ImportProblem>> out;
  RETURN_IF_ERROR(tx.ForEach(
      "SELECT id, line, outcome, field, message FROM import_problems WHERE job_id = ? AND id > ? "
      "ORDER BY id LIMIT ?",
      {job_id, after_id, std::int64_t{limit} + 1}, [&](const Row& r) -> Status {
        out.push_back({r.Int(0), {r.Int(1), r.Text(2), r.Text(3), r.Text(4)}});
        return Ok();
      }));
  return out;
}

}  // namespace chaincrm::store
