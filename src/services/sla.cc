// Placeholder bodies: the SLA helper replaces this file (see sla.h).
#include "services/sla.h"

namespace chaincrm::services {

Status StartCaseSla(store::Tx&, const CaseSlaFacts&) { return Ok(); }
Status OnCaseStatusChange(store::Tx&, std::int64_t, std::string_view, std::string_view, Millis) {
  return Ok();
}
Status OnCaseFirstResponse(store::Tx&, std::int64_t, Millis) { return Ok(); }
Status OnCasePriorityChange(store::Tx&, std::int64_t, std::string_view, Millis) { return Ok(); }
Result<boost::json::object> CaseSlaJson(store::Tx&, std::int64_t) { return boost::json::object(); }

}  // namespace chaincrm::services
