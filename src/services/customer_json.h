#pragma once
// The one JSON mapping of a customer: API responses, request bodies, and the change
// log's before/after all use it, so the three never drift apart.

#include <boost/json.hpp>
#include <vector>

#include "domain/custom_field.h"
#include "domain/customer.h"
#include "domain/permission.h"

namespace chaincrm::services {

/// The customer as JSON. Sensitive fields the visibility does not allow are omitted.
/// `currency` is the ledger currency used for the stats.
boost::json::object CustomerToJson(const domain::Customer& c,
                                   const domain::SensitiveVisibility& vis,
                                   const std::string& currency);

/// Reads writable fields from `o` into `c` (fields absent from `o` keep their values).
/// Read-only keys (id, status, stats, version, timestamps) are accepted and ignored;
/// unknown keys and wrongly typed values become field errors.
std::vector<FieldError> CustomerFromJson(const boost::json::object& o,
                                         const std::vector<domain::CustomFieldDef>& defs,
                                         domain::Customer& c);

/// RFC 7396 JSON merge patch: applies `patch` to `target` in place.
void MergePatch(boost::json::object& target, const boost::json::object& patch);

/// Field-by-field differences between two JSON objects (top-level keys), for history.
boost::json::array DiffObjects(const boost::json::object& before, const boost::json::object& after);

}  // namespace chaincrm::services
