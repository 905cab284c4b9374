#pragma once
// Analysis runs (one row per run: parameters, inputs, results as JSON text, status and
// progress) and the latest scores per customer. All functions run inside a caller's
// transaction.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "store/database.h"

namespace chaincrm::store {

struct AnalysisRun {
  std::int64_t id = 0;
  std::string kind;               // "value"
  std::string status;             // queued | running | succeeded | failed
  std::string parameters = "{}";  // JSON text
  std::optional<std::string> inputs, result, error;
  double progress = 0.0;  // 0..1
  std::string created_by;
  Millis created_at = 0;
  std::optional<Millis> started_at, finished_at;
};

/// Inserts a run (status and progress as given) and returns its id.
Result<std::int64_t> InsertRun(Tx& tx, const AnalysisRun& run);
/// The run or NotFound.
Result<AnalysisRun> LoadRun(Tx& tx, std::int64_t id);
/// Runs newest first, at most `limit`, with ids below `before_id` when given.
Result<std::vector<AnalysisRun>> ListRuns(Tx& tx, int limit, std::optional<std::int64_t> before_id);
/// The newest succeeded run of `kind`, if any.
Result<std::optional<AnalysisRun>> LatestSucceededRun(Tx& tx, const std::string& kind);
/// Marks a queued run running at `at`.
Status MarkRunStarted(Tx& tx, std::int64_t id, Millis at);
/// Sets the progress (0..1) of a running run.
Status SetRunProgress(Tx& tx, std::int64_t id, double progress);
/// Ends a run: status succeeded or failed, with inputs, result and error as given.
Status FinishRun(Tx& tx, std::int64_t id, const std::string& status,
                 const std::optional<std::string>& inputs, const std::optional<std::string>& result,
                 const std::optional<std::string>& error, Millis at);
/// Fails every queued or running run (a server stopped in the middle of them).
Result<std::int64_t> FailUnfinishedRuns(Tx& tx, const std::string& message, Millis at);

/// One customer's scores. Optional values are NULL where a model does not apply (no
/// purchase, no complete interval, not part of the fit). Values are finite.
struct CustomerScore {
  std::int64_t customer_id = 0;
  std::int64_t run_id = 0;
  Millis computed_at = 0;
  std::optional<std::int64_t> recency_days;
  std::int64_t frequency = 0;
  std::optional<double> monetary;
  std::optional<std::int64_t> rfm_r, rfm_f, rfm_m;
  std::optional<std::string> rfm_cell;
  std::optional<std::string> abc_class;
  std::optional<std::int64_t> abc_rank;
  std::optional<double> profit;
  std::optional<double> clv_discounted, clv_historical, clv_future, clv_potential;
  std::optional<double> p_alive, expected_purchases_90d, expected_spend, clv;
  std::optional<std::string> value_class, account_size;
};

/// Inserts these customers' scores into `table`: customer_scores, or the staging table of
/// a store::TableSwap of it (the value run replaces the whole table that way). Multi-row
/// INSERTs on SQLite, COPY on PostgreSQL. InvalidArgument if a customer no longer exists
/// (customers are archived, not deleted); AlreadyExists if the table holds a customer's row.
Status InsertScores(Tx& tx, std::string_view table, std::span<const CustomerScore> scores);
/// The customer's scores, if any run has scored it.
Result<std::optional<CustomerScore>> LoadScore(Tx& tx, std::int64_t customer_id);
/// The scores of those of `ids` that have any, in one statement.
Result<std::map<std::int64_t, CustomerScore>> LoadScores(Tx& tx,
                                                         const std::vector<std::int64_t>& ids);

}  // namespace chaincrm::store
