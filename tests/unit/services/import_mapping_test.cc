#include "services/import_mapping.h"

#include <gtest/gtest.h>

namespace chaincrm::services {
namespace {

namespace json = boost::json;

std::string Apply(const std::string& cell, std::initializer_list<Transform> t) {
  auto r = ApplyTransforms(cell, std::vector<Transform>(t));
  return r ? *r : "ERROR: " + r.error().message();
}

TEST(ImportTransforms, TrimCaseAndDefault) {
  EXPECT_EQ(Apply("  Ada  ", {{"trim", ""}}), "Ada");
  EXPECT_EQ(Apply("Gold", {{"upper", ""}}), "GOLD");
  EXPECT_EQ(Apply("Gold", {{"lower", ""}}), "gold");
  EXPECT_EQ(Apply(" ", {{"default", "n/a"}}), "n/a");
  EXPECT_EQ(Apply("x", {{"default", "n/a"}}), "x");
}

TEST(ImportTransforms, DatesInAGivenFormatBecomeIsoDates) {
  EXPECT_EQ(Apply("10/12/1815", {{"date", "%d/%m/%Y"}}), "1815-12-10");
  EXPECT_EQ(Apply("29/02/2024", {{"date", "%d/%m/%Y"}}), "2024-02-29");
  EXPECT_EQ(Apply("12.31.99", {{"date", "%m.%d.%y"}}), "1999-12-31");
  EXPECT_EQ(Apply("", {{"date", "%d/%m/%Y"}}), "") << "empty cells stay empty";
  EXPECT_NE(Apply("31/02/1990", {{"date", "%d/%m/%Y"}}).find("ERROR"), std::string::npos);
  EXPECT_NE(Apply("29/02/2023", {{"date", "%d/%m/%Y"}}).find("ERROR"), std::string::npos);
  EXPECT_NE(Apply("1990-01-01", {{"date", "%d/%m/%Y"}}).find("ERROR"), std::string::npos);
  EXPECT_NE(Apply("10/12/1815 junk", {{"date", "%d/%m/%Y"}}).find("ERROR"), std::string::npos);
}

TEST(ImportTransforms, SplitNameAndPhone) {
  EXPECT_EQ(Apply("Ada King Lovelace", {{"split_name", "given"}}), "Ada King");
  EXPECT_EQ(Apply("Ada King Lovelace", {{"split_name", "family"}}), "Lovelace");
  EXPECT_EQ(Apply("Lovelace, Ada", {{"split_name", "given"}}), "Ada");
  EXPECT_EQ(Apply("Lovelace, Ada", {{"split_name", "family"}}), "Lovelace");
  EXPECT_EQ(Apply("Plato", {{"split_name", "family"}}), "");
  EXPECT_EQ(Apply("+44 (20) 7946-0000", {{"phone", ""}}), "+442079460000");
  EXPECT_EQ(Apply("020 7946 0000", {{"phone", ""}}), "02079460000");
  EXPECT_NE(Apply("call me", {{"phone", ""}}).find("ERROR"), std::string::npos);
}

TEST(ImportMapping, ParsesColumnsTransformsAndConstants) {
  auto m = ParseImportMapping(json::parse(R"({"columns": {"Mail": "email",
      "Name": {"field": "given_name", "transform": ["trim", "split_name:given"]}},
      "constants": {"kind": "person", "roles": ["end_customer", "retailer"]}})"));
  ASSERT_TRUE(m) << m.error().message();
  ASSERT_EQ(m->columns.size(), 2u);
  const auto b = BindHeader(*m, {"Name", "Mail", "Extra"});
  EXPECT_EQ(b.unknown_columns, std::vector<std::string>{"Extra"});
  EXPECT_TRUE(b.missing_columns.empty());
  auto row = MapRecord(*m, b, {" Ada Lovelace ", "ada@x.org", "ignored"});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->at("email"), "ada@x.org");
  EXPECT_EQ(row->at("given_name"), "Ada");
  EXPECT_EQ(row->at("kind"), "person");
  EXPECT_EQ(row->at("roles"), "end_customer,retailer");
}

TEST(ImportMapping, ColumnsWinOverConstantsAndBadTransformsAreNamed) {
  auto m = ParseImportMapping(json::parse(
      R"({"columns": {"K": "kind", "D": {"field": "birth_date", "transform": "date:%Y%m%d"}}, "constants": {"kind": "person"}})"));
  ASSERT_TRUE(m);
  const auto b = BindHeader(*m, {"K", "D"});
  auto row = MapRecord(*m, b, {"organization", "19900101"});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->at("kind"), "organization");
  auto bad = MapRecord(*m, b, {"", "nineteen"});
  ASSERT_FALSE(bad);
  ASSERT_EQ(bad.error().fields().size(), 1u);
  EXPECT_EQ(bad.error().fields()[0].field, "birth_date");
  EXPECT_NE(bad.error().fields()[0].message.find("column 'D'"), std::string::npos);

  auto unknown = ParseImportMapping(
      json::parse(R"({"columns": {"A": {"field": "x", "transform": "shout"}}})"));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().fields().front().field, "columns.A");
  EXPECT_FALSE(ParseImportMapping(json::parse(R"({"columns": {}})")));
  EXPECT_FALSE(ParseImportMapping(json::parse(R"([1])")));
}

}  // namespace
}  // namespace chaincrm::services
