#pragma once
// Cases and their notes.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/service_case.h"
#include "store/database.h"

namespace chaincrm::store {

/// Inserts `c` and sets its id, version 1 and number "CS-<id, 6 digits>".
Status InsertCase(Tx& tx, domain::Case& c);
/// Writes every mutable column when the stored version is `expected_version`; Aborted
/// otherwise. Bumps c.version.
Status UpdateCase(Tx& tx, domain::Case& c, std::int64_t expected_version);
/// NotFound("case N not found").
Result<domain::Case> LoadCase(Tx& tx, std::int64_t id);
/// The case with this number ("CS-000123", case-insensitive), if any.
Result<std::optional<domain::Case>> FindCaseByNumber(Tx& tx, const std::string& number);

struct CaseFilter {
  std::optional<std::string> status, queue, category, priority;
  std::optional<std::int64_t> owner_id, customer_id;
  bool open_only = false;                                 // neither resolved nor closed
  std::optional<std::pair<Millis, std::int64_t>> before;  // (created_at, id) keyset
  int limit = 50;
};
/// Newest first.
Result<std::vector<domain::Case>> ListCases(Tx& tx, const CaseFilter& f);

Status InsertCaseNote(Tx& tx, domain::CaseNote& n);
/// Oldest first; internal notes only when `include_internal`.
Result<std::vector<domain::CaseNote>> ListCaseNotes(Tx& tx, std::int64_t case_id,
                                                    bool include_internal);

}  // namespace chaincrm::store
