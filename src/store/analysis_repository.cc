#include "store/analysis_repository.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "store/bulk_insert.h"

namespace chaincrm::store {

namespace {

constexpr std::string_view kRunColumns =
    "id, kind, status, parameters, inputs, result, progress, error, created_by, created_at, "
    "started_at, finished_at";

AnalysisRun RunFromRow(const Row& r) {
  AnalysisRun run;
  run.id = r.Int(0);
  run.kind = r.Text(1);
  run.status = r.Text(2);
  run.parameters = r.Text(3);
  run.inputs = r.OptText(4);
  run.result = r.OptText(5);
  run.progress = r.Real(6);
  run.error = r.OptText(7);
  run.created_by = r.Text(8);
  run.created_at = r.Int(9);
  run.started_at = r.OptInt(10);
  run.finished_at = r.OptInt(11);
  return run;
}

// Scores are finite by contract; a stray NaN or infinity is stored as NULL, never as text.
Value Real(const std::optional<double>& v) { return v && std::isfinite(*v) ? Value(*v) : Null(); }

constexpr std::string_view kScoreColumns =
    "customer_id, run_id, computed_at, recency_days, frequency, monetary, rfm_r, rfm_f, rfm_m, "
    "rfm_cell, abc_class, abc_rank, profit, clv_discounted, clv_historical, clv_future, "
    "clv_potential, p_alive, expected_purchases_90d, expected_spend, clv, value_class, "
    "account_size";
constexpr int kScoreColumnCount = 23;
// Rows held in memory between statements (PostgreSQL: rows per COPY).
constexpr std::size_t kRowsPerFlush = 4096;

void AppendScore(const CustomerScore& s, Params& p) {
  p.push_back(s.customer_id);
  p.push_back(s.run_id);
  p.push_back(s.computed_at);
  p.push_back(OrNull(s.recency_days));
  p.push_back(s.frequency);
  p.push_back(Real(s.monetary));
  p.push_back(OrNull(s.rfm_r));
  p.push_back(OrNull(s.rfm_f));
  p.push_back(OrNull(s.rfm_m));
  p.push_back(OrNull(s.rfm_cell));
  p.push_back(OrNull(s.abc_class));
  p.push_back(OrNull(s.abc_rank));
  p.push_back(Real(s.profit));
  p.push_back(Real(s.clv_discounted));
  p.push_back(Real(s.clv_historical));
  p.push_back(Real(s.clv_future));
  p.push_back(Real(s.clv_potential));
  p.push_back(Real(s.p_alive));
  p.push_back(Real(s.expected_purchases_90d));
  p.push_back(Real(s.expected_spend));
  p.push_back(Real(s.clv));
  p.push_back(OrNull(s.value_class));
  p.push_back(OrNull(s.account_size));
}

std::optional<double> OptReal(const Row& r, std::size_t i) {
  if (r.IsNull(i)) return std::nullopt;
  return r.Real(i);
}

}  // namespace

Result<std::int64_t> InsertRun(Tx& tx, const AnalysisRun& run) {
  ASSIGN_OR_RETURN(
      Rows rows,
      tx.Query("INSERT INTO analysis_runs (kind, status, parameters, inputs, result, progress, "
               "error, created_by, created_at, started_at, finished_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
               {run.kind, run.status, run.parameters, OrNull(run.inputs), OrNull(run.result),
                run.progress, OrNull(run.error), run.created_by, run.created_at,
                OrNull(run.started_at), OrNull(run.finished_at)}));
  return rows.front().Int(0);
}

Result<AnalysisRun> LoadRun(Tx& tx, std::int64_t id) {
  ASSIGN_OR_RETURN(
      Row r, tx.QueryOne("SELECT " + std::string(kRunColumns) + " FROM analysis_runs WHERE id = ?",
                         {id}, "analysis run not found"));
  return RunFromRow(r);
}

Result<std::vector<AnalysisRun>> ListRuns(Tx& tx, int limit,
                                          std::optional<std::int64_t> before_id) {
  std::string sql = "SELECT " + std::string(kRunColumns) + " FROM analysis_runs";
  Params p;
  if (before_id) {
    sql += " WHERE id < ?";
    p.push_back(*before_id);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  p.push_back(static_cast<std::int64_t>(limit));
  ASSIGN_OR_RETURN(Rows rows, tx.Query(sql, p));
  std::vector<AnalysisRun> out;
  for (const auto& r : rows) out.push_back(RunFromRow(r));
  return out;
}

Result<std::optional<AnalysisRun>> LatestSucceededRun(Tx& tx, const std::string& kind) {
  ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT " + std::string(kRunColumns) +
                                           " FROM analysis_runs WHERE kind = ? AND status = "
                                           "'succeeded' ORDER BY id DESC LIMIT 1",
                                       {kind}));
  if (rows.empty()) return std::optional<AnalysisRun>();
  return std::optional<AnalysisRun>(RunFromRow(rows.front()));
}

Status MarkRunStarted(Tx& tx, std::int64_t id, Millis at) {
  RETURN_IF_ERROR(tx.Exec(
      "UPDATE analysis_runs SET status = 'running', started_at = ?, progress = 0 WHERE id = ?",
      {at, id}));
  return Ok();
}

Status SetRunProgress(Tx& tx, std::int64_t id, double progress) {
  RETURN_IF_ERROR(
      tx.Exec("UPDATE analysis_runs SET progress = ? WHERE id = ? AND status = 'running'",
              {std::clamp(progress, 0.0, 1.0), id}));
  return Ok();
}

Status FinishRun(Tx& tx, std::int64_t id, const std::string& status,
                 const std::optional<std::string>& inputs, const std::optional<std::string>& result,
                 const std::optional<std::string>& error, Millis at) {
  RETURN_IF_ERROR(tx.Exec(
      "UPDATE analysis_runs SET status = ?, inputs = ?, result = ?, error = ?, finished_at = ?, "
      "progress = ? WHERE id = ?",
      {status, OrNull(inputs), OrNull(result), OrNull(error), at, status == "succeeded" ? 1.0 : 0.0,
       id}));
  return Ok();
}

Result<std::int64_t> FailUnfinishedRuns(Tx& tx, const std::string& message, Millis at) {
  return tx.Exec(
      "UPDATE analysis_runs SET status = 'failed', error = ?, finished_at = ? "
      "WHERE status IN ('queued', 'running')",
      {message, at});
}

Status InsertScores(Tx& tx, std::string_view table, std::span<const CustomerScore> scores) {
  std::vector<std::string> columns;
  for (std::string_view cols = kScoreColumns; !cols.empty();) {
    const std::size_t end = std::min(cols.find(','), cols.size());
    columns.emplace_back(cols.substr(0, end));
    cols.remove_prefix(std::min(end + 2, cols.size()));
  }
  BulkValues rows = BulkInsert(std::string(table), std::move(columns));
  for (const CustomerScore& score : scores) {
    Params p;
    p.reserve(kScoreColumnCount);
    AppendScore(score, p);
    rows.Add(std::move(p));
    if (rows.pending() == kRowsPerFlush) RETURN_IF_ERROR(rows.Flush(tx));
  }
  return rows.Flush(tx);
}

namespace {

CustomerScore ScoreFromRow(const Row& r) {
  CustomerScore s;
  s.customer_id = r.Int(0);
  s.run_id = r.Int(1);
  s.computed_at = r.Int(2);
  s.recency_days = r.OptInt(3);
  s.frequency = r.Int(4);
  s.monetary = OptReal(r, 5);
  s.rfm_r = r.OptInt(6);
  s.rfm_f = r.OptInt(7);
  s.rfm_m = r.OptInt(8);
  s.rfm_cell = r.OptText(9);
  s.abc_class = r.OptText(10);
  s.abc_rank = r.OptInt(11);
  s.profit = OptReal(r, 12);
  s.clv_discounted = OptReal(r, 13);
  s.clv_historical = OptReal(r, 14);
  s.clv_future = OptReal(r, 15);
  s.clv_potential = OptReal(r, 16);
  s.p_alive = OptReal(r, 17);
  s.expected_purchases_90d = OptReal(r, 18);
  s.expected_spend = OptReal(r, 19);
  s.clv = OptReal(r, 20);
  s.value_class = r.OptText(21);
  s.account_size = r.OptText(22);
  return s;
}

}  // namespace

Result<std::optional<CustomerScore>> LoadScore(Tx& tx, std::int64_t customer_id) {
  ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT " + std::string(kScoreColumns) +
                                           " FROM customer_scores WHERE customer_id = ?",
                                       {customer_id}));
  if (rows.empty()) return std::optional<CustomerScore>();
  return std::optional<CustomerScore>(ScoreFromRow(rows.front()));
}

Result<std::map<std::int64_t, CustomerScore>> LoadScores(Tx& tx,
                                                         const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, CustomerScore> out;
  if (ids.empty()) return out;
  std::string in;
  Params p;
  for (std::int64_t id : ids) {
    in += in.empty() ? "?" : ", ?";
    p.push_back(id);
  }
  RETURN_IF_ERROR(tx.ForEach("SELECT " + std::string(kScoreColumns) +
                                 " FROM customer_scores WHERE customer_id IN (" + in + ")",
                             p, [&](const Row& r) -> Status {
                               out.emplace(r.Int(0), ScoreFromRow(r));
                               return Ok();
                             }));
  return out;
}

}  // namespace chaincrm::store
