// `chaincrm analyze service`: the hourly volume forecast with the agents needed each hour;
// `chaincrm analyze staffing`: the Erlang C answer for one interval.

#include <cmath>
#include <cstdio>

#include "analytics/erlang_c.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "services/service_forecast.h"

namespace chaincrm::cli {

namespace json = boost::json;

namespace {

struct StaffingOptions {
  double calls_per_hour = -1, aht_seconds = 0, target_level = 0.8, target_seconds = 20;
  bool json = false;
};

CLI::App* g_service = nullptr;
CLI::App* g_staffing = nullptr;
services::ForecastParams g_forecast;
bool g_forecast_json = false;
StaffingOptions g_staffing_options;

int Report(const Error& e) {
  std::fprintf(stderr, "chaincrm: %s\n", e.message().c_str());
  for (const auto& f : e.fields())
    std::fprintf(stderr, "  %s: %s\n", f.field.c_str(), f.message.c_str());
  return e.code() == Code::kInvalidArgument ? 2 : 1;
}

double Num(const json::value& v) { return v.is_number() ? v.to_number<double>() : std::nan(""); }

void PrintForecast(const json::object& r) {
  const auto& h = r.at("history").as_object();
  const auto& m = r.at("model").as_object();
  std::printf("%s forecast from %lld %s in %lld week(s) of history (%s .. %s)\n",
              json::value_to<std::string>(r.at("source")).c_str(),
              static_cast<long long>(h.at("observations").as_int64()),
              json::value_to<std::string>(r.at("source")).c_str(),
              static_cast<long long>(h.at("weeks").as_int64()),
              json::value_to<std::string>(h.at("from")).c_str(),
              json::value_to<std::string>(h.at("to")).c_str());
  std::printf("model: %s", json::value_to<std::string>(m.at("method")).c_str());
  if (m.contains("alpha"))
    std::printf(" alpha=%.4f beta=%.4f gamma=%.4f", Num(m.at("alpha")), Num(m.at("beta")),
                Num(m.at("gamma")));
  std::printf("\n");
  if (const auto& a = r.at("accuracy"); a.is_object()) {
    std::printf("holdout (last week): MAPE %.1f %%, MASE %.3f, RMSE %.3f\n",
                100 * Num(a.as_object().at("mape")), Num(a.as_object().at("mase")),
                Num(a.as_object().at("rmse")));
  }
  const auto& p = r.at("parameters").as_object();
  std::printf("staffing target: %.0f %% answered within %.0f s, AHT %.0f s\n",
              100 * Num(p.at("target_level")), Num(p.at("target_seconds")),
              Num(p.at("aht_seconds")));
  for (const auto& wv : r.at("weeks").as_array()) {
    const auto& w = wv.as_object();
    std::printf("week from %s: %.1f contacts, peak %lld agents\n",
                json::value_to<std::string>(w.at("start")).c_str(), Num(w.at("total_volume")),
                static_cast<long long>(w.at("peak_agents").as_int64()));
  }
  // Agents for the first week by weekday (rows) and UTC hour (columns).
  if (!r.at("weeks").as_array().empty()) {
    int agents[7][24] = {};
    for (const auto& hv : r.at("weeks").as_array().front().as_object().at("hours").as_array()) {
      const auto how = hv.as_object().at("hour_of_week").as_int64();
      agents[how / 24][how % 24] = static_cast<int>(hv.as_object().at("agents").as_int64());
    }
    static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    std::printf("agents needed (UTC hour 0..23):\n");
    for (int d = 0; d < 7; ++d) {
      std::printf("  %s", kDays[d]);
      for (int hr = 0; hr < 24; ++hr) std::printf(" %2d", agents[d][hr]);
      std::printf("\n");
    }
  }
  for (const auto& w : r.at("warnings").as_array())
    std::printf("warning: %s\n", json::value_to<std::string>(w).c_str());
}

int RunForecast(const services::Env& env) {
  Progress progress("service forecast");
  auto r = services::ForecastServiceLoad(
      env, g_forecast, [&](int done, int total) { progress.Update(done, total); });
  progress.Finish();
  if (!r) return Report(r.error());
  if (g_forecast_json) {
    std::printf("%s\n", json::serialize(*r).c_str());
  } else {
    PrintForecast(*r);
  }
  return 0;
}

int RunStaffing() {
  const StaffingOptions& o = g_staffing_options;
  auto r = analytics::RequiredAgents(
      {o.calls_per_hour, o.aht_seconds, o.target_seconds, o.target_level});
  if (!r) return Report(r.error());
  if (o.json) {
    const json::object out{{"agents", r->agents},
                           {"service_level", r->service_level},
                           {"occupancy", r->occupancy},
                           {"probability_wait", r->probability_wait},
                           {"average_speed_of_answer_seconds", r->average_speed_of_answer},
                           {"traffic_erlangs", r->traffic_erlangs}};
    std::printf("%s\n", json::serialize(out).c_str());
  } else {
    std::printf(
        "%d agents: service level %.1f %% within %.0f s, P(wait) %.1f %%, ASA %.1f s, occupancy "
        "%.1f %% (traffic %.2f erlangs)\n",
        r->agents, 100 * r->service_level, o.target_seconds, 100 * r->probability_wait,
        r->average_speed_of_answer, 100 * r->occupancy, r->traffic_erlangs);
  }
  return 0;
}

}  // namespace

void AddServiceCommands(CLI::App& app, std::string& db_url) {
  CLI::App* analyze = app.get_subcommand("analyze");
  g_service = analyze->add_subcommand(
      "service", "forecast case or call volume per hour of the week and the agents needed");
  g_service->add_option("--db", db_url, "sqlite:PATH or postgresql://… (env CHAINCRM_DB)");
  auto& f = g_forecast;
  g_service->add_option("--source", f.source, "what to forecast")
      ->check(CLI::IsMember({"cases", "calls"}))
      ->capture_default_str();
  g_service->add_option("--weeks", f.weeks, "weeks to forecast")
      ->check(CLI::Range(1, 12))
      ->capture_default_str();
  g_service->add_option("--history-weeks", f.history_weeks, "weeks of history to fit on (at most)")
      ->check(CLI::Range(3, 104))
      ->capture_default_str();
  g_service->add_option("--target-level", f.target_level, "share answered within the target time")
      ->check(CLI::Range(0.01, 0.999))
      ->capture_default_str();
  g_service->add_option("--target-seconds", f.target_seconds, "target answer time")
      ->check(CLI::Range(0.0, 3600.0))
      ->capture_default_str();
  g_service->add_option("--aht-seconds", f.aht_seconds, "average handle time")
      ->check(CLI::Range(1.0, 86400.0))
      ->capture_default_str();
  g_service->add_flag("--json", g_forecast_json, "print one JSON object instead of text");

  g_staffing = analyze->add_subcommand(
      "staffing", "Erlang C: the fewest agents meeting a service level for one interval");
  auto& s = g_staffing_options;
  g_staffing->add_option("--calls-per-hour", s.calls_per_hour, "arrival rate")->required();
  g_staffing->add_option("--aht-seconds", s.aht_seconds, "average handle time")->required();
  g_staffing->add_option("--target-level", s.target_level, "e.g. 0.8")->capture_default_str();
  g_staffing->add_option("--target-seconds", s.target_seconds, "e.g. 20")->capture_default_str();
  g_staffing->add_option("--db", db_url, "unused (accepted for symmetry)");
  g_staffing->add_flag("--json", s.json,
                       "print {agents, service_level, occupancy, probability_wait}");
}

std::optional<int> RunServiceCommands(const services::Env& env) {
  if (g_staffing && g_staffing->parsed()) return RunStaffing();
  if (g_service && g_service->parsed()) return RunForecast(env);
  return std::nullopt;
}

}  // namespace chaincrm::cli
