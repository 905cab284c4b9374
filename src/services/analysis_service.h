#pragma once
// The customer value analysis as a product feature: run parameters, the value run (load
// the ledger, fit the models, score every customer, persist scores and the run record),
// run status, the value summary, and a background runner so that the API never waits
// for a run.

#include <atomic>
#include <boost/json.hpp>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "analytics/profitability.h"
#include "analytics/rfm_summary.h"
#include "services/actor.h"
#include "store/analysis_repository.h"

namespace chaincrm::services {

enum class RepeatModelKind { kBgNbd, kParetoNbd };

struct ValueRunParams {
  Millis as_of = 0;                       // purchases up to the end of this UTC day count
  std::optional<Millis> calibration_end;  // fit on purchases up to it; none = as_of
  /// End of the holdout (calibration end, holdout end]: the as-of day when given
  /// explicitly, else the last purchase day. Filled when the run executes.
  bool as_of_explicit = false;
  analytics::TimeUnit unit = analytics::TimeUnit::kWeek;
  RepeatModelKind model = RepeatModelKind::kBgNbd;  // drives P(alive), expected purchases, CLV
  bool rank_by_profit = false;                      // ABC by profit instead of revenue
  int horizon_months = 12;
  double monthly_discount_rate = 0.01;
  /// Cost to serve per service case, per return and per delivery (shipment delivered),
  /// in the ledger currency's major units; counted over events up to as_of.
  analytics::CostToServeRates cost_to_serve;
};

/// Reads a POST body {kind: "value", as_of?, calibration_end?, unit?, model?, rank_by?,
/// horizon_months?, monthly_discount_rate?, cost_per_case?, cost_per_return?,
/// cost_per_delivery?}; as_of defaults to `now`. InvalidArgument with
/// field errors (unknown kind or field, a date in the future, calibration_end after as_of,
/// horizon outside 1..120 months, rate outside [0, 1)).
Result<ValueRunParams> ParseValueRunParams(const boost::json::object& body, Millis now);
boost::json::object ValueRunParamsToJson(const ValueRunParams& p);

/// Told the fraction done (0..1) and the phase ("load", "fit", ...) as a run proceeds.
using RunProgressFn = std::function<void(double fraction, std::string_view phase)>;

/// Records a queued value run and returns its id. PermissionDenied unless the actor may
/// create analyses.
Result<std::int64_t> QueueValueRun(const Env& env, const Actor& actor, const ValueRunParams& p);

/// Executes a queued run to the end: running → succeeded (the result object is returned
/// and stored, scores are written in batches of 2,000 customers per transaction) or
/// failed (the error is returned and stored with its message: empty ledger, non-finite
/// input, cancelled). Models that cannot be fitted (no repeat buyers, no convergence) do
/// not fail the run: their scores are null and the result lists a warning. `cancel`, when
/// set, stops the run between phases.
Result<boost::json::object> ExecuteValueRun(const Env& env, std::int64_t run_id,
                                            const ValueRunParams& p,
                                            const RunProgressFn& progress = nullptr,
                                            const std::atomic<bool>* cancel = nullptr);

/// A run as JSON {id, kind, status, progress, parameters, inputs, result, error, ...}.
/// NotFound; PermissionDenied unless the actor may read analyses.
Result<boost::json::object> GetAnalysisRun(const Env& env, const Actor& actor, std::int64_t id);
/// Runs newest first {data: [...without result], next_cursor}. InvalidArgument on a bad
/// limit or cursor.
Result<boost::json::object> ListAnalysisRuns(const Env& env, const Actor& actor, int limit,
                                             const std::string& cursor);
/// The latest succeeded value run: parameters, fitted models, counts, charts, holdout
/// report and the top 20 customers by CLV. NotFound when no run has succeeded yet.
Result<boost::json::object> ValueSummary(const Env& env, const Actor& actor);

/// The customer's scores as JSON, or null when never scored (for the 360 view).
Result<boost::json::value> CustomerScoresJson(store::Tx& tx, std::int64_t customer_id);
/// One stored score as the API shows it.
boost::json::value ScoreJson(const store::CustomerScore& score);

/// Executes queued runs one at a time on its own thread. On construction, runs left
/// queued or running by a stopped server are marked failed. The destructor cancels the
/// current run (between phases) and joins. Thread-safe.
class AnalysisRunner {
 public:
  explicit AnalysisRunner(Env env);
  ~AnalysisRunner();
  AnalysisRunner(const AnalysisRunner&) = delete;
  AnalysisRunner& operator=(const AnalysisRunner&) = delete;

  /// Queues a value run and returns it as JSON (status "queued").
  Result<boost::json::object> Start(const Actor& actor, const ValueRunParams& p);

 private:
  void Loop();

  Env env_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::pair<std::int64_t, ValueRunParams>> queue_;
  bool stop_ = false;
  std::atomic<bool> cancel_{false};
  std::thread thread_;
};

}  // namespace chaincrm::services
