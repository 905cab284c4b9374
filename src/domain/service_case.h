#pragma once
// Case (ticket) vocabulary and the status workflow. No I/O.
//   new → open → pending_customer → resolved → closed; pending_customer → open;
//   open → resolved; reopen: resolved | closed → open.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace chaincrm::domain {

inline constexpr const char* kCaseCategories[] = {
    "technical_support", "pre_sales_inquiry", "complaint",        "order_delivery_problem",
    "return_claim",      "billing",           "logistics_demand", "other"};
inline constexpr const char* kCaseChannels[] = {"phone",  "fax",   "email", "web",
                                                "letter", "visit", "chat",  "social"};
inline constexpr const char* kCasePriorities[] = {"low", "normal", "high", "urgent"};
inline constexpr const char* kCaseStatuses[] = {"new", "open", "pending_customer", "resolved",
                                                "closed"};
inline constexpr const char* kNoteVisibilities[] = {"internal", "customer"};

struct Case {
  std::int64_t id = 0;
  std::string number;  // "CS-000123", set from the id when inserted
  std::int64_t customer_id = 0;
  std::optional<std::int64_t> contact_id;
  std::string subject;
  std::optional<std::string> description;
  std::string category, channel, priority, status;
  std::optional<std::int64_t> owner_id;
  std::optional<std::string> queue;
  std::optional<std::int64_t> order_id, order_line_id;  // orders of migration 4
  std::optional<std::string> serial;
  std::optional<std::int64_t> purchase_id, interaction_id;
  std::optional<Millis> first_response_at, resolved_at, closed_at;
  std::optional<std::int64_t> resolved_by;
  std::int64_t reopen_count = 0;
  std::int64_t version = 0;
  std::optional<std::int64_t> created_by;
  Millis created_at = 0, updated_at = 0;
};

struct CaseNote {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string visibility;   // internal | customer
  std::string author_kind;  // staff | customer
  std::optional<std::int64_t> author_user_id;
  std::string author_label;
  std::string body;
  Millis created_at = 0;
};

/// True when `value` is one of `set`.
template <std::size_t N>
bool OneOf(std::string_view value, const char* const (&set)[N]) {
  for (const char* s : set)
    if (value == s) return true;
  return false;
}

/// True when a case may move from status `from` to status `to`.
bool CaseTransitionAllowed(std::string_view from, std::string_view to);
/// True for resolved → open and closed → open.
bool IsReopen(std::string_view from, std::string_view to);
/// True while the case is neither resolved nor closed.
bool IsOpenStatus(std::string_view status);

}  // namespace chaincrm::domain
