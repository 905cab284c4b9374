#include "core/text.h"

#include <gtest/gtest.h>

#include "core/money.h"
#include "testing/status_matchers.h"

namespace chaincrm {
namespace {

TEST(FoldForSearch, RemovesCaseAccentsAndExtraSpace) {
  EXPECT_EQ(FoldForSearch("  José  MÜLLER-Çelik "), "jose muller-celik");
  EXPECT_EQ(FoldForSearch("Straße Łódź"), "strasse lodz");
  EXPECT_EQ(FoldForSearch("杭州丝绸有限公司"), "杭州丝绸有限公司");
}

TEST(NormalizePhone, KeepsDigitsAndDropsInternationalPrefix) {
  EXPECT_EQ(NormalizePhone("+86 571-8888 1234"), "8657188881234");
  EXPECT_EQ(NormalizePhone("0086 (571) 8888-1234"), "8657188881234");
  EXPECT_EQ(NormalizePhone("12"), "");
  EXPECT_EQ(ReversedDigits("123"), "321");
}

TEST(NormalizeEmail, LowerCasesAndRejectsImplausible) {
  EXPECT_EQ(NormalizeEmail(" Li.Wei@Example.COM "), "li.wei@example.com");
  EXPECT_EQ(NormalizeEmail("not-an-email"), "");
  EXPECT_EQ(NormalizeEmail("a@b"), "");
  EXPECT_EQ(NormalizeEmail("a@@b.com"), "");
}

TEST(Money, ParsesAndFormatsMinorUnits) {
  ASSERT_OK_AND_ASSIGN(auto v, ParseAmount("123.45"));
  EXPECT_EQ(v, 12345);
  ASSERT_OK_AND_ASSIGN(auto w, ParseAmount("-0.5"));
  EXPECT_EQ(w, -50);
  EXPECT_FALSE(ParseAmount("1.234").has_value());
  EXPECT_FALSE(ParseAmount("abc").has_value());
  EXPECT_EQ(FormatAmount(-5), "-0.05");
  EXPECT_EQ(FormatAmount(12345), "123.45");
}

}  // namespace
}  // namespace chaincrm
