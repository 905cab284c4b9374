#include "cli/commands.h"

namespace chaincrm::cli {

void AddServiceCommands(CLI::App& /*app*/, std::string& /*db_url*/) {}

std::optional<int> RunServiceCommands(const services::Env& /*env*/) { return std::nullopt; }

}  // namespace chaincrm::cli
