#include "domain/permission.h"

#include <gtest/gtest.h>

namespace chaincrm::domain {
namespace {

constexpr Role kRoles[] = {Role::kAdmin, Role::kManager, Role::kSales,
                           Role::kAgent, Role::kAnalyst, Role::kCustomer};

TEST(Permission, RoleNamesRoundTrip) {
  for (Role r : kRoles) EXPECT_EQ(ParseRole(RoleName(r)), r);
  EXPECT_FALSE(ParseRole("root").has_value());
}

TEST(Permission, MatrixHighlights) {
  EXPECT_EQ(Allowed(Role::kAdmin, Resource::kUsers, Action::kCreate), Scope::kAll);
  EXPECT_EQ(Allowed(Role::kManager, Resource::kUsers, Action::kRead), Scope::kNone);
  EXPECT_EQ(Allowed(Role::kSales, Resource::kCustomers, Action::kUpdate), Scope::kOwn);
  EXPECT_EQ(Allowed(Role::kSales, Resource::kCustomers, Action::kCreate), Scope::kAll);
  EXPECT_EQ(Allowed(Role::kAgent, Resource::kCustomers, Action::kCreate), Scope::kNone);
  EXPECT_EQ(Allowed(Role::kAgent, Resource::kInteractions, Action::kCreate), Scope::kAll);
  EXPECT_EQ(Allowed(Role::kAnalyst, Resource::kCustomers, Action::kUpdate), Scope::kNone);
  EXPECT_EQ(Allowed(Role::kCustomer, Resource::kCustomers, Action::kRead), Scope::kSelf);
  EXPECT_EQ(Allowed(Role::kCustomer, Resource::kAudit, Action::kRead), Scope::kNone);
}

TEST(Permission, PortalUsersNeverWriteAndNobodyButAdminManagesUsers) {
  for (Resource res :
       {Resource::kCustomers, Resource::kContacts, Resource::kInteractions, Resource::kPurchases,
        Resource::kCustomFields, Resource::kUsers, Resource::kTokens, Resource::kAudit}) {
    for (Action a : {Action::kCreate, Action::kUpdate, Action::kDelete}) {
      EXPECT_EQ(Allowed(Role::kCustomer, res, a), Scope::kNone);
    }
  }
  for (Role r : kRoles) {
    if (r == Role::kAdmin) continue;
    EXPECT_EQ(Allowed(r, Resource::kUsers, Action::kCreate), Scope::kNone) << RoleName(r);
    EXPECT_EQ(Allowed(r, Resource::kTokens, Action::kCreate), Scope::kNone) << RoleName(r);
  }
}

TEST(Permission, SensitiveFieldsByRole) {
  EXPECT_FALSE(SensitiveFor(Role::kAgent).measurements);
  EXPECT_FALSE(SensitiveFor(Role::kAgent).birth_date);
  EXPECT_FALSE(SensitiveFor(Role::kAnalyst).measurements);
  EXPECT_TRUE(SensitiveFor(Role::kAnalyst).income_band);
  EXPECT_TRUE(SensitiveFor(Role::kSales).measurements);
}

}  // namespace
}  // namespace chaincrm::domain
