// `chaincrm analyze value`: the same value run as POST /api/v1/analysis/runs, executed in
// the foreground with progress on stderr; prints the fitted models and a summary.

#include <cstdio>

#include "cli/commands.h"
#include "cli/progress.h"
#include "services/analysis_service.h"

namespace chaincrm::cli {

namespace json = boost::json;

namespace {

struct ValueOptions {
  std::string as_of, calibration_end, unit = "week", model = "bgnbd", rank_by = "revenue";
  int horizon_months = 12;
  double monthly_discount_rate = 0.01;
  double cost_per_case = 0, cost_per_return = 0, cost_per_delivery = 0;
  bool json = false;
};

CLI::App* g_analyze = nullptr;
CLI::App* g_value = nullptr;
ValueOptions g_value_options;

int Report(const Error& e) {
  std::fprintf(stderr, "chaincrm: %s\n", e.message().c_str());
  for (const auto& f : e.fields())
    std::fprintf(stderr, "  %s: %s\n", f.field.c_str(), f.message.c_str());
  return e.code() == Code::kInvalidArgument ? 2 : 1;
}

double Get(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_number() ? v->to_number<double>() : 0.0;
}

void PrintModel(const json::object& result, const char* key, const char* title,
                std::initializer_list<const char*> params) {
  const auto* m = result.if_contains(key);
  if (!m || !m->is_object()) {
    std::printf("%-12s not fitted (see warnings)\n", title);
    return;
  }
  std::printf("%-12s", title);
  for (const char* p : params) std::printf(" %s=%.4f", p, Get(m->as_object(), p));
  if (m->as_object().contains("log_likelihood"))
    std::printf("  LL=%.2f", Get(m->as_object(), "log_likelihood"));
  std::printf("\n");
}

void PrintHuman(std::int64_t run_id, const json::object& r) {
  const auto& inputs = r.at("inputs").as_object();
  std::printf("value run %lld succeeded (model %s, time unit %s)\n", static_cast<long long>(run_id),
              json::value_to<std::string>(r.at("model")).c_str(),
              json::value_to<std::string>(r.at("unit")).c_str());
  std::printf(
      "inputs: %lld customers, %lld purchase lines, %s .. %s; fit on %lld customers "
      "(%lld repeat buyers) to %s\n",
      static_cast<long long>(inputs.at("customers").as_int64()),
      static_cast<long long>(inputs.at("transactions").as_int64()),
      json::value_to<std::string>(inputs.at("first_purchase_at")).c_str(),
      json::value_to<std::string>(inputs.at("last_purchase_at")).c_str(),
      static_cast<long long>(inputs.at("fit_customers").as_int64()),
      static_cast<long long>(inputs.at("fit_repeat_customers").as_int64()),
      json::value_to<std::string>(inputs.at("calibration_end")).c_str());
  PrintModel(r, "bgnbd", "BG/NBD", {"r", "alpha", "a", "b"});
  PrintModel(r, "paretonbd", "Pareto/NBD", {"r", "alpha", "s", "beta"});
  PrintModel(r, "gamma_gamma", "Gamma-Gamma", {"p", "q", "gamma"});
  const auto& counts = r.at("counts").as_object();
  const auto& abc = counts.at("abc").as_object();
  const auto& vc = counts.at("value_class").as_object();
  std::printf("ABC: A %lld, B %lld, C %lld   value class: key %lld, potential %lld, general %lld\n",
              static_cast<long long>(abc.at("A").as_int64()),
              static_cast<long long>(abc.at("B").as_int64()),
              static_cast<long long>(abc.at("C").as_int64()),
              static_cast<long long>(vc.at("key").as_int64()),
              static_cast<long long>(vc.at("potential").as_int64()),
              static_cast<long long>(vc.at("general").as_int64()));
  const auto& totals = r.at("totals").as_object();
  std::printf("total CLV (%d-month horizon, %s): %.2f; discounted-profit CLV: %.2f\n",
              g_value_options.horizon_months, json::value_to<std::string>(r.at("currency")).c_str(),
              Get(totals, "clv"), Get(totals, "clv_discounted"));
  if (const auto& h = r.at("holdout"); h.is_object()) {
    std::printf("holdout: %.0f repeat purchases expected, %.0f actual (MAE per customer %.3f)\n",
                Get(h.as_object(), "expected_total"), Get(h.as_object(), "actual_total"),
                Get(h.as_object(), "mean_absolute_error"));
  }
  for (const auto& w : r.at("warnings").as_array())
    std::printf("warning: %s\n", json::value_to<std::string>(w).c_str());
  if (const auto* t = r.if_contains("timings"); t && t->is_object()) {
    const auto& o = t->as_object();
    double fit = 0;
    std::string fits;
    if (const auto* f = o.if_contains("fit_seconds"); f && f->is_object()) {
      for (const auto& [name, v] : f->as_object()) {
        fit += v.to_number<double>();
        char buf[64];
        std::snprintf(buf, sizeof buf, "%s%s %.3f", fits.empty() ? "" : ", ",
                      std::string(name).c_str(), v.to_number<double>());
        fits += buf;
      }
    }
    std::printf(
        "timings: load %.3f s, summarise %.3f s, fit %.3f s (%s), score %.3f s, write %.3f s, "
        "total %.3f s; peak memory %.1f MB\n",
        Get(o, "load_seconds"), Get(o, "summarise_seconds"), fit, fits.c_str(),
        Get(o, "score_seconds"), Get(o, "write_seconds"), Get(o, "total_seconds"),
        Get(o, "peak_rss_mb"));
  }
}

int RunValue(const services::Env& env) {
  const ValueOptions& o = g_value_options;
  json::object body{{"kind", "value"},
                    {"unit", o.unit},
                    {"model", o.model},
                    {"rank_by", o.rank_by},
                    {"horizon_months", o.horizon_months},
                    {"monthly_discount_rate", o.monthly_discount_rate},
                    {"cost_per_case", o.cost_per_case},
                    {"cost_per_return", o.cost_per_return},
                    {"cost_per_delivery", o.cost_per_delivery}};
  if (!o.as_of.empty()) body["as_of"] = o.as_of;
  if (!o.calibration_end.empty()) body["calibration_end"] = o.calibration_end;
  auto params = services::ParseValueRunParams(body, env.clock.Now());
  if (!params) return Report(params.error());
  const services::Actor actor = services::Actor::System("cli");
  auto id = services::QueueValueRun(env, actor, *params);
  if (!id) return Report(id.error());
  Progress progress("value analysis");
  auto result = services::ExecuteValueRun(env, *id, *params, [&](double f, std::string_view) {
    progress.Update(static_cast<std::int64_t>(f * 1000), 1000);
  });
  progress.Finish();
  if (!result) {
    std::fprintf(stderr, "value run %lld failed\n", static_cast<long long>(*id));
    return Report(result.error());
  }
  if (o.json) {
    json::object out{{"run_id", *id},
                     {"status", "succeeded"},
                     {"parameters", services::ValueRunParamsToJson(*params)}};
    for (auto& [k, v] : *result) out[k] = v;
    std::printf("%s\n", json::serialize(out).c_str());
  } else {
    PrintHuman(*id, *result);
  }
  return 0;
}

}  // namespace

void AddAnalyzeCommands(CLI::App& app, std::string& db_url) {
  g_analyze = app.add_subcommand("analyze", "run analyses (customer value)");
  g_analyze->require_subcommand(1);
  g_value = g_analyze->add_subcommand(
      "value", "RFM, ABC, profitability, CLV (discounted and BG/NBD / Pareto/NBD), classes");
  auto& o = g_value_options;
  for (CLI::App* cmd : {g_analyze, g_value})
    cmd->add_option("--db", db_url, "sqlite:PATH or postgresql://… (env CHAINCRM_DB)");
  g_value->add_option("--as-of", o.as_of, "reference date (default: now); later purchases ignored");
  g_value->add_option("--calibration-end", o.calibration_end,
                      "fit the models on purchases up to this date (YYYY-MM-DD); the rest is "
                      "the holdout");
  g_value->add_option("--unit", o.unit, "time unit of the models")
      ->check(CLI::IsMember({"day", "week", "month"}))
      ->capture_default_str();
  g_value->add_option("--model", o.model, "model behind P(alive), expected purchases and CLV")
      ->check(CLI::IsMember({"bgnbd", "paretonbd"}))
      ->capture_default_str();
  g_value->add_option("--rank-by", o.rank_by, "ABC ranking value")
      ->check(CLI::IsMember({"revenue", "profit"}))
      ->capture_default_str();
  g_value->add_option("--horizon-months", o.horizon_months, "CLV horizon")
      ->check(CLI::Range(1, 120))
      ->capture_default_str();
  g_value->add_option("--monthly-discount-rate", o.monthly_discount_rate, "CLV discount rate")
      ->capture_default_str();
  g_value->add_option("--cost-per-case", o.cost_per_case, "cost to serve per service case");
  g_value->add_option("--cost-per-return", o.cost_per_return, "cost to serve per return");
  g_value->add_option("--cost-per-delivery", o.cost_per_delivery, "cost to serve per delivery");
  g_value->add_flag("--json", o.json, "print one JSON object instead of text");
}

int RunAnalyzeCommands(const services::Env& env) {
  if (g_value && g_value->parsed()) return RunValue(env);
  return 1;
}

}  // namespace chaincrm::cli
