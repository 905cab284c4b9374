#include "cli/commands.h"

namespace chaincrm::cli {

void AddOrganiseCommands(CLI::App& /*app*/, std::string& /*db_url*/) {}

std::optional<int> RunOrganiseCommands(const services::Env& /*env*/) { return std::nullopt; }

}  // namespace chaincrm::cli
