#pragma once
// Subcommands that live in their own files (analyze ...): each registers its options
// and runs when parsed.

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "services/actor.h"

namespace chaincrm::cli {

/// Registers `analyze ...` subcommands on `app`; `db_url` is the shared --db value.
void AddAnalyzeCommands(CLI::App& app, std::string& db_url);
/// Runs the analyze subcommand that was parsed; returns the exit code (1 if none).
int RunAnalyzeCommands(const services::Env& env);

// Command groups of later capabilities, one file each. Add* registers subcommands (under
// the `import` and `export` groups app.cc creates, found with app.get_subcommand, or new
// top-level ones); Run* runs the one parsed and returns its exit code, or nullopt when
// none of its commands was parsed.

/// data_commands.cc: `import customers|contacts|products|orders` with a mapping, `export`.
void AddDataCommands(CLI::App& app, std::string& db_url);
std::optional<int> RunDataCommands(const services::Env& env);
/// organise_commands.cc: vCard import/export, duplicates, merge, privacy requests.
void AddOrganiseCommands(CLI::App& app, std::string& db_url);
std::optional<int> RunOrganiseCommands(const services::Env& env);
/// service_commands.cc: `analyze service` (volume forecast and staffing).
void AddServiceCommands(CLI::App& app, std::string& db_url);
std::optional<int> RunServiceCommands(const services::Env& env);

/// report_commands.cc: `report perfect-order` (Perfect Order measures, --json).
void AddReportCommands(CLI::App& app, std::string& db_url);
std::optional<int> RunReportCommands(const services::Env& env);

}  // namespace chaincrm::cli
