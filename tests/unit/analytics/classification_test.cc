#include "analytics/classification.h"

#include <gtest/gtest.h>

#include <vector>

#include "testing/status_matchers.h"

namespace chaincrm::analytics {
namespace {

TEST(Classification, KeyPotentialGeneral) {
  // Ten customers, 20 % shares: two key by current value; potential = in the top two by
  // outlook (predicted + potential) over all customers, but not key.
  std::vector<ValueInputs> c;
  for (int i = 1; i <= 10; ++i) c.push_back({i, static_cast<double>(i * 10), 0, 0});
  c[0].predicted_value = 500;  // low current value, high predicted value
  c[1].potential_value = 400;  // high potential value
  c[2].potential_value = 300;  // third best outlook: not in the top 20 %
  ASSERT_OK_AND_ASSIGN(const auto classes, ClassifyValue(c, {}));
  EXPECT_EQ(classes[9], ValueClass::kKey);
  EXPECT_EQ(classes[8], ValueClass::kKey);
  EXPECT_EQ(classes[7], ValueClass::kGeneral);
  EXPECT_EQ(classes[0], ValueClass::kPotential);
  EXPECT_EQ(classes[1], ValueClass::kPotential);
  EXPECT_EQ(classes[2], ValueClass::kGeneral);
  EXPECT_EQ(ValueClassName(classes[2]), "general");
}

TEST(Classification, EveryCustomerGetsExactlyOneClassAndZeroValueIsNeverKey) {
  std::vector<ValueInputs> c = {{1, 0, 0, 0}, {2, 0, 0, 0}, {3, -5, 0, 0}};
  ASSERT_OK_AND_ASSIGN(const auto classes, ClassifyValue(c, {}));
  for (ValueClass v : classes) EXPECT_EQ(v, ValueClass::kGeneral);
  EXPECT_FALSE(ClassifyValue({}, {}).has_value());
  ValueClassOptions bad;
  bad.key_share = 2;
  EXPECT_FALSE(ClassifyValue(c, bad).has_value());
}

TEST(Classification, AccountSize) {
  const AccountSizeOptions o;
  EXPECT_EQ(ClassifyAccountSize({300, std::nullopt, "retail"}, o), AccountSize::kLarge);
  EXPECT_EQ(ClassifyAccountSize({10, 80e6, "retail"}, o), AccountSize::kLarge);
  EXPECT_EQ(ClassifyAccountSize({5, 1e5, " Government "}, o), AccountSize::kLarge);
  EXPECT_EQ(ClassifyAccountSize({5, 1e5, "EDUCATION"}, o), AccountSize::kLarge);
  EXPECT_EQ(ClassifyAccountSize({249, 49e6, "retail"}, o), AccountSize::kSmall);
  EXPECT_EQ(ClassifyAccountSize({}, o), AccountSize::kSmall);
  EXPECT_EQ(AccountSizeName(AccountSize::kLarge), "large");
}

}  // namespace
}  // namespace chaincrm::analytics
