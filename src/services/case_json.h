#pragma once
// JSON mapping of cases and case notes.

#include <boost/json.hpp>
#include <optional>
#include <vector>

#include "core/error.h"
#include "domain/service_case.h"

namespace chaincrm::services {

boost::json::object CaseToJson(const domain::Case& c);
boost::json::object CaseNoteToJson(const domain::CaseNote& n);

/// Reads a case body onto `c`: every field on create (subject, category, channel
/// required), only the fields present on a patch. `status` is not read here (the service
/// applies transitions). A portal body may carry only the customer-facing fields.
/// Returns the field errors.
std::vector<FieldError> CaseFromJson(const boost::json::object& body, bool create, bool portal,
                                     domain::Case& c);

}  // namespace chaincrm::services
