#include "domain/service_case.h"

namespace chaincrm::domain {

bool CaseTransitionAllowed(std::string_view from, std::string_view to) {
  struct Edge {
    std::string_view from, to;
  };
  static constexpr Edge kEdges[] = {
      {"new", "open"},
      {"open", "pending_customer"},
      {"pending_customer", "open"},
      {"open", "resolved"},
      {"pending_customer", "resolved"},
      {"resolved", "closed"},
      {"resolved", "open"},
      {"closed", "open"},
  };
  for (const auto& e : kEdges)
    if (e.from == from && e.to == to) return true;
  return false;
}

bool IsReopen(std::string_view from, std::string_view to) {
  return to == "open" && (from == "resolved" || from == "closed");
}

bool IsOpenStatus(std::string_view status) { return status != "resolved" && status != "closed"; }

}  // namespace chaincrm::domain
