#include "cli/commands.h"

namespace chaincrm::cli {

namespace {
CLI::App* g_analyze = nullptr;
}

void AddAnalyzeCommands(CLI::App& app, std::string& db_url) {
  g_analyze = app.add_subcommand("analyze", "run analyses (customer value, service staffing)");
  g_analyze->add_option("--db", db_url, "sqlite:PATH or postgresql://…");
  g_analyze->require_subcommand(1);
}

int RunAnalyzeCommands(const services::Env&) { return 1; }

}  // namespace chaincrm::cli
