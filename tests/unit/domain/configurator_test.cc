#include "domain/configurator.h"

#include <gtest/gtest.h>

namespace chaincrm::domain {
namespace {

// A shirt: base 300.00, 10 days; silk +180.00/+5 days, french cuff +25.50/+2 days.
ProductModel Shirt() {
  ProductModel m;
  m.price = 30000;
  m.cost = 12000;
  m.lead_time_days = 10;
  OptionGroup fabric{"fabric", "Fabric", GroupKind::kChoice, true, {}, {}, {}};
  fabric.options = {{"poplin", "Poplin", 0, 0, 0}, {"silk", "Silk", 18000, 9000, 5}};
  OptionGroup collar{"collar", "Collar", GroupKind::kChoice, true, {}, {}, {}};
  collar.options = {{"spread", "Spread", 0, 0, 0}, {"button-down", "Button-down", 1000, 0, 0}};
  OptionGroup cuff{"cuff", "Cuff", GroupKind::kChoice, false, {}, {}, {}};
  cuff.options = {{"barrel", "Barrel", 0, 0, 0}, {"french", "French", 2550, 500, 2}};
  OptionGroup neck{"neck_cm", "Neck", GroupKind::kMeasurement, true, 30.0, 50.0, {}};
  m.groups = {fabric, collar, cuff, neck};
  m.rules = {
      {"No button-down on silk", RuleKind::kExcludes, "fabric", "silk", "collar", {"button-down"}},
      {"French cuffs need a spread collar",
       RuleKind::kRequires,
       "cuff",
       "french",
       "collar",
       {"spread"}}};
  return m;
}

Selection Pick(std::map<std::string, std::string> choices, double neck = 40) {
  return {std::move(choices), {{"neck_cm", neck}}};
}

TEST(Configurator, PricesBasePlusDeltasAndAddsLeadTimes) {
  auto p = EvaluateConfiguration(
      Shirt(), Pick({{"fabric", "silk"}, {"collar", "spread"}, {"cuff", "french"}}));
  ASSERT_TRUE(p.has_value()) << p.error().message();
  EXPECT_EQ(p->unit_price, 30000 + 18000 + 2550);
  EXPECT_EQ(p->unit_cost, 12000 + 9000 + 500);
  EXPECT_EQ(p->lead_time_days, 17);
}

TEST(Configurator, ExclusionRuleIsNamed) {
  auto p = EvaluateConfiguration(Shirt(), Pick({{"fabric", "silk"}, {"collar", "button-down"}}));
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().code(), Code::kInvalidArgument);
  EXPECT_NE(p.error().message().find("No button-down on silk"), std::string::npos);
  ASSERT_EQ(p.error().fields().size(), 1u);
  EXPECT_EQ(p.error().fields()[0].field, "rules.No button-down on silk");
}

TEST(Configurator, RequirementRuleIsNamedAndOnlyFiresWhenItsConditionHolds) {
  auto broken = EvaluateConfiguration(
      Shirt(), Pick({{"fabric", "poplin"}, {"collar", "button-down"}, {"cuff", "french"}}));
  ASSERT_FALSE(broken.has_value());
  EXPECT_EQ(broken.error().fields()[0].field, "rules.French cuffs need a spread collar");
  // Barrel cuffs: the requirement does not apply; an optional group may be left out.
  EXPECT_TRUE(
      EvaluateConfiguration(
          Shirt(), Pick({{"fabric", "poplin"}, {"collar", "button-down"}, {"cuff", "barrel"}}))
          .has_value());
  EXPECT_TRUE(
      EvaluateConfiguration(Shirt(), Pick({{"fabric", "poplin"}, {"collar", "button-down"}}))
          .has_value());
}

TEST(Configurator, MissingUnknownAndOutOfRangeChoicesNameTheirFields) {
  auto missing = EvaluateConfiguration(Shirt(), Pick({{"fabric", "silk"}}));
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().fields()[0].field, "options.collar");
  auto unknown = EvaluateConfiguration(Shirt(), Pick({{"fabric", "denim"}, {"collar", "spread"}}));
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().fields()[0].field, "options.fabric");
  auto range = EvaluateConfiguration(Shirt(), Pick({{"fabric", "silk"}, {"collar", "spread"}}, 99));
  ASSERT_FALSE(range.has_value());
  EXPECT_EQ(range.error().fields()[0].field, "measurements.neck_cm");
}

TEST(Configurator, ModelValidationCatchesRulesNamingNothing) {
  ProductModel m = Shirt();
  EXPECT_TRUE(ValidateModel(m).empty());
  m.rules[0].then_options = {"no-such"};
  m.rules[1].if_group = "sleeve";
  m.groups[1].options.push_back({"spread", "Again", 0, 0, 0});
  const auto errs = ValidateModel(m);
  std::vector<std::string> fields;
  for (const auto& e : errs) fields.push_back(e.field);
  EXPECT_NE(std::find(fields.begin(), fields.end(), "rules[0].then.options"), fields.end());
  EXPECT_NE(std::find(fields.begin(), fields.end(), "rules[1].if.group"), fields.end());
  EXPECT_NE(std::find(fields.begin(), fields.end(), "option_groups[1].options[2].code"),
            fields.end());
}

}  // namespace
}  // namespace chaincrm::domain
