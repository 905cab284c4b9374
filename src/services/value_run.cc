// The value run: ledger → summaries → RFM, ABC, profitability, both CLV models, classes →
// scores and the run record. Declared in services/analysis_service.h.

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <future>
#include <map>
#include <memory>

#include "analytics/abc.h"
#include "analytics/bgnbd.h"
#include "analytics/classification.h"
#include "analytics/clv_discounted.h"
#include "analytics/clv_probabilistic.h"
#include "analytics/gamma_gamma.h"
#include "analytics/history_groups.h"
#include "analytics/optimizer.h"
#include "analytics/pareto_nbd.h"
#include "analytics/profitability.h"
#include "analytics/rfm.h"
#include "services/analysis_service.h"
#include "services/customer_service.h"
#include "store/analysis_repository.h"
#include "store/table_swap.h"

namespace chaincrm::services {

namespace json = boost::json;
namespace an = analytics;

namespace {

// The run replaces the whole customer_scores table (store::TableSwap): the scores go into a
// staging table without secondary indexes, in customer order (cheap appends: ~1.5 s for 1M
// rows), its indexes are built, and one short transaction swaps it in. Each step holds the
// SQLite write lock, which API writes wait for, so the inserts run in transactions sized to
// take about kWriteLockSeconds, starting at kFirstScoreRows rows, between kMinScoreRows and
// kMaxScoreRows, with the run's progress updated in the same transaction.
constexpr double kWriteLockSeconds = 2.0;
constexpr std::size_t kFirstScoreRows = 25'000;
constexpr std::size_t kMinScoreRows = 5'000;
constexpr std::size_t kMaxScoreRows = 250'000;
// Progress of the write phase: the inserts up to kIndexProgress, then the indexes.
constexpr double kWriteProgress = 0.75, kIndexProgress = 0.93, kSwapProgress = 0.99;

/// Seconds since construction or the previous Lap().
class Stopwatch {
 public:
  double Lap() {
    const auto now = std::chrono::steady_clock::now();
    const double s = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return s;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

/// Peak resident set size of this process so far, in MB (Linux ru_maxrss is in kB). In the
/// server this is the process's peak, which includes whatever else it did before the run.
double PeakRssMb() {
  rusage u{};
  if (getrusage(RUSAGE_SELF, &u) != 0) return 0.0;
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

// CPU seconds (user + system) the calling thread has used: the write phase runs on one
// thread (SQLite in the caller), so its share stays comparable on a loaded machine.
double ThreadCpuSeconds() {
  rusage u{};
  if (getrusage(RUSAGE_THREAD, &u) != 0) return 0.0;
  auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(u.ru_utime) + seconds(u.ru_stime);
}

double Round3(double v) { return std::round(v * 1000.0) / 1000.0; }

json::value Num(double v) { return std::isfinite(v) ? json::value(v) : json::value(nullptr); }

Millis DayStart(Millis t) {
  const Millis d = t / kMillisPerDay - (t % kMillisPerDay < 0 ? 1 : 0);
  return d * kMillisPerDay;
}

struct CustomerFacts {
  std::int64_t id = 0;
  an::AccountFacts facts;
};

/// Cost-to-serve events of one customer up to the as-of day.
struct ServiceEvents {
  double cases = 0, returns = 0, deliveries = 0;
};

/// Positions of customer ids in an ascending id list: a direct table when the ids are dense
/// (the usual case: auto-increment ids), a binary search otherwise.
class IdPositions {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  explicit IdPositions(std::vector<std::int64_t> ids) : ids_(std::move(ids)) {
    if (ids_.empty()) return;
    const std::int64_t span = ids_.back() - ids_.front();
    if (span >= 0 && span < 4 * static_cast<std::int64_t>(ids_.size()) + 1024) {
      table_.assign(static_cast<std::size_t>(span) + 1, kNone);
      for (std::size_t i = 0; i < ids_.size(); ++i)
        table_[static_cast<std::size_t>(ids_[i] - ids_.front())] = static_cast<std::uint32_t>(i);
    }
  }

  std::size_t size() const { return ids_.size(); }
  const std::vector<std::int64_t>& ids() const { return ids_; }

  /// The position of `id`, or kNone.
  std::uint32_t Find(std::int64_t id) const {
    if (ids_.empty() || id < ids_.front() || id > ids_.back()) return kNone;
    if (!table_.empty()) return table_[static_cast<std::size_t>(id - ids_.front())];
    const auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
    return it != ids_.end() && *it == id ? static_cast<std::uint32_t>(it - ids_.begin()) : kNone;
  }

  /// For each position, the index in `rows` (any order) of the row with that customer_id, or
  /// -1: a dense join instead of a std::map per result.
  template <typename T>
  std::vector<std::int32_t> Align(const std::vector<T>& rows) const {
    std::vector<std::int32_t> out(ids_.size(), -1);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (const auto p = Find(rows[i].customer_id); p != kNone)
        out[p] = static_cast<std::int32_t>(i);
    }
    return out;
  }

 private:
  std::vector<std::int64_t> ids_;
  std::vector<std::uint32_t> table_;
};

struct Loaded {
  std::vector<CustomerFacts> customers;  // every customer, by id
  /// The ledger grouped by customer (ascending id), ledger order within a customer: every
  /// analytics pass over it then touches one customer's accumulators at a time.
  std::vector<an::Transaction> transactions;
  std::map<std::int64_t, ServiceEvents> events;
  std::string currency;
  Millis first = 0, last = 0;
};

// Cases opened, returns requested and shipments delivered per customer before the end.
Status LoadServiceEvents(store::Tx& tx, Millis until_exclusive,
                         std::map<std::int64_t, ServiceEvents>& events) {
  const std::pair<const char*, double ServiceEvents::*> kinds[] = {
      {"SELECT customer_id, COUNT(*) FROM cases WHERE created_at < ? GROUP BY customer_id",
       &ServiceEvents::cases},
      {"SELECT customer_id, COUNT(*) FROM returns WHERE created_at < ? GROUP BY customer_id",
       &ServiceEvents::returns},
      {"SELECT customer_id, COUNT(*) FROM shipments WHERE delivered_at < ? "
       "GROUP BY customer_id",
       &ServiceEvents::deliveries}};
  for (const auto& [sql, member] : kinds) {
    RETURN_IF_ERROR(tx.ForEach(sql, {until_exclusive}, [&](const store::Row& r) -> Status {
      events[r.Int(0)].*member = static_cast<double>(r.Int(1));
      return Ok();
    }));
  }
  return Ok();
}

/// Stable counting sort of the ledger by customer position (rows of ids not among the
/// customers, which the foreign key rules out, go last in their original order), into `out`
/// (any size; allocated ahead by the caller).
std::vector<an::Transaction> GroupByCustomer(const std::vector<an::Transaction>& rows,
                                             const IdPositions& positions,
                                             std::vector<an::Transaction> out) {
  std::vector<std::uint32_t> bucket(rows.size());
  std::vector<std::size_t> start(positions.size() + 2, 0);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::uint32_t p = positions.Find(rows[i].customer_id);
    bucket[i] = p == IdPositions::kNone ? static_cast<std::uint32_t>(positions.size()) : p;
    ++start[bucket[i] + 1];
  }
  for (std::size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
  out.resize(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out[start[bucket[i]]++] = rows[i];
  return out;
}

Result<Loaded> Load(const Env& env, Millis until_exclusive) {
  Loaded out;
  std::vector<an::Transaction> rows;
  std::future<std::vector<an::Transaction>> grouped;
  RETURN_IF_ERROR(env.db.Read([&](store::Tx& tx) -> Status {
    out.customers.clear();
    rows.clear();
    RETURN_IF_ERROR(
        tx.ForEach("SELECT id, employees, annual_revenue, sector FROM customers ORDER BY id", {},
                   [&](const store::Row& r) -> Status {
                     CustomerFacts c;
                     c.id = r.Int(0);
                     c.facts.employees = r.OptInt(1);
                     if (!r.IsNull(2))
                       c.facts.annual_revenue = static_cast<double>(r.Int(2)) / 100.0;
                     c.facts.sector = r.Text(3);
                     out.customers.push_back(std::move(c));
                     return Ok();
                   }));
    // The largest id bounds the row count: one allocation instead of doublings of a vector
    // of ten million rows.
    ASSIGN_OR_RETURN(auto max_id, tx.Query("SELECT COALESCE(MAX(id), 0) FROM purchases"));
    const auto bound = static_cast<std::size_t>(std::max<std::int64_t>(0, max_id.front().Int(0)));
    rows.reserve(bound);
    // The grouped copy is allocated (and its fresh memory zeroed by the kernel) on another
    // thread while this one scans.
    grouped =
        std::async(std::launch::async, [bound] { return std::vector<an::Transaction>(bound); });
    // Read sequentially into `rows` (cheap stores) and group afterwards in one tight pass:
    // placing each row into its customer's slot while scanning was measured slower (random
    // stores between SQLite's work).
    RETURN_IF_ERROR(tx.ScanInts(
        // "+occurred_at": a sequential scan of the table, not the occurred_at index (nearly
        // every row qualifies; through the index each row costs a random table lookup).
        "SELECT customer_id, occurred_at, revenue, cost FROM purchases WHERE +occurred_at < ?",
        {until_exclusive}, [&](const store::IntBlock& b) -> Status {
          for (std::size_t i = 0; i < b.rows(); ++i) {
            an::Transaction t;
            t.customer_id = b.at(i, 0);
            t.at = b.at(i, 1);
            t.revenue = static_cast<double>(b.at(i, 2)) / 100.0;
            t.cost = static_cast<double>(b.at(i, 3)) / 100.0;
            if (rows.empty()) {
              out.first = out.last = t.at;
            } else {
              out.first = std::min(out.first, t.at);
              out.last = std::max(out.last, t.at);
            }
            rows.push_back(t);
          }
          return Ok();
        }));
    ASSIGN_OR_RETURN(out.currency, LedgerCurrencyOrDefault(tx));
    RETURN_IF_ERROR(LoadServiceEvents(tx, until_exclusive, out.events));
    return Ok();
  }));
  std::vector<std::int64_t> ids;
  ids.reserve(out.customers.size());
  for (const auto& c : out.customers) ids.push_back(c.id);
  out.transactions =
      GroupByCustomer(rows, IdPositions(std::move(ids)),
                      grouped.valid() ? grouped.get() : std::vector<an::Transaction>());
  return out;
}

// Equal-width histogram of the finite values over [lo, hi].
json::array Histogram(const std::vector<double>& values, double lo, double hi, int bins) {
  std::vector<std::int64_t> counts(static_cast<std::size_t>(bins), 0);
  const double width = hi > lo ? (hi - lo) / bins : 1.0;
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    int b = static_cast<int>(std::floor((v - lo) / width));
    b = std::clamp(b, 0, bins - 1);
    ++counts[static_cast<std::size_t>(b)];
  }
  json::array out;
  for (int b = 0; b < bins; ++b) {
    out.push_back(json::object{{"from", Num(lo + b * width)},
                               {"to", Num(lo + (b + 1) * width)},
                               {"customers", counts[static_cast<std::size_t>(b)]}});
  }
  return out;
}

class RunContext {
 public:
  RunContext(const Env& env, std::int64_t run_id, const RunProgressFn& progress,
             const std::atomic<bool>* cancel)
      : env_(env), run_id_(run_id), progress_(progress), cancel_(cancel) {}

  /// Cancellation check and progress callback, without writing the progress.
  Status Check(double fraction, std::string_view phase) {
    if (cancel_ && cancel_->load())
      return Fail(Error::Aborted("the run was cancelled: the server is stopping"));
    if (progress_) progress_(fraction, phase);
    return Ok();
  }

  Status Step(double fraction, std::string_view phase) {
    RETURN_IF_ERROR(Check(fraction, phase));
    return env_.db.Write(
        [&](store::Tx& tx) { return store::SetRunProgress(tx, run_id_, fraction); });
  }

 private:
  const Env& env_;
  std::int64_t run_id_;
  const RunProgressFn& progress_;
  const std::atomic<bool>* cancel_;
};

struct ModelFits {
  std::optional<an::BgNbdFit> bgnbd;
  std::optional<an::ParetoNbdFit> paretonbd;
  std::optional<an::GammaGammaFit> gamma_gamma;
  std::unique_ptr<an::RepeatPurchaseModel> chosen;
  json::array warnings;
};

ModelFits FitModels(const std::vector<an::CustomerSummary>& cohort, RepeatModelKind kind,
                    json::object& fit_seconds) {
  ModelFits f;
  Stopwatch watch;
  auto b = an::FitBgNbd(cohort);
  fit_seconds["bgnbd"] = Round3(watch.Lap());
  if (b) {
    f.bgnbd = *b;
  } else {
    f.warnings.push_back(json::string("BG/NBD not fitted: " + b.error().message()));
  }
  auto p = an::FitParetoNbd(cohort);
  fit_seconds["paretonbd"] = Round3(watch.Lap());
  if (p) {
    f.paretonbd = *p;
    if (!p->warning.empty()) f.warnings.push_back(json::string("Pareto/NBD: " + p->warning));
  } else {
    f.warnings.push_back(json::string("Pareto/NBD not fitted: " + p.error().message()));
  }
  auto g = an::FitGammaGamma(cohort);
  fit_seconds["gamma_gamma"] = Round3(watch.Lap());
  if (g) {
    f.gamma_gamma = *g;
    if (!g->warning.empty()) f.warnings.push_back(json::string("Gamma-Gamma: " + g->warning));
    if (!g->independence_plausible) {
      f.warnings.push_back(
          json::string("Gamma-Gamma: frequency and spend are correlated (r = " +
                       std::to_string(g->frequency_spend_correlation) +
                       "); the model assumes independence, so expected spend is less reliable"));
    }
  } else {
    f.warnings.push_back(json::string("Gamma-Gamma not fitted: " + g.error().message()));
  }
  if (kind == RepeatModelKind::kBgNbd && f.bgnbd) {
    if (auto m = an::BgNbdModel::Create(f.bgnbd->params))
      f.chosen = std::make_unique<an::BgNbdModel>(*m);
  } else if (kind == RepeatModelKind::kParetoNbd && f.paretonbd) {
    if (auto m = an::ParetoNbdModel::Create(f.paretonbd->params))
      f.chosen = std::make_unique<an::ParetoNbdModel>(*m);
  }
  return f;
}

// How a model's maximum likelihood was found, for fit_diagnostics.
const char* FitMethod(bool gradient_free_fallback) {
  return gradient_free_fallback ? "nelder-mead (l-bfgs stopped early)" : "l-bfgs";
}

json::object ModelsJson(const ModelFits& f) {
  json::object o;
  if (f.bgnbd) {
    const auto& p = f.bgnbd->params;
    o["bgnbd"] = json::object{{"r", Num(p.r)},
                              {"alpha", Num(p.alpha)},
                              {"a", Num(p.a)},
                              {"b", Num(p.b)},
                              {"log_likelihood", Num(f.bgnbd->log_likelihood)}};
  } else {
    o["bgnbd"] = nullptr;
  }
  if (f.paretonbd) {
    const auto& p = f.paretonbd->params;
    o["paretonbd"] = json::object{{"r", Num(p.r)},
                                  {"alpha", Num(p.alpha)},
                                  {"s", Num(p.s)},
                                  {"beta", Num(p.beta)},
                                  {"log_likelihood", Num(f.paretonbd->log_likelihood)}};
  } else {
    o["paretonbd"] = nullptr;
  }
  if (f.gamma_gamma) {
    const auto& g = *f.gamma_gamma;
    o["gamma_gamma"] = json::object{
        {"p", Num(g.params.p)}, {"q", Num(g.params.q)}, {"gamma", Num(g.params.gamma)}};
    o["gamma_gamma_check"] =
        json::object{{"log_likelihood", Num(g.log_likelihood)},
                     {"customers_used", g.customers_used},
                     {"customers_excluded", g.customers_excluded},
                     {"frequency_spend_correlation", Num(g.frequency_spend_correlation)},
                     {"independence_plausible", g.independence_plausible}};
  } else {
    o["gamma_gamma"] = nullptr;
    o["gamma_gamma_check"] = nullptr;
  }
  json::object diag;
  if (f.bgnbd)
    diag["bgnbd"] = json::object{{"customers", f.bgnbd->customers},
                                 {"groups", f.bgnbd->groups},
                                 {"evaluations", f.bgnbd->evaluations},
                                 {"method", FitMethod(f.bgnbd->gradient_free_fallback)}};
  if (f.paretonbd)
    diag["paretonbd"] = json::object{{"customers", f.paretonbd->customers},
                                     {"groups", f.paretonbd->groups},
                                     {"evaluations", f.paretonbd->evaluations},
                                     {"method", FitMethod(f.paretonbd->gradient_free_fallback)},
                                     {"boundary", f.paretonbd->boundary},
                                     {"no_dropout", f.paretonbd->no_dropout}};
  o["fit_diagnostics"] = std::move(diag);
  return o;
}

json::object HoldoutJson(const an::HoldoutReport& h) {
  json::array buckets;
  for (const auto& b : h.buckets) {
    buckets.push_back(json::object{{"frequency", b.frequency},
                                   {"open_ended", b.open_ended},
                                   {"customers", b.customers},
                                   {"actual_mean", Num(b.actual_mean)},
                                   {"expected_mean", Num(b.expected_mean)}});
  }
  return json::object{{"holdout_length", Num(h.holdout_length)},
                      {"buckets", std::move(buckets)},
                      {"actual_total", Num(h.actual_total)},
                      {"expected_total", Num(h.expected_total)},
                      {"mean_absolute_error", Num(h.mean_absolute_error)}};
}

// Everything computed in memory; persisted afterwards.
struct Computed {
  std::vector<store::CustomerScore> scores;  // one per customer, by id
  json::object result;
  json::object inputs;
};

Result<Computed> Compute(const Loaded& in, const ValueRunParams& p, RunContext& ctx,
                         std::int64_t run_id, Millis now, json::object& timings) {
  Stopwatch watch;
  const Millis as_of_day = DayStart(p.as_of);
  const Millis calibration_day = DayStart(p.calibration_end.value_or(p.as_of));
  if (in.transactions.empty()) {
    return Fail(Error::FailedPrecondition("the ledger has no purchases up to " +
                                          FormatDate(p.as_of) + ": there is nothing to analyse"));
  }
  Computed out;
  json::array warnings;

  // Summaries: the fit cohort (calibration) and, with a holdout, the scoring cohort (all
  // purchases to as_of), so that stored scores are current.
  an::SummaryOptions fit_opts;
  fit_opts.calibration_end = calibration_day;
  fit_opts.unit = p.unit;
  std::optional<Millis> holdout_end;
  if (p.calibration_end) {
    const Millis end = p.as_of_explicit ? as_of_day : DayStart(in.last);
    if (end > calibration_day) holdout_end = end;
  }
  fit_opts.observation_end = holdout_end;
  auto fit_summary = an::SummarizeTransactions(in.transactions, fit_opts);
  if (!fit_summary) {
    return Fail(Error::FailedPrecondition("no customer purchased by the calibration end " +
                                          FormatDate(calibration_day) + ": " +
                                          fit_summary.error().message()));
  }
  an::CohortSummary score_summary;
  if (p.calibration_end && calibration_day < as_of_day) {
    an::SummaryOptions so;
    so.calibration_end = as_of_day;
    so.unit = p.unit;
    ASSIGN_OR_RETURN(score_summary, an::SummarizeTransactions(in.transactions, so));
  } else {
    score_summary = *fit_summary;
  }
  timings["summarise_seconds"] = Round3(watch.Lap());
  RETURN_IF_ERROR(ctx.Step(0.25, "fit"));

  // Repeat-purchase models and spend.
  json::object fit_seconds;
  ModelFits fits = FitModels(fit_summary->customers, p.model, fit_seconds);
  timings["fit_seconds"] = std::move(fit_seconds);
  watch.Lap();
  for (auto& w : fits.warnings) warnings.push_back(w);
  std::vector<an::CustomerClv> clv;
  std::vector<double> expected_90d;
  if (fits.chosen && fits.gamma_gamma) {
    an::ProbabilisticClvOptions co;
    co.horizon_months = p.horizon_months;
    co.monthly_discount_rate = p.monthly_discount_rate;
    auto c = an::ComputeProbabilisticClv(*fits.chosen, fits.gamma_gamma->params,
                                         score_summary.customers, p.unit, co);
    if (c) {
      clv = std::move(*c);
    } else {
      warnings.push_back(json::string("probabilistic CLV not computed: " + c.error().message()));
    }
  } else if (!fits.chosen) {
    warnings.push_back(json::string(
        "no P(alive), expected purchases or probabilistic CLV: the chosen model is not fitted"));
  }
  if (fits.chosen) {
    const double t90 = 90.0 / an::DaysPerUnit(p.unit);
    expected_90d.assign(score_summary.customers.size(), std::nan(""));
    // Once per distinct (x, t_x, T), like the fits and the CLV: customers with identical
    // histories have identical expectations.
    auto groups = an::GroupHistories(score_summary.customers);
    if (groups) {
      const auto& g = *groups;
      std::vector<double> per_group(g.weight.size(), std::nan(""));
      an::ParallelFor(per_group.size(), [&](std::size_t b, std::size_t e) {
        for (std::size_t k = b; k < e; ++k) {
          auto v = fits.chosen->ExpectedPurchases(
              t90, g.xs[g.x_index[k]], g.recencies[g.recency_index[k]], g.ages[g.age_index[k]]);
          if (v) per_group[k] = *v;
        }
      });
      for (std::size_t i = 0; i < expected_90d.size(); ++i)
        expected_90d[i] = per_group[g.group_of[i]];
    }
  }
  std::optional<an::HoldoutReport> holdout;
  if (fits.chosen && holdout_end) {
    auto h = an::CompareHoldout(*fits.chosen, fit_summary->customers, fit_summary->holdout_length);
    if (h) {
      holdout = *h;
    } else {
      warnings.push_back(json::string("holdout report not computed: " + h.error().message()));
    }
  }
  RETURN_IF_ERROR(ctx.Step(0.55, "score"));

  // RFM, profitability, ABC, discounted CLV over every customer. Results are joined to the
  // customers by position (IdPositions::Align), not through std::maps; the discounted-CLV
  // chain runs on a second thread meanwhile (both only read the loaded data).
  std::vector<std::int64_t> ids;
  ids.reserve(in.customers.size());
  for (const auto& c : in.customers) ids.push_back(c.id);
  const IdPositions positions(ids);
  const an::AccountSizeOptions size_opts;
  // The score rows (a million of about 430 bytes) are allocated on a third thread meanwhile:
  // the kernel zeroing that fresh memory on first touch is a large part of this phase, and
  // would otherwise run on the busier first thread, serially before the assembly.
  auto score_rows = std::async(std::launch::async, [n = in.customers.size()] {
    return std::vector<store::CustomerScore>(n);
  });
  auto discounted = std::async(std::launch::async, [&]() -> Result<std::vector<an::DiscountedClv>> {
    ASSIGN_OR_RETURN(auto histories, an::BuildIntervalHistories(in.transactions, p.as_of,
                                                                an::IntervalKind::kMonth));
    if (histories.empty()) return std::vector<an::DiscountedClv>();
    std::vector<std::string> peers;
    peers.reserve(histories.size());
    for (const auto& h : histories) {
      const auto pos = positions.Find(h.customer_id);
      const auto* f = pos != IdPositions::kNone ? &in.customers[pos] : nullptr;
      const auto size = f ? an::ClassifyAccountSize(f->facts, size_opts) : an::AccountSize::kSmall;
      peers.push_back((f ? f->facts.sector : std::string()) + "|" +
                      std::string(an::AccountSizeName(size)));
    }
    ASSIGN_OR_RETURN(auto gaps, an::PeerPotentialGaps(histories, peers));
    an::DiscountedClvOptions dopts;
    dopts.discount_rate = p.monthly_discount_rate;
    for (std::size_t i = 0; i < histories.size(); ++i)
      histories[i].potential_per_interval = gaps[i];
    return an::ComputeDiscountedClvs(histories, dopts);
  });
  an::RfmOptions ro;
  ro.reference_date = p.as_of;
  auto rfm = an::ComputeRfm(in.transactions, ids, ro);
  auto activity = rfm ? an::ActivityFromTransactions(in.transactions)
                      : Result<std::vector<an::CustomerActivity>>(Fail(rfm.error()));
  auto dclv_result = discounted.get();  // joined before any early return
  if (!rfm) return Fail(rfm.error());
  if (!activity) return Fail(activity.error());
  for (auto& a : *activity) {
    if (auto it = in.events.find(a.customer_id); it != in.events.end()) {
      a.cases = it->second.cases;
      a.returns = it->second.returns;
      a.deliveries = it->second.deliveries;
    }
  }
  ASSIGN_OR_RETURN(auto profits, an::ComputeProfitability(*activity, p.cost_to_serve));
  const auto profit_at = positions.Align(profits);
  std::vector<an::CustomerValue> values;
  values.reserve(in.customers.size());
  for (std::size_t i = 0; i < in.customers.size(); ++i) {
    double v = 0;
    if (const auto k = profit_at[i]; k >= 0)
      v = p.rank_by_profit ? profits[static_cast<std::size_t>(k)].profit
                           : profits[static_cast<std::size_t>(k)].revenue;
    values.push_back({in.customers[i].id, v});
  }
  ASSIGN_OR_RETURN(auto abc, an::ClassifyAbc(values, an::AbcOptions{}));
  if (!dclv_result) return Fail(dclv_result.error());
  const auto& dclv = *dclv_result;
  const auto abc_at = positions.Align(abc.customers);
  const auto rfm_at = positions.Align(*rfm);
  const auto dclv_at = positions.Align(dclv);
  const auto score_at = positions.Align(score_summary.customers);
  RETURN_IF_ERROR(ctx.Step(0.7, "classify"));

  // Assemble the per-customer scores (each thread fills its own slice), then the value
  // classes.
  out.scores = score_rows.get();
  std::vector<an::ValueInputs> vin(in.customers.size());
  an::ParallelFor(in.customers.size(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const auto& c = in.customers[i];
      store::CustomerScore& s = out.scores[i];
      s.customer_id = c.id;
      s.run_id = run_id;
      s.computed_at = now;
      if (const auto k = rfm_at[i]; k >= 0) {
        const auto& r = (*rfm)[static_cast<std::size_t>(k)];
        s.recency_days = r.recency_days;
        s.frequency = r.frequency;
        s.monetary = r.monetary;
        if (r.r_score > 0) {
          s.rfm_r = r.r_score;
          s.rfm_f = r.f_score;
          s.rfm_m = r.m_score;
        }
        s.rfm_cell = r.cell;
      }
      if (const auto k = abc_at[i]; k >= 0) {
        const auto& a = abc.customers[static_cast<std::size_t>(k)];
        s.abc_class = std::string(an::AbcClassName(a.abc_class));
        s.abc_rank = a.rank;
      }
      if (const auto k = profit_at[i]; k >= 0)
        s.profit = profits[static_cast<std::size_t>(k)].profit;
      if (const auto k = dclv_at[i]; k >= 0) {
        const auto& d = dclv[static_cast<std::size_t>(k)];
        s.clv_discounted = d.total;
        s.clv_historical = d.historical_value;
        s.clv_future = d.future_value;
        s.clv_potential = d.potential_value;
      }
      if (const auto k = score_at[i]; k >= 0) {
        const auto j = static_cast<std::size_t>(k);
        if (!clv.empty()) {
          const auto& x = clv[j];
          s.p_alive = x.probability_alive;
          s.expected_spend = x.expected_spend;
          s.clv = x.clv;
        } else if (fits.chosen) {
          const auto& cs = score_summary.customers[j];
          if (auto pa = fits.chosen->ProbabilityAlive(cs.frequency, cs.recency, cs.age))
            s.p_alive = *pa;
        }
        if (!expected_90d.empty() && std::isfinite(expected_90d[j]))
          s.expected_purchases_90d = expected_90d[j];
      }
      s.account_size =
          std::string(an::AccountSizeName(an::ClassifyAccountSize(c.facts, size_opts)));
      vin[i] = {c.id, s.clv_historical.value_or(0.0), s.clv ? *s.clv : s.clv_future.value_or(0.0),
                s.clv_potential.value_or(0.0)};
    }
  });
  ASSIGN_OR_RETURN(auto classes, an::ClassifyValue(vin, an::ValueClassOptions{}));
  for (std::size_t i = 0; i < classes.size(); ++i)
    out.scores[i].value_class = std::string(an::ValueClassName(classes[i]));

  // Aggregates for the summary.
  json::object abc_counts{{"A", 0}, {"B", 0}, {"C", 0}};
  json::object value_counts{{"key", 0}, {"potential", 0}, {"general", 0}};
  json::object size_counts{{"large", 0}, {"small", 0}};
  std::int64_t grid_n[5][5] = {};
  double grid_m[5][5] = {};
  std::vector<double> clv_values, p_alive_values;
  double clv_total = 0, dclv_total = 0, profit_total = 0;
  for (const auto& s : out.scores) {
    if (s.abc_class) abc_counts[*s.abc_class] = abc_counts[*s.abc_class].as_int64() + 1;
    if (s.value_class) value_counts[*s.value_class] = value_counts[*s.value_class].as_int64() + 1;
    if (s.account_size) size_counts[*s.account_size] = size_counts[*s.account_size].as_int64() + 1;
    if (s.rfm_r && s.rfm_f) {
      const auto r = static_cast<std::size_t>(*s.rfm_r - 1),
                 f = static_cast<std::size_t>(*s.rfm_f - 1);
      ++grid_n[r][f];
      grid_m[r][f] += s.monetary.value_or(0.0);
    }
    if (s.clv) {
      clv_values.push_back(*s.clv);
      clv_total += *s.clv;
    }
    if (s.p_alive) p_alive_values.push_back(*s.p_alive);
    dclv_total += s.clv_discounted.value_or(0.0);
    profit_total += s.profit.value_or(0.0);
  }
  json::array grid;
  for (std::size_t r = 0; r < 5; ++r)
    for (std::size_t f = 0; f < 5; ++f)
      grid.push_back(json::object{
          {"r", r + 1},
          {"f", f + 1},
          {"customers", grid_n[r][f]},
          {"mean_monetary",
           grid_n[r][f] ? Num(grid_m[r][f] / static_cast<double>(grid_n[r][f])) : nullptr}});
  json::array bars;
  for (const auto& b : abc.chart)
    bars.push_back(json::object{{"first_rank", b.first_rank},
                                {"last_rank", b.last_rank},
                                {"value", Num(b.value)},
                                {"share", Num(b.share)},
                                {"cumulative_share", Num(b.cumulative_share)},
                                {"cumulative_customers", Num(b.cumulative_customers)}});
  json::object abc_classes;
  for (int k = 0; k < 3; ++k) {
    const auto& t = abc.totals[k];
    abc_classes[an::AbcClassName(static_cast<an::AbcClass>(k))] =
        json::object{{"customers", t.customers}, {"value", Num(t.value)}, {"share", Num(t.share)}};
  }
  double clv_hi = 0;
  if (!clv_values.empty()) {
    // The top bin is open-ended at the 99th percentile so that a few giants do not
    // squeeze everyone else into the first bin.
    std::vector<double> sorted = clv_values;
    std::sort(sorted.begin(), sorted.end());
    clv_hi = sorted[static_cast<std::size_t>(0.99 * static_cast<double>(sorted.size() - 1))];
    if (!(clv_hi > 0)) clv_hi = sorted.back() > 0 ? sorted.back() : 1.0;
  }
  out.result = ModelsJson(fits);
  out.result["model"] = p.model == RepeatModelKind::kBgNbd ? "bgnbd" : "paretonbd";
  out.result["unit"] = p.unit == an::TimeUnit::kDay    ? "day"
                       : p.unit == an::TimeUnit::kWeek ? "week"
                                                       : "month";
  out.result["currency"] = in.currency;
  out.result["counts"] = json::object{{"customers", static_cast<std::int64_t>(out.scores.size())},
                                      {"scored_by_model", static_cast<std::int64_t>(clv.size())},
                                      {"abc", std::move(abc_counts)},
                                      {"value_class", std::move(value_counts)},
                                      {"account_size", std::move(size_counts)}};
  out.result["abc"] = json::object{{"rank_by", p.rank_by_profit ? "profit" : "revenue"},
                                   {"total_positive_value", Num(abc.total_positive_value)},
                                   {"classes", std::move(abc_classes)},
                                   {"pareto_chart", std::move(bars)}};
  out.result["rfm_grid"] = std::move(grid);
  out.result["clv_histogram"] =
      clv_values.empty() ? json::array() : Histogram(clv_values, 0, clv_hi, 20);
  out.result["p_alive_histogram"] =
      p_alive_values.empty() ? json::array() : Histogram(p_alive_values, 0, 1, 10);
  out.result["totals"] = json::object{
      {"clv", Num(clv_total)}, {"clv_discounted", Num(dclv_total)}, {"profit", Num(profit_total)}};
  out.result["holdout"] = holdout ? json::value(HoldoutJson(*holdout)) : json::value(nullptr);
  out.result["warnings"] = std::move(warnings);
  timings["score_seconds"] = Round3(watch.Lap());

  std::int64_t repeat = 0;
  for (const auto& c : fit_summary->customers) repeat += c.frequency > 0 ? 1 : 0;
  out.inputs = json::object{
      {"customers", static_cast<std::int64_t>(in.customers.size())},
      {"customers_with_purchases", static_cast<std::int64_t>(activity->size())},
      {"transactions", static_cast<std::int64_t>(in.transactions.size())},
      {"first_purchase_at", FormatTime(in.first)},
      {"last_purchase_at", FormatTime(in.last)},
      {"fit_customers", static_cast<std::int64_t>(fit_summary->customers.size())},
      {"fit_repeat_customers", repeat},
      {"calibration_end", FormatDate(calibration_day)},
      {"holdout_end", holdout_end ? json::value(FormatDate(*holdout_end)) : json::value(nullptr)}};
  return out;
}

// Inserts the scores (in customer order) into the swap's staging table.
Status InsertStaged(const Env& env, std::int64_t run_id, const store::TableSwap& swap,
                    const std::vector<store::CustomerScore>& scores, RunContext& ctx) {
  std::size_t rows = kFirstScoreRows;
  for (std::size_t begin = 0; begin < scores.size();) {
    const std::size_t end = std::min(scores.size(), begin + rows);
    const double fraction = kWriteProgress + (kIndexProgress - kWriteProgress) *
                                                 static_cast<double>(end) /
                                                 static_cast<double>(scores.size());
    RETURN_IF_ERROR(ctx.Check(fraction, "write"));
    Stopwatch watch;
    RETURN_IF_ERROR(env.db.Write([&](store::Tx& tx) -> Status {
      RETURN_IF_ERROR(store::InsertScores(
          tx, swap.staging(),
          std::span<const store::CustomerScore>(scores.data() + begin, end - begin)));
      return store::SetRunProgress(tx, run_id, fraction);
    }));
    const double seconds = std::max(watch.Lap(), 1e-3);
    const double next = static_cast<double>(end - begin) * kWriteLockSeconds / seconds;
    rows = static_cast<std::size_t>(
        std::clamp(next, static_cast<double>(kMinScoreRows), static_cast<double>(kMaxScoreRows)));
    begin = end;
  }
  return Ok();
}

// Replaces customer_scores by these scores (sorted by customer id): stale rows of customers
// the run did not score go with the old table. `steps` receives each step's wall and CPU
// seconds ({"insert": {"wall": …, "cpu": …}, "index": …, "swap": …}).
Status Persist(const Env& env, std::int64_t run_id, const std::vector<store::CustomerScore>& scores,
               RunContext& ctx, json::object& steps) {
  store::TableSwap swap(env.db, "customer_scores");
  Stopwatch watch;
  double cpu = ThreadCpuSeconds();
  auto step = [&](const char* name) {
    const double now = ThreadCpuSeconds();
    steps[name] = json::object{{"wall", Round3(watch.Lap())}, {"cpu", Round3(now - cpu)}};
    cpu = now;
  };
  Status done = swap.Prepare();
  if (done) done = InsertStaged(env, run_id, swap, scores, ctx);
  step("insert");
  if (done) {
    done = swap.BuildIndexes([&](std::size_t i, std::size_t n) {
      return ctx.Check(kIndexProgress + (kSwapProgress - kIndexProgress) * static_cast<double>(i) /
                                            static_cast<double>(n),
                       "write");
    });
  }
  step("index");
  if (done) done = ctx.Check(kSwapProgress, "write");
  if (done) done = swap.Commit();
  step("swap");
  if (!done) (void)swap.Abandon();  // best effort: the next run drops a leftover anyway
  return done;
}

}  // namespace

Result<json::object> ExecuteValueRun(const Env& env, std::int64_t run_id, const ValueRunParams& p,
                                     const RunProgressFn& progress,
                                     const std::atomic<bool>* cancel) {
  RETURN_IF_ERROR(env.db.Write(
      [&](store::Tx& tx) { return store::MarkRunStarted(tx, run_id, env.clock.Now()); }));
  RunContext ctx(env, run_id, progress, cancel);
  std::optional<std::string> inputs;
  // Phase timings (wall-clock seconds) and peak memory, stored with the result: load (read
  // the customers and the ledger), summarise (per-customer x, t_x, T, spend), fit (each
  // model), score (RFM, ABC, profitability, both CLVs, classes), write (persist the scores).
  Stopwatch total, phase;
  json::object timings;
  auto body = [&]() -> Result<json::object> {
    RETURN_IF_ERROR(ctx.Step(0.0, "load"));
    ASSIGN_OR_RETURN(Loaded loaded, Load(env, DayStart(p.as_of) + kMillisPerDay));
    timings["load_seconds"] = Round3(phase.Lap());
    RETURN_IF_ERROR(ctx.Step(0.15, "summarise"));
    ASSIGN_OR_RETURN(Computed computed, Compute(loaded, p, ctx, run_id, env.clock.Now(), timings));
    phase.Lap();
    inputs = json::serialize(computed.inputs);
    loaded = Loaded{};  // the ledger copy is no longer needed while writing
    RETURN_IF_ERROR(ctx.Step(0.75, "write"));
    json::object write_steps;
    const double write_cpu = ThreadCpuSeconds();
    RETURN_IF_ERROR(Persist(env, run_id, computed.scores, ctx, write_steps));
    timings["write_seconds"] = Round3(phase.Lap());
    timings["write_cpu_seconds"] = Round3(ThreadCpuSeconds() - write_cpu);
    timings["write_steps"] = std::move(write_steps);
    timings["total_seconds"] = Round3(total.Lap());
    timings["peak_rss_mb"] = std::round(PeakRssMb() * 10.0) / 10.0;
    computed.result["timings"] = timings;
    computed.result["inputs"] = std::move(computed.inputs);
    return std::move(computed.result);
  };
  auto result = body();
  const Millis at = env.clock.Now();
  if (!result) {
    const std::string message = result.error().message();
    RETURN_IF_ERROR(env.db.Write([&](store::Tx& tx) {
      return store::FinishRun(tx, run_id, "failed", inputs, std::nullopt, message, at);
    }));
    return Fail(result.error());
  }
  json::object stored = *result;
  stored.erase("inputs");
  RETURN_IF_ERROR(env.db.Write([&](store::Tx& tx) {
    return store::FinishRun(tx, run_id, "succeeded", inputs, json::serialize(stored), std::nullopt,
                            at);
  }));
  if (progress) progress(1.0, "done");
  return result;
}

}  // namespace chaincrm::services
