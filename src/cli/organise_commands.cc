// `import vcard`, `export vcard`, `duplicates scan|list`, `merge`, `unmerge`,
// `privacy export|erase`: thin calls into the organising services.

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>

#include "cli/commands.h"
#include "services/duplicate_service.h"
#include "services/merge_service.h"
#include "services/privacy_service.h"
#include "services/vcard_service.h"

namespace chaincrm::cli {

namespace json = boost::json;

namespace {

struct Options {
  std::string file, output, reason;
  std::int64_t customer = 0, survivor = 0, merge_id = 0;
  std::vector<std::int64_t> merge_ids;
  int limit = 50;
};

Options g_opt;
CLI::App* g_import_vcard = nullptr;
CLI::App* g_export_vcard = nullptr;
CLI::App* g_dup_scan = nullptr;
CLI::App* g_dup_list = nullptr;
CLI::App* g_merge = nullptr;
CLI::App* g_unmerge = nullptr;
CLI::App* g_privacy_export = nullptr;
CLI::App* g_privacy_erase = nullptr;

int Report(const Error& e) {
  std::fprintf(stderr, "chaincrm: %s\n", e.message().c_str());
  for (const auto& f : e.fields())
    std::fprintf(stderr, "  %s: %s\n", f.field.c_str(), f.message.c_str());
  return e.code() == Code::kInvalidArgument ? 2 : 1;
}

void PrintJson(const json::value& v) { std::printf("%s\n", json::serialize(v).c_str()); }

int ImportVcard(const services::Env& env) {
  std::ifstream in(g_opt.file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "chaincrm: cannot read %s\n", g_opt.file.c_str());
    return 1;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto report = services::ImportVcards(env, services::Actor::System("cli"), bytes);
  if (!report) return Report(report.error());
  for (const auto& o : report->outcomes) {
    const std::string where =
        o.card ? "card " + std::to_string(o.card) + " (line " + std::to_string(o.line) + ")"
               : "line " + std::to_string(o.line);
    if (o.action == "rejected") {
      std::printf("%s: rejected: %s\n", where.c_str(), o.message.c_str());
    } else {
      std::printf("%s: %s %s %lld '%s'\n", where.c_str(), o.action.c_str(), o.entity.c_str(),
                  static_cast<long long>(o.id), o.name.c_str());
    }
    for (const auto& w : o.warnings) std::printf("  warning: %s\n", w.c_str());
  }
  std::printf("%d created, %d updated, %d rejected\n", report->created, report->updated,
              report->rejected);
  if (report->created + report->updated == 0 && report->rejected > 0) {
    std::fprintf(stderr, "chaincrm: nothing in %s could be imported\n", g_opt.file.c_str());
    return 1;
  }
  return 0;
}

int ExportVcard(const services::Env& env) {
  auto text = services::ExportVcards(env, services::Actor::System("cli"), g_opt.customer);
  if (!text) return Report(text.error());
  if (g_opt.output.empty() || g_opt.output == "-") {
    std::fwrite(text->data(), 1, text->size(), stdout);
    return 0;
  }
  std::ofstream out(g_opt.output, std::ios::binary);
  out << *text;
  if (!out) {
    std::fprintf(stderr, "chaincrm: cannot write %s\n", g_opt.output.c_str());
    return 1;
  }
  return 0;
}

}  // namespace

void AddOrganiseCommands(CLI::App& app, std::string& db_url) {
  auto add_db = [&](CLI::App* cmd) {
    cmd->add_option("--db", db_url, "sqlite:PATH or postgresql://… (env CHAINCRM_DB)")
        ->capture_default_str();
  };
  auto* import = app.get_subcommand("import");
  g_import_vcard = import->add_subcommand("vcard", "import vCard 2.1/3.0/4.0 contacts");
  add_db(g_import_vcard);
  g_import_vcard->add_option("file", g_opt.file, "the .vcf file")->required();

  auto* exp = app.get_subcommand("export");
  g_export_vcard = exp->add_subcommand("vcard", "a customer and its contacts as vCard 4.0");
  add_db(g_export_vcard);
  g_export_vcard->add_option("--customer", g_opt.customer, "customer id")->required();
  g_export_vcard->add_option("--output,-o", g_opt.output, "file (default: standard output)");

  auto* dups = app.add_subcommand("duplicates", "duplicate customers");
  dups->require_subcommand(1);
  g_dup_scan = dups->add_subcommand("scan", "recompute the duplicate candidate pairs");
  add_db(g_dup_scan);
  g_dup_list = dups->add_subcommand("list", "list the candidate pairs, highest score first");
  add_db(g_dup_list);
  g_dup_list->add_option("--limit", g_opt.limit, "pairs to show (1-500)")->capture_default_str();

  g_merge = app.add_subcommand("merge", "merge customers into a survivor");
  add_db(g_merge);
  g_merge->add_option("survivor", g_opt.survivor, "the customer that stays")->required();
  g_merge->add_option("merged", g_opt.merge_ids, "customers merged into it")->required();
  g_unmerge = app.add_subcommand("unmerge", "undo a merge");
  add_db(g_unmerge);
  g_unmerge->add_option("merge", g_opt.merge_id, "the merge id")->required();

  auto* privacy = app.add_subcommand("privacy", "data-subject requests");
  privacy->require_subcommand(1);
  g_privacy_export = privacy->add_subcommand("export", "everything held about a customer (JSON)");
  add_db(g_privacy_export);
  g_privacy_export->add_option("customer", g_opt.customer, "customer id")->required();
  g_privacy_erase = privacy->add_subcommand("erase", "anonymise a customer");
  add_db(g_privacy_erase);
  g_privacy_erase->add_option("customer", g_opt.customer, "customer id")->required();
  g_privacy_erase->add_option("--reason", g_opt.reason, "why (kept in the audit)")->required();
}

std::optional<int> RunOrganiseCommands(const services::Env& env) {
  const auto actor = services::Actor::System("cli");
  auto print = [](const Result<json::object>& r) {
    if (!r) return Report(r.error());
    PrintJson(*r);
    return 0;
  };
  if (g_import_vcard && g_import_vcard->parsed()) return ImportVcard(env);
  if (g_export_vcard && g_export_vcard->parsed()) return ExportVcard(env);
  if (g_dup_scan && g_dup_scan->parsed()) return print(services::ScanDuplicates(env, actor));
  if (g_dup_list && g_dup_list->parsed()) {
    services::DuplicateListQuery q;
    q.limit = g_opt.limit;
    return print(services::ListDuplicates(env, actor, q));
  }
  if (g_merge && g_merge->parsed())
    return print(services::MergeCustomers(env, actor, g_opt.survivor, g_opt.merge_ids));
  if (g_unmerge && g_unmerge->parsed())
    return print(services::UndoMerge(env, actor, g_opt.merge_id));
  if (g_privacy_export && g_privacy_export->parsed())
    return print(services::DataExport(env, actor, g_opt.customer));
  if (g_privacy_erase && g_privacy_erase->parsed()) {
    return print(services::EraseCustomer(env, actor, g_opt.customer,
                                         json::object{{"reason", g_opt.reason}}));
  }
  return std::nullopt;
}

}  // namespace chaincrm::cli
