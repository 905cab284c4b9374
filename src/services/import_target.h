#pragma once
// What a CSV import writes into: one ImportTarget per record type (customers, contacts;
// products and orders add one file each), found by name in one registry. The engine
// (import_engine.h) owns reading, mapping, batching, savepoints and reports; a target
// only turns one mapped row into a create, an update or a skip inside the caller's
// transaction.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "services/actor.h"
#include "services/import_mapping.h"

namespace chaincrm::services {

/// The natural key that finds an existing record: email, phone, tax_id or
/// external_id:SYSTEM (customers, contacts, purchases); sku or external_id (products,
/// orders: their one external id has no system).
struct ImportKey {
  std::string kind = "email";  // email | phone | tax_id | external_id | sku
  std::string system;          // for external_id; empty for products and orders
  /// The mapped field that carries the key's value ("email", "external_id.erp").
  std::string Field() const {
    return kind == "external_id" && !system.empty() ? "external_id." + system : kind;
  }
  std::string Label() const {
    return kind == "external_id" && !system.empty() ? "external_id:" + system : kind;
  }
};
/// Parses "email" | "phone" | "tax_id" | "sku" | "external_id" | "external_id:SYSTEM";
/// InvalidArgument otherwise (each target says which of them it accepts).
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
  std::int64_t line = 0;        // the row's line in the file (orders group by it)
};

/// One row of a batch: its line in the file and its mapped fields.
struct BatchRow {
  std::int64_t line = 0;
  MappedRow row;
};
/// A row's outcome in a batch: its result, the error rejecting it (nothing of the row
/// written), or empty when the engine must apply the row alone afterwards (Apply).
using BatchOutcome = std::optional<Result<RowResult>>;

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
  /// The fast path: applies a batch with a few multi-row statements and returns one
  /// outcome per row, in order. Rows that cannot go this way (a key already seen in the
  /// batch, a row that must create another record first) are left empty and applied
  /// alone afterwards, in order, so the result is the same as applying the rows one by
  /// one. An error that would reject a line (a constraint the checks did not foresee)
  /// makes the engine roll the batch back and apply every row alone. The default
  /// leaves every row to Apply.
  virtual Result<std::vector<BatchOutcome>> ApplyBatch(TargetContext& ctx,
                                                       const std::vector<BatchRow>& rows) {
    (void)ctx;
    return std::vector<BatchOutcome>(rows.size());
  }
};

/// The target named `name` ("customers", "contacts"), or InvalidArgument listing them.
Result<std::unique_ptr<ImportTarget>> MakeImportTarget(std::string_view name);
/// Target names, for help texts and validation.
std::vector<std::string> ImportTargetNames();

// One factory per target file (import_customers.cc, import_contacts.cc, ...).
std::unique_ptr<ImportTarget> MakeCustomerImportTarget();
std::unique_ptr<ImportTarget> MakeContactImportTarget();
std::unique_ptr<ImportTarget> MakePurchaseImportTarget();
std::unique_ptr<ImportTarget> MakeProductImportTarget();
std::unique_ptr<ImportTarget> MakeOrderImportTarget();

// Finding customers by an import key (email, phone, tax_id, external_id:SYSTEM); defined
// in import_customers.cc.

/// `value` normalised as the key's index holds it; InvalidArgument naming key.Field()
/// when it is malformed.
Result<std::string> NormalizeImportKey(const ImportKey& key, const std::string& value);
/// The row's key value, normalised; InvalidArgument "is empty: <role>" on key.Field() when
/// the row has none.
Result<std::string> RowImportKey(const ImportKey& key, const MappedRow& row, std::string_view role);
/// The customers holding each of the normalised `keys` (keys nobody holds are absent).
Result<std::unordered_map<std::string, std::vector<std::int64_t>>> FindCustomersByImportKey(
    store::Tx& tx, const ImportKey& key, const std::vector<std::string>& keys);
/// The one customer of a key's `ids`: none when empty, InvalidArgument naming
/// key.Field() when two customers hold it.
Result<std::optional<std::int64_t>> OneCustomer(const ImportKey& key,
                                                const std::vector<std::int64_t>& ids);
/// The customer holding `value` under `key`: NormalizeImportKey, FindCustomersByImportKey
/// and OneCustomer for one value.
Result<std::optional<std::int64_t>> FindCustomerByImportKey(store::Tx& tx, const ImportKey& key,
                                                            const std::string& value);

}  // namespace chaincrm::services
