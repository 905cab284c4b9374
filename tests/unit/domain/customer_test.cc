#include "domain/customer.h"

#include <gtest/gtest.h>

#include "domain/custom_field.h"

namespace chaincrm::domain {
namespace {

bool HasField(const std::vector<FieldError>& errs, const std::string& field) {
  for (const auto& e : errs)
    if (e.field == field) return true;
  return false;
}

Customer Valid() {
  Customer c;
  c.kind = "organization";
  c.name = "  杭州丝绸有限公司 ";
  c.roles = {"supplier", "business_buyer", "supplier"};
  c.emails = {{"Orders@HZSilk.example.cn", "work", false}};
  c.phones = {{"+86 571 8888-1234", "work", ""}};
  c.tags = {"vip", " vip ", "key-account"};
  return c;
}

TEST(ValidateCustomer, AcceptsAndNormalisesAValidRecord) {
  Customer c = Valid();
  EXPECT_TRUE(ValidateCustomer(c).empty());
  EXPECT_EQ(c.name, "杭州丝绸有限公司");
  EXPECT_EQ(c.roles, (std::vector<std::string>{"business_buyer", "supplier"}));
  EXPECT_EQ(c.phones[0].normalized, "8657188881234");
  EXPECT_TRUE(c.emails[0].primary) << "the only email becomes primary";
  EXPECT_EQ(c.tags, (std::vector<std::string>{"key-account", "vip"}));
}

TEST(ValidateCustomer, NamesEachBadField) {
  Customer c = Valid();
  c.kind = "robot";
  c.name = " ";
  c.roles.push_back("pirate");
  c.emails.push_back({"not-an-email", "", false});
  c.phones.push_back({"12", "", ""});
  c.birth_date = "2999-01-01";
  c.gender = "x";
  c.measurements["chest_cm"] = -3;
  c.employees = -1;
  const auto errs = ValidateCustomer(c);
  for (const char* f : {"kind", "name", "roles[3]", "emails[1]", "phones[1]", "birth_date",
                        "gender", "measurements.chest_cm", "employees"}) {
    EXPECT_TRUE(HasField(errs, f)) << f;
  }
}

TEST(ValidateCustomer, RejectsDuplicateEmailsAndTwoPrimaries) {
  Customer c = Valid();
  c.emails = {{"a@b.cn", "", true}, {"A@B.CN", "", true}};
  const auto errs = ValidateCustomer(c);
  EXPECT_TRUE(HasField(errs, "emails[1]"));
  EXPECT_TRUE(HasField(errs, "emails"));
}

TEST(CustomFields, ValidateValuesByType) {
  CustomFieldDef tier{1, "customer", "loyalty_tier", "Tier", "enum", false, {"gold", "silver"}};
  CustomFieldDef size{2, "customer", "fleet_size", "Fleet", "integer", true, {}};
  const std::vector<CustomFieldDef> defs{tier, size};
  std::map<std::string, CustomValue> values{
      {"loyalty_tier", std::string("platinum")}, {"fleet_size", 2.5}, {"unknown", true}};
  const auto errs = ValidateCustomValues(values, defs);
  EXPECT_TRUE(HasField(errs, "custom.loyalty_tier"));
  EXPECT_TRUE(HasField(errs, "custom.fleet_size"));
  EXPECT_TRUE(HasField(errs, "custom.unknown"));
  EXPECT_TRUE(HasField(ValidateCustomValues({}, defs), "custom.fleet_size")) << "required";
  EXPECT_TRUE(
      ValidateCustomValues({{"loyalty_tier", std::string("gold")}, {"fleet_size", 12.0}}, defs)
          .empty());
}

TEST(CustomFields, DefinitionRules) {
  EXPECT_FALSE(ValidateCustomFieldDef({0, "customer", "Bad Key", "x", "text", false, {}}).empty());
  EXPECT_FALSE(ValidateCustomFieldDef({0, "customer", "tier", "Tier", "enum", false, {}}).empty());
  EXPECT_FALSE(
      ValidateCustomFieldDef({0, "customer", "tier", "Tier", "colour", false, {}}).empty());
  EXPECT_TRUE(
      ValidateCustomFieldDef({0, "customer", "tier", "Tier", "enum", false, {"a"}}).empty());
}

}  // namespace
}  // namespace chaincrm::domain
