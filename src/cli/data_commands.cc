#include "cli/commands.h"

namespace chaincrm::cli {

void AddDataCommands(CLI::App& /*app*/, std::string& /*db_url*/) {}

std::optional<int> RunDataCommands(const services::Env& /*env*/) { return std::nullopt; }

}  // namespace chaincrm::cli
