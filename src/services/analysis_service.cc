#include "services/analysis_service.h"

#include <cmath>

#include "core/log.h"
#include "services/json_util.h"
#include "store/analysis_repository.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::Resource;

namespace {

Status CheckAnalytics(const Actor& actor, Action action) {
  if (domain::Allowed(actor.role, Resource::kAnalytics, action) == domain::Scope::kNone) {
    return Fail(Error::PermissionDenied(action == Action::kRead
                                            ? "your role may not read analyses"
                                            : "your role may not start analyses"));
  }
  return Ok();
}

json::value Num(const std::optional<double>& v) {
  return v && std::isfinite(*v) ? json::value(*v) : json::value(nullptr);
}

// Stored JSON text back to a value (null when absent or unreadable).
json::value Parsed(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  boost::system::error_code ec;
  json::value v = json::parse(*text, ec);
  return ec ? json::value(nullptr) : v;
}

json::object RunJson(const store::AnalysisRun& r, bool with_result) {
  json::object o{{"id", r.id},
                 {"kind", r.kind},
                 {"status", r.status},
                 {"progress", std::isfinite(r.progress) ? r.progress : 0.0},
                 {"parameters", Parsed(r.parameters)},
                 {"inputs", Parsed(r.inputs)},
                 {"error", OptJson(r.error)},
                 {"created_by", r.created_by},
                 {"created_at", FormatTime(r.created_at)},
                 {"started_at", OptTime(r.started_at)},
                 {"finished_at", OptTime(r.finished_at)}};
  if (with_result) o["result"] = Parsed(r.result);
  return o;
}

const char* UnitName(analytics::TimeUnit u) {
  switch (u) {
    case analytics::TimeUnit::kDay:
      return "day";
    case analytics::TimeUnit::kMonth:
      return "month";
    default:
      return "week";
  }
}

}  // namespace

Result<ValueRunParams> ParseValueRunParams(const json::object& body, Millis now) {
  JsonReader r(body);
  r.Known({"kind", "as_of", "calibration_end", "unit", "model", "rank_by", "horizon_months",
           "monthly_discount_rate", "cost_per_case", "cost_per_return", "cost_per_delivery"});
  ValueRunParams p;
  const auto kind = r.Str("kind");
  if (!kind)
    r.Error("kind", "is required (\"value\")");
  else if (*kind != "value")
    r.Error("kind", "must be \"value\"");
  p.as_of = now;
  if (auto t = r.Time("as_of")) {
    p.as_of = *t;
    p.as_of_explicit = true;
    if (*t > now) r.Error("as_of", "is in the future");
  }
  p.calibration_end = r.Time("calibration_end");
  if (p.calibration_end && *p.calibration_end > p.as_of)
    r.Error("calibration_end", "must not be after as_of");
  if (auto u = r.Str("unit")) {
    if (auto parsed = analytics::ParseTimeUnit(*u))
      p.unit = *parsed;
    else
      r.Error("unit", "must be day, week or month");
  }
  if (auto m = r.Str("model")) {
    if (*m == "bgnbd")
      p.model = RepeatModelKind::kBgNbd;
    else if (*m == "paretonbd")
      p.model = RepeatModelKind::kParetoNbd;
    else
      r.Error("model", "must be bgnbd or paretonbd");
  }
  if (auto k = r.Str("rank_by")) {
    if (*k == "revenue" || *k == "profit")
      p.rank_by_profit = *k == "profit";
    else
      r.Error("rank_by", "must be revenue or profit");
  }
  if (auto h = r.Int("horizon_months")) {
    if (*h < 1 || *h > 120)
      r.Error("horizon_months", "must be between 1 and 120");
    else
      p.horizon_months = static_cast<int>(*h);
  }
  if (auto d = r.Num("monthly_discount_rate")) {
    if (!(*d >= 0 && *d < 1))
      r.Error("monthly_discount_rate", "must be at least 0 and below 1");
    else
      p.monthly_discount_rate = *d;
  }
  for (auto [field, rate] : {std::pair{"cost_per_case", &p.cost_to_serve.per_case},
                             std::pair{"cost_per_return", &p.cost_to_serve.per_return},
                             std::pair{"cost_per_delivery", &p.cost_to_serve.per_delivery}}) {
    if (auto d = r.Num(field)) {
      if (!(*d >= 0 && *d < 1e9))
        r.Error(field, "must be at least 0 (an amount per event in the ledger currency)");
      else
        *rate = *d;
    }
  }
  RETURN_IF_ERROR(ErrorsToStatus(std::move(r.errors()), "the analysis parameters are invalid"));
  return p;
}

json::object ValueRunParamsToJson(const ValueRunParams& p) {
  return json::object{{"kind", "value"},
                      {"as_of", FormatTime(p.as_of)},
                      {"calibration_end", OptTime(p.calibration_end)},
                      {"unit", UnitName(p.unit)},
                      {"model", p.model == RepeatModelKind::kBgNbd ? "bgnbd" : "paretonbd"},
                      {"rank_by", p.rank_by_profit ? "profit" : "revenue"},
                      {"horizon_months", p.horizon_months},
                      {"monthly_discount_rate", p.monthly_discount_rate},
                      {"cost_per_case", p.cost_to_serve.per_case},
                      {"cost_per_return", p.cost_to_serve.per_return},
                      {"cost_per_delivery", p.cost_to_serve.per_delivery}};
}

Result<std::int64_t> QueueValueRun(const Env& env, const Actor& actor, const ValueRunParams& p) {
  RETURN_IF_ERROR(CheckAnalytics(actor, Action::kCreate));
  std::int64_t id = 0;
  RETURN_IF_ERROR(env.db.Write([&](store::Tx& tx) -> Status {
    store::AnalysisRun run;
    run.kind = "value";
    run.status = "queued";
    run.parameters = json::serialize(ValueRunParamsToJson(p));
    run.created_by = actor.Label();
    run.created_at = env.clock.Now();
    ASSIGN_OR_RETURN(id, store::InsertRun(tx, run));
    return Ok();
  }));
  return id;
}

Result<json::object> GetAnalysisRun(const Env& env, const Actor& actor, std::int64_t id) {
  RETURN_IF_ERROR(CheckAnalytics(actor, Action::kRead));
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto run, store::LoadRun(tx, id));
    out = RunJson(run, true);
    return Ok();
  }));
  return out;
}

Result<json::object> ListAnalysisRuns(const Env& env, const Actor& actor, int limit,
                                      const std::string& cursor) {
  RETURN_IF_ERROR(CheckAnalytics(actor, Action::kRead));
  if (limit < 1 || limit > 500) {
    return Fail(Error::InvalidArgument("limit must be between 1 and 500",
                                       {{"limit", "must be between 1 and 500"}}));
  }
  std::optional<std::int64_t> before;
  if (!cursor.empty()) {
    try {
      std::size_t used = 0;
      before = std::stoll(cursor, &used);
      if (used != cursor.size()) throw std::invalid_argument("trailing");
    } catch (...) {
      return Fail(Error::InvalidArgument("cursor is not valid",
                                         {{"cursor", "is not a cursor from this list"}}));
    }
  }
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto runs, store::ListRuns(tx, limit + 1, before));
    json::array data;
    const bool more = runs.size() > static_cast<std::size_t>(limit);
    if (more) runs.pop_back();
    for (const auto& r : runs) data.push_back(RunJson(r, false));
    out["data"] = std::move(data);
    out["next_cursor"] = more ? json::value(std::to_string(runs.back().id)) : json::value(nullptr);
    return Ok();
  }));
  return out;
}

Result<json::object> ValueSummary(const Env& env, const Actor& actor) {
  RETURN_IF_ERROR(CheckAnalytics(actor, Action::kRead));
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto run, store::LatestSucceededRun(tx, "value"));
    if (!run) {
      return Fail(Error::NotFound(
          "no value analysis has succeeded yet: start one with POST /api/v1/analysis/runs"));
    }
    out["run"] = RunJson(*run, false);
    json::value result = Parsed(run->result);
    if (result.is_object()) {
      for (auto& [k, v] : result.as_object()) out[k] = v;
    }
    ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query("SELECT s.customer_id, c.name, s.clv, s.p_alive, s.expected_purchases_90d, "
                 "s.abc_class, s.value_class, s.rfm_cell FROM customer_scores s "
                 "JOIN customers c ON c.id = s.customer_id WHERE s.clv IS NOT NULL "
                 "ORDER BY s.clv DESC, s.customer_id LIMIT 20"));
    json::array top;
    for (const auto& r : rows) {
      top.push_back(json::object{
          {"customer_id", r.Int(0)},
          {"name", r.Text(1)},
          {"clv", Num(r.IsNull(2) ? std::nullopt : std::optional(r.Real(2)))},
          {"p_alive", Num(r.IsNull(3) ? std::nullopt : std::optional(r.Real(3)))},
          {"expected_purchases_90d", Num(r.IsNull(4) ? std::nullopt : std::optional(r.Real(4)))},
          {"abc_class", OptJson(r.OptText(5))},
          {"value_class", OptJson(r.OptText(6))},
          {"rfm_cell", OptJson(r.OptText(7))}});
    }
    out["top_customers"] = std::move(top);
    return Ok();
  }));
  return out;
}

Result<json::value> CustomerScoresJson(store::Tx& tx, std::int64_t customer_id) {
  ASSIGN_OR_RETURN(auto score, store::LoadScore(tx, customer_id));
  if (!score) return json::value(nullptr);
  return ScoreJson(*score);
}

json::value ScoreJson(const store::CustomerScore& s) {
  return json::value(json::object{
      {"run_id", s.run_id},
      {"computed_at", FormatTime(s.computed_at)},
      {"recency_days", OptJson(s.recency_days)},
      {"frequency", s.frequency},
      {"monetary", Num(s.monetary)},
      {"rfm",
       json::object{{"r", OptJson(s.rfm_r)}, {"f", OptJson(s.rfm_f)}, {"m", OptJson(s.rfm_m)}}},
      {"rfm_cell", OptJson(s.rfm_cell)},
      {"abc_class", OptJson(s.abc_class)},
      {"abc_rank", OptJson(s.abc_rank)},
      {"profit", Num(s.profit)},
      {"clv_discounted", Num(s.clv_discounted)},
      {"clv_historical", Num(s.clv_historical)},
      {"clv_future", Num(s.clv_future)},
      {"clv_potential", Num(s.clv_potential)},
      {"p_alive", Num(s.p_alive)},
      {"expected_purchases_90d", Num(s.expected_purchases_90d)},
      {"expected_spend", Num(s.expected_spend)},
      {"clv", Num(s.clv)},
      {"value_class", OptJson(s.value_class)},
      {"account_size", OptJson(s.account_size)}});
}

AnalysisRunner::AnalysisRunner(Env env) : env_(env) {
  auto failed = env_.db.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto n, store::FailUnfinishedRuns(
                                 tx, "the server stopped before the run finished; start it again",
                                 env_.clock.Now()));
    if (n > 0) log::Warn("event=analysis_runs_interrupted count=" + std::to_string(n));
    return Ok();
  });
  if (!failed) log::Warn("event=analysis_runs_cleanup_failed error=" + failed.error().message());
  thread_ = std::thread([this] { Loop(); });
}

AnalysisRunner::~AnalysisRunner() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
    cancel_ = true;
  }
  cv_.notify_all();
  thread_.join();
  // Runs still queued stay queued in the database; the next start marks them failed.
}

Result<json::object> AnalysisRunner::Start(const Actor& actor, const ValueRunParams& p) {
  ASSIGN_OR_RETURN(const std::int64_t id, QueueValueRun(env_, actor, p));
  {
    std::lock_guard lock(mu_);
    queue_.emplace_back(id, p);
  }
  cv_.notify_one();
  json::object out;
  RETURN_IF_ERROR(env_.db.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto run, store::LoadRun(tx, id));
    out = RunJson(run, false);
    return Ok();
  }));
  return out;
}

void AnalysisRunner::Loop() {
  for (;;) {
    std::pair<std::int64_t, ValueRunParams> job;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      job = queue_.front();
      queue_.pop_front();
    }
    log::Info("event=analysis_run_started run_id=" + std::to_string(job.first));
    Result<json::object> r = Fail(Error::Internal("the run did not execute"));
    try {
      r = ExecuteValueRun(env_, job.first, job.second, nullptr, &cancel_);
    } catch (const std::exception& e) {
      // A last resort (e.g. out of memory): the run ends failed, the server keeps going.
      log::Error("event=analysis_run_crashed run_id=" + std::to_string(job.first) + " error=\"" +
                 e.what() + "\"");
      (void)env_.db.Write([&](store::Tx& tx) {
        return store::FinishRun(tx, job.first, "failed", std::nullopt, std::nullopt,
                                "internal error while running the analysis", env_.clock.Now());
      });
    }
    if (r) {
      log::Info("event=analysis_run_succeeded run_id=" + std::to_string(job.first));
    } else {
      log::Warn("event=analysis_run_failed run_id=" + std::to_string(job.first) + " error=\"" +
                r.error().message() + "\"");
    }
  }
}

}  // namespace chaincrm::services
