#pragma once
// Roles and the one permission matrix (role × resource × action, with a scope).

#include <optional>
#include <string>
#include <string_view>

namespace chaincrm::domain {

enum class Role { kAdmin, kManager, kSales, kAgent, kAnalyst, kCustomer };
enum class Resource {
  kCustomers,
  kContacts,
  kInteractions,
  kPurchases,
  kCustomFields,
  kUsers,
  kTokens,
  kAudit,
  kLookup,
  kAnalytics,
  kProducts,       // products, option groups, rules
  kOrders,         // configurations, quotes, orders, fulfilment, Perfect Order reports
  kShipments,      // shipments and tracking events
  kInvoices,       // invoices, payments, credit notes, receivables
  kOpportunities,  // the pipeline
  kTasks,          // activities and tasks with due dates
  kCases,          // service cases, notes, calls, service metrics and forecasts
  kReturns,        // returns and claims
  kSurveys,        // satisfaction surveys and responses
  kServiceConfig,  // business calendars, SLA policies, survey templates
  kImports,        // mapped imports (exports follow the listed resource's read)
  kPrivacy,        // consents, data-subject export, erasure
  kMerges,         // duplicate review, merge and unmerge
};
enum class Action { kRead, kCreate, kUpdate, kDelete };

/// How far an allowed action reaches: every record, records the user owns (sales on
/// updates), or only the portal user's own customer.
enum class Scope { kNone, kAll, kOwn, kSelf };

std::optional<Role> ParseRole(std::string_view s);
const char* RoleName(Role r);

/// The matrix. kNone means forbidden (403, or 404 where existence must not leak).
Scope Allowed(Role role, Resource resource, Action action);

/// Which sensitive customer fields a role may see.
struct SensitiveVisibility {
  bool measurements = false;
  bool birth_date = false;
  bool income_band = false;
};
SensitiveVisibility SensitiveFor(Role role);

}  // namespace chaincrm::domain
