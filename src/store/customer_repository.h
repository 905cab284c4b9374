#pragma once
// Customers and their child rows (emails, phones, addresses, external ids, serials,
// tags, custom values). All functions run inside a caller's transaction.

#include <cstdint>
#include <vector>

#include "domain/custom_field.h"
#include "domain/customer.h"
#include "store/database.h"

namespace chaincrm::store {

/// Inserts `c` (id, version, timestamps are set). AlreadyExists when a serial or
/// external id belongs to another customer.
Status InsertCustomer(Tx& tx, domain::Customer& c, const std::vector<domain::CustomFieldDef>& defs);
/// Inserts many customers with multi-row statements (the import fast path); sets each
/// id and version. The caller sets the timestamps. AlreadyExists as InsertCustomer.
Status InsertCustomers(Tx& tx, std::vector<domain::Customer>& cs,
                       const std::vector<domain::CustomFieldDef>& defs);

/// Replaces the stored customer with `c` if its version is still `expected_version`;
/// Aborted("stale") otherwise. Bumps version and updated_at in `c`.
Status UpdateCustomer(Tx& tx, domain::Customer& c, std::int64_t expected_version,
                      const std::vector<domain::CustomFieldDef>& defs);

/// Sets status/archived_at and bumps the version.
Status SetCustomerStatus(Tx& tx, std::int64_t id, bool archived, Millis now);

/// Loads customers with all child rows, in the order of `ids` (missing ids skipped).
Result<std::vector<domain::Customer>> LoadCustomers(
    Tx& tx, const std::vector<std::int64_t>& ids, const std::vector<domain::CustomFieldDef>& defs);
/// Loads one customer or NotFound.
Result<domain::Customer> LoadCustomer(Tx& tx, std::int64_t id,
                                      const std::vector<domain::CustomFieldDef>& defs);

/// Custom field definitions for an entity.
Result<std::vector<domain::CustomFieldDef>> LoadCustomFieldDefs(Tx& tx);
Result<domain::CustomFieldDef> InsertCustomFieldDef(Tx& tx, domain::CustomFieldDef def, Millis now);
Status UpdateCustomFieldDef(Tx& tx, const domain::CustomFieldDef& def);
Status DeleteCustomFieldDef(Tx& tx, std::int64_t id);

}  // namespace chaincrm::store
