#pragma once
// What a CSV import writes into: one ImportTarget per record type (customers, contacts;
// products and orders add one file each), found by name in one registry. The engine
// (import_engine.h) owns reading, mapping, batching, savepoints and reports; a target
// only turns one mapped row into a create, an update or a skip inside the caller's
// transaction.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "services/actor.h"
#include "services/import_mapping.h"

namespace chaincrm::services {

/// The natural key that finds an existing record: email, phone, tax_id or
/// external_id:SYSTEM.
struct ImportKey {
  std::string kind = "email";  // email | phone | tax_id | external_id
  std::string system;          // for external_id
  /// The mapped field that carries the key's value ("email", "external_id.erp").
  std::string Field() const { return kind == "external_id" ? "external_id." + system : kind; }
  std::string Label() const { return kind == "external_id" ? "external_id:" + system : kind; }
};
/// Parses "email" | "phone" | "tax_id" | "external_id:SYSTEM"; InvalidArgument otherwise.
Result<ImportKey> ParseImportKey(std::string_view s);

enum class ImportOutcome { kCreated, kUpdated, kSkipped };

/// One row's result: the outcome and, for a skip, why.
struct RowResult {
  ImportOutcome outcome = ImportOutcome::kCreated;
  std::string note;
};

struct TargetContext {
  store::Tx& tx;
  const Env& env;
  const Actor& actor;
  const ImportKey& key;
  bool update_existing = true;  // false: rows whose key exists are skipped
  std::string source;           // for the change log ("import job 12")
};

class ImportTarget {
 public:
  virtual ~ImportTarget() = default;
  /// Field errors for mapped or constant fields the target does not know.
  virtual std::vector<FieldError> CheckFields(const ImportMapping& m,
                                              const ImportKey& key) const = 0;
  /// Called at the start of every transaction (loads definitions it needs).
  virtual Status Begin(store::Tx& tx) = 0;
  /// Applies one row. InvalidArgument / AlreadyExists reject the line (field errors name
  /// the fields); any other error stops the import.
  virtual Result<RowResult> Apply(TargetContext& ctx, const MappedRow& row) = 0;
};

/// The target named `name` ("customers", "contacts"), or InvalidArgument listing them.
Result<std::unique_ptr<ImportTarget>> MakeImportTarget(std::string_view name);
/// Target names, for help texts and validation.
std::vector<std::string> ImportTargetNames();

// One factory per target file (import_customers.cc, import_contacts.cc, ...).
std::unique_ptr<ImportTarget> MakeCustomerImportTarget();
std::unique_ptr<ImportTarget> MakeContactImportTarget();

}  // namespace chaincrm::services
