// `chaincrm report perfect-order`: the Perfect Order measures over orders placed in a
// period (the same computation as GET /api/v1/reports/perfect-order).

#include <cstdio>

#include "cli/commands.h"
#include "services/perfect_order_report.h"

namespace chaincrm::cli {

namespace json = boost::json;

namespace {

struct PerfectOrderOptions {
  std::string from, to;
  bool json = false;
};

CLI::App* g_report = nullptr;
CLI::App* g_perfect = nullptr;
PerfectOrderOptions g_options;

int ReportError(const Error& e) {
  std::fprintf(stderr, "chaincrm: %s\n", e.message().c_str());
  for (const auto& f : e.fields())
    std::fprintf(stderr, "  %s: %s\n", f.field.c_str(), f.message.c_str());
  return e.code() == Code::kInvalidArgument ? 2 : 1;
}

std::string Rate(const json::value& v, double scale, const char* unit) {
  if (!v.is_number()) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%s", v.to_number<double>() * scale, unit);
  return buf;
}

int RunPerfectOrder(const services::Env& env) {
  services::PerfectOrderQuery q;
  for (auto [text, target] : {std::pair{&g_options.from, &q.from}, {&g_options.to, &q.to}}) {
    if (text->empty()) continue;
    auto t = ParseTime(*text);
    if (!t) return ReportError(Error::InvalidArgument("--from/--to must be dates (YYYY-MM-DD)"));
    *target = *t;
  }
  auto report = services::PerfectOrderReport(env, services::Actor::System("cli"), q);
  if (!report) return ReportError(report.error());
  const auto& t = report->at("total").as_object();
  if (g_options.json) {
    json::object out;
    for (const char* k :
         {"orders", "lines", "on_time", "in_full", "damage_free", "documentation", "poi", "scor"})
      out[k] = t.at(k);
    std::printf("%s\n", json::serialize(out).c_str());
    return 0;
  }
  std::printf("orders %lld, delivered lines %lld\n",
              static_cast<long long>(t.at("orders").as_int64()),
              static_cast<long long>(t.at("lines").as_int64()));
  std::printf("on time %s  in full %s  damage free %s  documentation %s\n",
              Rate(t.at("on_time"), 100, "%").c_str(), Rate(t.at("in_full"), 100, "%").c_str(),
              Rate(t.at("damage_free"), 100, "%").c_str(),
              Rate(t.at("documentation"), 100, "%").c_str());
  std::printf("Perfect Order Index (APQC) %s  SCOR perfect lines %s\n",
              Rate(t.at("poi"), 1, "").c_str(), Rate(t.at("scor"), 1, "%").c_str());
  std::printf("fill rate %s  backorder rate %s  cycle time %s days\n",
              Rate(t.at("fill_rate"), 100, "%").c_str(),
              Rate(t.at("backorder_rate"), 100, "%").c_str(),
              Rate(t.at("cycle_time_days"), 1, "").c_str());
  return 0;
}

}  // namespace

void AddReportCommands(CLI::App& app, std::string& db_url) {
  g_report = app.add_subcommand("report", "operational reports (Perfect Order)");
  g_report->require_subcommand(1);
  g_perfect = g_report->add_subcommand(
      "perfect-order", "on time, in full, damage free, documentation; APQC index and SCOR rate");
  for (CLI::App* cmd : {g_report, g_perfect})
    cmd->add_option("--db", db_url, "sqlite:PATH or postgresql://… (env CHAINCRM_DB)");
  g_perfect->add_option("--from", g_options.from, "orders placed on or after this date");
  g_perfect->add_option("--to", g_options.to, "orders placed before this date");
  g_perfect->add_flag("--json", g_options.json, "print one JSON object");
}

std::optional<int> RunReportCommands(const services::Env& env) {
  if (g_perfect && g_perfect->parsed()) return RunPerfectOrder(env);
  return std::nullopt;
}

}  // namespace chaincrm::cli
