#pragma once
// The `chaincrm` command line: serve, migrate, user, demo, import, analyze ...

namespace chaincrm::cli {

/// Parses arguments, runs the subcommand, returns the process exit code.
int Main(int argc, char** argv);

}  // namespace chaincrm::cli
