#pragma once
// Subcommands that live in their own files (analyze ...): each registers its options
// and runs when parsed.

#include <CLI/CLI.hpp>
#include <string>

#include "services/actor.h"

namespace chaincrm::cli {

/// Registers `analyze ...` subcommands on `app`; `db_url` is the shared --db value.
void AddAnalyzeCommands(CLI::App& app, std::string& db_url);
/// Runs the analyze subcommand that was parsed; returns the exit code (1 if none).
int RunAnalyzeCommands(const services::Env& env);

}  // namespace chaincrm::cli
