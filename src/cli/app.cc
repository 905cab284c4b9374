#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "api/app.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "core/log.h"
#include "services/analysis_service.h"
#include "services/auth_service.h"
#include "services/demo_data.h"
#include "services/purchase_import.h"
#include "store/migrations.h"

namespace chaincrm::cli {

namespace {

int Report(const Error& e) {
  std::fprintf(stderr, "chaincrm: %s\n", e.message().c_str());
  for (const auto& f : e.fields())
    std::fprintf(stderr, "  %s: %s\n", f.field.c_str(), f.message.c_str());
  return e.code() == Code::kInvalidArgument ? 2 : 1;
}

Result<std::unique_ptr<store::Database>> OpenAndMigrate(const std::string& url, bool quiet) {
  ASSIGN_OR_RETURN(auto db, store::OpenDatabase(url));
  ASSIGN_OR_RETURN(int applied, store::Migrate(*db, [&](const store::Migration& m) {
                     if (!quiet)
                       std::fprintf(stderr, "migrating: %d %.*s\n", m.version,
                                    static_cast<int>(m.name.size()), m.name.data());
                   }));
  (void)applied;
  return db;
}

// Runs one value analysis with default parameters (as POST /api/v1/analysis/runs would).
Status ScoreDemo(const services::Env& env, const services::Actor& actor) {
  ASSIGN_OR_RETURN(auto params, services::ParseValueRunParams(
                                    boost::json::object{{"kind", "value"}}, env.clock.Now()));
  ASSIGN_OR_RETURN(auto id, services::QueueValueRun(env, actor, params));
  RETURN_IF_ERROR(services::ExecuteValueRun(env, id, params));
  return Ok();
}

void PrintLogins(std::uint16_t port) {
  std::printf("\nChainCRM is serving on http://localhost:%u\n\nDemo logins (password: %s):\n", port,
              services::kDemoPassword);
  for (const auto& [email, role] : services::kDemoLogins) std::printf("  %-30s %s\n", email, role);
  std::printf("\n");
  std::fflush(stdout);
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{"ChainCRM: customer relationship management for makers and shippers of goods"};
  app.require_subcommand(1);
  std::string db_url = "sqlite:data/chaincrm.db";
  if (const char* env = std::getenv("CHAINCRM_DB")) db_url = env;
  auto add_db = [&](CLI::App* cmd) {
    cmd->add_option("--db", db_url, "sqlite:PATH or postgresql://… (env CHAINCRM_DB)")
        ->capture_default_str();
  };

  // serve
  auto* serve = app.add_subcommand("serve", "serve the API and the web app");
  add_db(serve);
  api::AppOptions app_options;
  int demo_if_empty = 0;
  int port = 8080;
  serve->add_option("--port", port, "TCP port")->check(CLI::Range(0, 65535))->capture_default_str();
  serve->add_option("--bind", app_options.server.bind, "address to listen on")
      ->capture_default_str();
  serve->add_option("--web-root", app_options.web_root, "built web app to serve")
      ->capture_default_str();
  serve->add_option("--threads", app_options.server.threads, "worker threads (0: automatic)");
  serve
      ->add_option("--sla-interval-seconds", app_options.sla_interval_seconds,
                   "seconds between SLA sweeps (warnings, escalations); 0: none")
      ->check(CLI::Range(0, 86400))
      ->capture_default_str();
  serve->add_option("--demo-if-empty", demo_if_empty,
                    "generate N demo customers when the database is empty");

  // migrate
  auto* migrate = app.add_subcommand("migrate", "apply database migrations");
  add_db(migrate);

  // user add
  auto* user = app.add_subcommand("user", "manage users");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "create a user");
  add_db(user_add);
  services::NewUser new_user;
  std::int64_t customer_id = 0;
  user_add->add_option("--email", new_user.email)->required();
  user_add->add_option("--password", new_user.password)->required();
  user_add->add_option("--role", new_user.role, "admin|manager|sales|agent|analyst|customer")
      ->required();
  user_add->add_option("--name", new_user.name);
  user_add->add_option("--customer", customer_id, "customer id (for portal users)");

  // demo
  auto* demo = app.add_subcommand("demo", "fill an empty database with a demo company");
  add_db(demo);
  services::DemoOptions demo_options;
  demo->add_option("--customers", demo_options.customers)->capture_default_str();
  demo->add_option("--seed", demo_options.seed)->capture_default_str();

  // import purchases
  auto* import = app.add_subcommand("import", "bulk imports");
  import->require_subcommand(1);
  auto* import_purchases = import->add_subcommand("purchases", "import purchases into the ledger");
  add_db(import_purchases);
  std::string import_file, format = "csv";
  services::ImportOptions import_options;
  import_purchases->add_option("file", import_file, "the file to import")->required();
  import_purchases->add_option("--format", format, "csv | cdnow")
      ->check(CLI::IsMember({"csv", "cdnow"}))
      ->capture_default_str();
  import_purchases->add_option("--customer-system", import_options.customer_system,
                               "external-id system naming customers in the file");
  import_purchases
      ->add_option("--currency", import_options.currency, "currency for files without one")
      ->capture_default_str();

  auto* export_group = app.add_subcommand("export", "streamed exports");
  export_group->require_subcommand(1);

  AddAnalyzeCommands(app, db_url);
  AddDataCommands(app, db_url);
  AddOrganiseCommands(app, db_url);
  AddServiceCommands(app, db_url);
  AddReportCommands(app, db_url);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (auto s = services::InitCrypto(); !s) return Report(s.error());
  const bool quiet_logs = !serve->parsed();
  if (quiet_logs) log::SetLevel(log::Level::kWarn);

  if (migrate->parsed()) {
    auto db = store::OpenDatabase(db_url);
    if (!db) return Report(db.error());
    auto applied = store::Migrate(**db, [](const store::Migration& m) {
      std::fprintf(stderr, "applying migration %d: %.*s\n", m.version,
                   static_cast<int>(m.name.size()), m.name.data());
    });
    if (!applied) return Report(applied.error());
    std::printf("database is at schema version %zu (%d migration(s) applied)\n",
                store::AllMigrations().size(), *applied);
    return 0;
  }

  auto db = OpenAndMigrate(db_url, quiet_logs && !demo->parsed());
  if (!db) return Report(db.error());
  const services::Env env{**db, SystemClock::Instance()};
  const services::Actor cli_actor = services::Actor::System("cli");

  if (user_add->parsed()) {
    if (customer_id > 0) new_user.customer_id = customer_id;
    auto id = services::CreateUser(env, cli_actor, new_user);
    if (!id) return Report(id.error());
    std::printf("created user %lld (%s, %s)\n", static_cast<long long>(*id), new_user.email.c_str(),
                new_user.role.c_str());
    return 0;
  }
  if (demo->parsed()) {
    Progress progress("demo customers");
    auto summary = services::GenerateDemo(
        env, demo_options, [&](std::int64_t d, std::int64_t t) { progress.Update(d, t); });
    progress.Finish();
    if (!summary) return Report(summary.error());
    std::printf(
        "demo company created: %lld customers, %lld purchases, %lld interactions, %lld contacts, "
        "%lld users\n",
        static_cast<long long>(summary->customers), static_cast<long long>(summary->purchases),
        static_cast<long long>(summary->interactions), static_cast<long long>(summary->contacts),
        static_cast<long long>(summary->users));
    for (const auto& [what, count] : summary->more)
      std::printf("  and %lld %s\n", static_cast<long long>(count), what.c_str());
    return 0;
  }
  if (import_purchases->parsed() && import_purchases->get_option("--mapping")->count() == 0) {
    import_options.format =
        format == "cdnow" ? services::PurchaseFormat::kCdnow : services::PurchaseFormat::kCsv;
    if (format == "cdnow" && import_options.customer_system == "import")
      import_options.customer_system = "cdnow";
    Progress progress("importing " + import_file);
    auto report =
        services::ImportPurchases(env, cli_actor, import_file, import_options,
                                  [&](std::int64_t d, std::int64_t t) { progress.Update(d, t); });
    progress.Finish();
    if (!report) return Report(report.error());
    std::printf(
        "%lld lines: %lld purchases posted, %lld already posted, %lld customers created, %lld "
        "rejected\n",
        static_cast<long long>(report->lines), static_cast<long long>(report->posted),
        static_cast<long long>(report->duplicates),
        static_cast<long long>(report->customers_created),
        static_cast<long long>(report->rejected_count));
    for (const auto& r : report->rejected)
      std::printf("  line %lld: %s\n", static_cast<long long>(r.line), r.message.c_str());
    return report->posted + report->duplicates > 0 || report->rejected_count == 0 ? 0 : 1;
  }
  if (serve->parsed()) {
    if (demo_if_empty > 0) {
      services::DemoOptions opts;
      opts.customers = demo_if_empty;
      auto count = (*db)->Read([&](store::Tx& tx) -> Status {
        ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT COUNT(*) FROM users"));
        if (rows.front().Int(0) > 0) return Fail(Error::AlreadyExists("not empty"));
        return Ok();
      });
      if (count) {
        std::fprintf(stderr, "first start: creating the demo company (%d customers)…\n",
                     opts.customers);
        Progress progress("demo customers");
        auto summary = services::GenerateDemo(
            env, opts, [&](std::int64_t d, std::int64_t t) { progress.Update(d, t); });
        progress.Finish();
        if (!summary) return Report(summary.error());
        // Score the demo base once, so the 360 and the analytics pages show values.
        if (auto scored = ScoreDemo(env, cli_actor); !scored) {
          std::fprintf(stderr, "chaincrm: the first value analysis failed: %s\n",
                       scored.error().message().c_str());
        }
      }
    }
    app_options.server.port = static_cast<std::uint16_t>(port);
    auto s = api::RunApp(env, app_options, [&](std::uint16_t bound) {
      log::Info("event=listening port=" + std::to_string(bound));
      if (demo_if_empty > 0) PrintLogins(bound);
    });
    if (!s) return Report(s.error());
    log::Info("event=stopped");
    return 0;
  }
  for (auto* run : {RunDataCommands, RunOrganiseCommands, RunServiceCommands, RunReportCommands}) {
    if (auto code = run(env)) return *code;
  }
  return RunAnalyzeCommands(env);
}

}  // namespace chaincrm::cli
