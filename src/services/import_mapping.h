#pragma once
// The column mapping of a CSV import: which source column feeds which target field,
// through which transforms, plus constant fields. Parsed once from JSON, applied per row.
//
//   {"columns": {"E-mail": "email",
//                "Full name": {"field": "name", "transform": ["trim"]},
//                "Born": {"field": "birth_date", "transform": ["date:%d/%m/%Y"]}},
//    "constants": {"kind": "person", "roles": "end_customer"}}

#include <boost/json.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace chaincrm::services {

/// One step applied to a cell: trim, upper, lower, phone, date:<strptime format>,
/// split_name:given, split_name:family, default:<text>.
struct Transform {
  std::string name;
  std::string arg;
};

struct ColumnRule {
  std::string column;  // header name in the file
  std::string field;   // target field ("email", "custom.tier", "external_id.erp", ...)
  std::vector<Transform> transforms;
};

struct ImportMapping {
  std::vector<ColumnRule> columns;
  std::vector<std::pair<std::string, std::string>> constants;  // field → value
};

/// Parses and checks the mapping's shape (not the field names: the target does that).
/// InvalidArgument with field errors naming the offending mapping key.
Result<ImportMapping> ParseImportMapping(const boost::json::value& v);

/// Applies `transforms` to `cell` in order. InvalidArgument with a message naming the
/// transform ("date:%d/%m/%Y: '31/02/2024' is not a date").
Result<std::string> ApplyTransforms(std::string cell, const std::vector<Transform>& transforms);

/// One row after mapping: target field → text value (empty cells are left out).
using MappedRow = std::map<std::string, std::string>;

/// The field → source column, for reports ("birth_date" came from "Born").
struct BoundMapping {
  std::vector<std::pair<int, const ColumnRule*>> cells;  // header index → rule
  std::vector<std::string> unknown_columns;              // in the file, not mapped
  std::vector<std::string> missing_columns;              // mapped, not in the file
};
BoundMapping BindHeader(const ImportMapping& m, const std::vector<std::string>& header);

/// Maps one record. Returns the row, or the first transform error as a FieldError on
/// the target field whose message names the source column.
Result<MappedRow> MapRecord(const ImportMapping& m, const BoundMapping& b,
                            const std::vector<std::string>& record);

}  // namespace chaincrm::services
