#include "domain/permission.h"

namespace chaincrm::domain {

std::optional<Role> ParseRole(std::string_view s) {
  if (s == "admin") return Role::kAdmin;
  if (s == "manager") return Role::kManager;
  if (s == "sales") return Role::kSales;
  if (s == "agent") return Role::kAgent;
  if (s == "analyst") return Role::kAnalyst;
  if (s == "customer") return Role::kCustomer;
  return std::nullopt;
}

const char* RoleName(Role r) {
  switch (r) {
    case Role::kAdmin:
      return "admin";
    case Role::kManager:
      return "manager";
    case Role::kSales:
      return "sales";
    case Role::kAgent:
      return "agent";
    case Role::kAnalyst:
      return "analyst";
    case Role::kCustomer:
      return "customer";
  }
  return "unknown";
}

Scope Allowed(Role role, Resource resource, Action action) {
  using R = Resource;
  using A = Action;
  const bool read = action == A::kRead;
  switch (role) {
    case Role::kAdmin:
      return Scope::kAll;
    case Role::kManager:
      if (resource == R::kUsers || resource == R::kTokens) return Scope::kNone;
      if (resource == R::kCustomFields) return read ? Scope::kAll : Scope::kNone;
      return Scope::kAll;
    case Role::kSales:
      switch (resource) {
        case R::kCustomers:
        case R::kContacts:
          if (action == A::kUpdate || action == A::kDelete) return Scope::kOwn;
          return Scope::kAll;
        case R::kInteractions:
        case R::kPurchases:
          return action == A::kRead || action == A::kCreate ? Scope::kAll : Scope::kNone;
        case R::kCustomFields:
        case R::kLookup:
        case R::kAnalytics:
        case R::kProducts:
        case R::kShipments:
        case R::kInvoices:
        case R::kReturns:
        case R::kSurveys:
          return read ? Scope::kAll : Scope::kNone;
        case R::kOrders:
        case R::kCases:
          return action == A::kDelete ? Scope::kNone : Scope::kAll;
        case R::kOpportunities:
        case R::kTasks:
          if (action == A::kUpdate || action == A::kDelete) return Scope::kOwn;
          return Scope::kAll;
        case R::kPrivacy:
          return action == A::kRead || action == A::kCreate ? Scope::kAll : Scope::kNone;
        default:
          return Scope::kNone;
      }
    case Role::kAgent:
      switch (resource) {
        case R::kCustomers:
        case R::kContacts:
        case R::kPurchases:
        case R::kCustomFields:
        case R::kLookup:
          return read ? Scope::kAll : Scope::kNone;
        case R::kProducts:
        case R::kOrders:
        case R::kShipments:
        case R::kInvoices:
        case R::kOpportunities:
          return read ? Scope::kAll : Scope::kNone;
        case R::kInteractions:
        case R::kSurveys:
        case R::kPrivacy:
          return action == A::kRead || action == A::kCreate ? Scope::kAll : Scope::kNone;
        case R::kCases:
        case R::kReturns:
        case R::kTasks:
          return action == A::kDelete ? Scope::kNone : Scope::kAll;
        default:
          return Scope::kNone;
      }
    case Role::kAnalyst:
      switch (resource) {
        case R::kCustomers:
        case R::kContacts:
        case R::kInteractions:
        case R::kPurchases:
        case R::kCustomFields:
        case R::kLookup:
        case R::kProducts:
        case R::kOrders:
        case R::kShipments:
        case R::kInvoices:
        case R::kOpportunities:
        case R::kTasks:
        case R::kCases:
        case R::kReturns:
        case R::kSurveys:
        case R::kServiceConfig:
          return read ? Scope::kAll : Scope::kNone;
        case R::kAnalytics:
          return Scope::kAll;
        default:
          return Scope::kNone;
      }
    case Role::kCustomer:
      switch (resource) {
        case R::kCustomers:
        case R::kContacts:
        case R::kInteractions:
        case R::kPurchases:
        case R::kOrders:
        case R::kShipments:
        case R::kInvoices:
        case R::kReturns:
          return read ? Scope::kSelf : Scope::kNone;
        case R::kCases:    // open a case and reply to it
        case R::kSurveys:  // answer its surveys
        case R::kPrivacy:  // its contact preferences and its own data export
          return action == A::kDelete ? Scope::kNone : Scope::kSelf;
        case R::kCustomFields:
        case R::kProducts:  // the catalogue and the configurator
          return read ? Scope::kAll : Scope::kNone;
        default:
          return Scope::kNone;
      }
  }
  return Scope::kNone;
}

SensitiveVisibility SensitiveFor(Role role) {
  switch (role) {
    case Role::kAdmin:
    case Role::kManager:
    case Role::kSales:
    case Role::kCustomer:  // only ever its own record
      return {true, true, true};
    case Role::kAnalyst:
      return {false, true, true};
    case Role::kAgent:
      return {false, false, false};
  }
  return {};
}

}  // namespace chaincrm::domain
