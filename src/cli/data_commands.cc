// `chaincrm import customers|contacts|purchases|products|orders FILE --mapping M.json`
// (the CSV import engine in the foreground, with progress on stderr) and
// `chaincrm export customers` (streamed to stdout).

#include <boost/json.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "cli/progress.h"
#include "services/export_service.h"
#include "services/import_engine.h"
#include "services/import_jobs.h"

namespace chaincrm::cli {

namespace json = boost::json;

namespace {

struct ImportArgs {
  std::string file, mapping, key = "email", delimiter = ",", on_existing = "update";
  bool dry_run = false, all_or_nothing = false;
  int batch = 20000;
};

struct ExportArgs {
  std::string format = "csv", q, sort;
  std::vector<std::string> filters;
};

struct ImportCommand {
  std::string target;
  CLI::App* cmd;
  CLI::Option* mapping;  // optional for "purchases": without it, the fixed-format importer runs
  CLI::Option* file() const { return cmd->get_option("file"); }
};

struct Parsed {
  std::vector<ImportCommand> imports;
  CLI::App* export_customers = nullptr;
};

ImportArgs g_import;
ExportArgs g_export;
Parsed g_cmds;

int Report(const Error& e) {
  std::fprintf(stderr, "chaincrm: %s\n", e.message().c_str());
  for (const auto& f : e.fields())
    std::fprintf(stderr, "  %s: %s\n", f.field.c_str(), f.message.c_str());
  return e.code() == Code::kInvalidArgument ? 2 : 1;
}

Result<json::value> ReadMapping(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Fail(Error::NotFound("cannot open mapping '" + path + "'"));
  std::stringstream ss;
  ss << in.rdbuf();
  boost::system::error_code ec;
  auto v = json::parse(ss.str(), ec);
  if (ec)
    return Fail(Error::InvalidArgument("mapping '" + path + "' is not JSON: " + ec.message()));
  return v;
}

int RunImport(const services::Env& env, const std::string& target) {
  const auto actor = services::Actor::System("cli");
  auto mapping_json = ReadMapping(g_import.mapping);
  if (!mapping_json) return Report(mapping_json.error());
  services::ImportSpec spec;
  spec.target = target;
  auto mapping = services::ParseImportMapping(*mapping_json);
  if (!mapping) return Report(mapping.error());
  spec.mapping = std::move(*mapping);
  auto key = services::ParseImportKey(g_import.key);
  if (!key) return Report(key.error());
  spec.key = *key;
  if (g_import.delimiter.size() != 1) {
    return Report(Error::InvalidArgument("--delimiter must be one character"));
  }
  spec.delimiter = g_import.delimiter == "\\t" ? '\t' : g_import.delimiter[0];
  spec.dry_run = g_import.dry_run;
  spec.all_or_nothing = g_import.all_or_nothing;
  spec.update_existing = g_import.on_existing != "skip";
  spec.batch_size = g_import.batch;
  auto job = services::RecordImportJob(env, actor, spec, *mapping_json);
  if (!job) return Report(job.error());
  auto source = services::FileImportSource(g_import.file);
  Progress progress((spec.dry_run ? "checking " : "importing ") + g_import.file);
  auto result = services::RunImport(env, actor, *job, spec, *source,
                                    [&](const store::ImportCounts&, std::int64_t done,
                                        std::int64_t total) { progress.Update(done, total); });
  progress.Finish();
  (void)env.db.Write([&](store::Tx& tx) {
    return result ? store::SetImportStatus(tx, *job, "succeeded", env.clock.Now(), std::nullopt,
                                           result->committed)
                  : store::SetImportStatus(tx, *job, "failed", env.clock.Now(),
                                           result.error().message());
  });
  if (!result) return Report(result.error());
  const auto& c = result->counts;
  const char* would = spec.dry_run ? "would be " : "";
  std::printf(
      "import job %lld%s: %lld lines: %lld %screated, %lld %supdated, %lld %sskipped, "
      "%lld rejected\n",
      static_cast<long long>(*job), spec.dry_run ? " (dry run)" : "",
      static_cast<long long>(c.lines), static_cast<long long>(c.created), would,
      static_cast<long long>(c.updated), would, static_cast<long long>(c.skipped), would,
      static_cast<long long>(c.rejected));
  for (const auto& col : result->unknown_columns)
    std::printf("  unknown column '%s' (ignored)\n", col.c_str());
  for (const auto& p : result->problems) {
    if (p.outcome == "warning") continue;
    std::printf("  line %lld: %s: %s\n", static_cast<long long>(p.line), p.outcome.c_str(),
                p.message.c_str());
  }
  if (result->problem_count > static_cast<std::int64_t>(result->problems.size())) {
    std::printf("  ... %lld more problems: GET /api/v1/imports/%lld/report\n",
                static_cast<long long>(result->problem_count -
                                       static_cast<std::int64_t>(result->problems.size())),
                static_cast<long long>(*job));
  }
  if (spec.all_or_nothing && !spec.dry_run && !result->committed)
    std::printf("nothing was written: %lld lines were rejected (--all-or-nothing)\n",
                static_cast<long long>(c.rejected));
  const bool usable = c.created + c.updated + c.skipped > 0;
  if (spec.all_or_nothing && !spec.dry_run) return result->committed ? 0 : 1;
  return usable || c.lines == 0 ? 0 : 1;
}

// "name[contains]=acme" or "sector=retail".
Result<services::FilterTerm> ParseFilter(const std::string& s) {
  const auto eq = s.find('=');
  if (eq == std::string::npos || eq == 0)
    return Fail(Error::InvalidArgument("--filter '" + s + "': use field=value or field[op]=value"));
  services::FilterTerm t{s.substr(0, eq), "eq", s.substr(eq + 1)};
  if (const auto open = t.field.find('['); open != std::string::npos) {
    if (t.field.back() != ']' || open + 2 >= t.field.size())
      return Fail(Error::InvalidArgument("--filter '" + s + "': use field[op]=value"));
    t.op = t.field.substr(open + 1, t.field.size() - open - 2);
    t.field = t.field.substr(0, open);
  }
  return t;
}

int RunExport(const services::Env& env) {
  const auto actor = services::Actor::System("cli");
  auto format = services::ParseExportFormat(g_export.format);
  if (!format) return Report(format.error());
  services::ListQuery q;
  q.q = g_export.q;
  q.sort = g_export.sort;
  for (const auto& f : g_export.filters) {
    auto t = ParseFilter(f);
    if (!t) return Report(t.error());
    q.filters.push_back(*t);
  }
  if (auto s = services::CheckCustomerExport(env, actor, q); !s) return Report(s.error());
  auto s = services::ExportCustomers(env, actor, q, *format, [](std::string_view chunk) {
    return std::fwrite(chunk.data(), 1, chunk.size(), stdout) == chunk.size();
  });
  std::fflush(stdout);
  if (!s) return Report(s.error());
  return 0;
}

}  // namespace

void AddDataCommands(CLI::App& app, std::string& db_url) {
  auto* import = app.get_subcommand("import");
  for (const std::string& target : services::ImportTargetNames()) {
    // "import purchases" exists already: the fixed-format ledger importer (cli/app.cc). It
    // takes the mapping options too, and --mapping makes it a mapped import.
    auto existing = import->get_subcommands([&](CLI::App* a) { return a->get_name() == target; });
    auto* cmd = existing.empty() ? import->add_subcommand(target, "import " + target +
                                                                      " from a CSV file with a "
                                                                      "column mapping")
                                 : existing.front();
    if (existing.empty()) {
      cmd->add_option("--db", db_url, "sqlite:PATH or postgresql://… (env CHAINCRM_DB)");
      cmd->add_option("file", "the CSV file")->required();
    }
    auto* mapping =
        cmd->add_option("--mapping", g_import.mapping, "the mapping JSON file (docs/IMPORT.md)");
    if (existing.empty()) mapping->required();
    cmd->add_option("--key", g_import.key,
                    "email | phone | tax_id | external_id:SYSTEM (customers, contacts, purchases); "
                    "sku | external_id (products, orders)")
        ->capture_default_str();
    cmd->add_option("--delimiter", g_import.delimiter, "field delimiter: , or ;")
        ->capture_default_str();
    cmd->add_option("--on-existing", g_import.on_existing, "update | skip")
        ->check(CLI::IsMember({"update", "skip"}))
        ->capture_default_str();
    cmd->add_option("--batch", g_import.batch, "lines per transaction")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    cmd->add_flag("--dry-run", g_import.dry_run, "report what would happen; write nothing");
    cmd->add_flag("--all-or-nothing", g_import.all_or_nothing,
                  "write nothing if any line is rejected");
    g_cmds.imports.push_back({target, cmd, mapping});
  }
  auto* exp = app.get_subcommand("export");
  auto* customers = exp->add_subcommand("customers", "export the customer list to stdout");
  customers->add_option("--db", db_url, "sqlite:PATH or postgresql://… (env CHAINCRM_DB)");
  customers->add_option("--format", g_export.format, "csv | json")
      ->check(CLI::IsMember({"csv", "json"}))
      ->capture_default_str();
  customers->add_option("--q", g_export.q, "search text, as the list's q");
  customers->add_option("--sort", g_export.sort, "sort, as the list's sort (-revenue_total,name)");
  customers->add_option("--filter", g_export.filters,
                        "field=value or field[op]=value, as the list's filter[...] (repeatable)");
  g_cmds.export_customers = customers;
}

std::optional<int> RunDataCommands(const services::Env& env) {
  for (const auto& c : g_cmds.imports) {
    if (!c.cmd->parsed() || c.mapping->count() == 0) continue;
    g_import.file = c.file()->as<std::string>();
    return RunImport(env, c.target);
  }
  if (g_cmds.export_customers && g_cmds.export_customers->parsed()) return RunExport(env);
  return std::nullopt;
}

}  // namespace chaincrm::cli
