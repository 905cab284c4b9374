#include "domain/similarity.h"

#include <gtest/gtest.h>

namespace chaincrm::domain {
namespace {

DuplicateFeatures F(std::string name, std::string city = "", std::string street = "") {
  DuplicateFeatures f;
  f.kind = "person";
  f.name = std::move(name);
  f.city = std::move(city);
  f.street = std::move(street);
  return f;
}

TEST(Similarity, JaroWinklerKnownValues) {
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.961, 0.001);
  EXPECT_NEAR(JaroWinkler("dixon", "dicksonx"), 0.813, 0.001);
  EXPECT_DOUBLE_EQ(JaroWinkler("same", "same"), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("", "x"), 0.0);
  EXPECT_GT(JaroWinkler("杭州丝绸有限公司", "杭州丝绸公司"), 0.85);  // by code point
}

TEST(Similarity, TrigramSimilarity) {
  EXPECT_DOUBLE_EQ(TrigramSimilarity("main street 1", "main street 1"), 1.0);
  EXPECT_GT(TrigramSimilarity("main street 1", "main st 1"), 0.4);
  EXPECT_LT(TrigramSimilarity("main street 1", "harbour road 9"), 0.1);
  EXPECT_DOUBLE_EQ(TrigramSimilarity("", "x"), 0.0);
}

TEST(Similarity, StrongKeysAloneAreDuplicates) {
  auto a = F("anna schmidt"), b = F("a. schmidt-meyer");
  a.emails = {"anna@example.com"};
  b.emails = {"anna@example.com"};
  auto s = ScorePair(a, b);
  EXPECT_NEAR(s.score, kWeightEmail, 1e-9);
  EXPECT_GE(s.score, kDuplicateThreshold);
  EXPECT_EQ(s.reasons, std::vector<std::string>{"email"});

  a = F("x"), b = F("y");
  a.phones = b.phones = {"4930123456"};
  EXPECT_GE(ScorePair(a, b).score, kDuplicateThreshold);
  a = F("x"), b = F("y");
  a.tax_id = b.tax_id = "DE123";
  EXPECT_GE(ScorePair(a, b).score, kDuplicateThreshold);
}

TEST(Similarity, NameAndCityAreNotEnoughButNameAndStreetAre) {
  EXPECT_LT(ScorePair(F("anna schmidt"), F("anna schmidt")).score, kDuplicateThreshold);
  // The same common name in the same city is frequent ("wang wei" in Beijing).
  auto s = ScorePair(F("wang wei", "beijing"), F("wang wei", "beijing"));
  EXPECT_LT(s.score, kDuplicateThreshold);
  EXPECT_EQ(s.reasons, (std::vector<std::string>{"name", "city"}));
  s = ScorePair(F("anna schmidt", "berlin", "hauptstrasse 5 10115"),
                F("anna schmitt", "berlin", "hauptstr. 5 10115"));
  EXPECT_GE(s.score, kDuplicateThreshold);
  EXPECT_EQ(s.reasons, (std::vector<std::string>{"name", "city", "address"}));
  s = ScorePair(F("anna schmidt", "", "hauptstrasse 5 10115"),
                F("anna schmidt", "", "hauptstr. 5 10115"));
  EXPECT_GE(s.score, kDuplicateThreshold);
  // Different names at the same place are not duplicates.
  EXPECT_LT(ScorePair(F("anna schmidt", "berlin", "hauptstrasse 5"),
                      F("paul weber", "berlin", "hauptstrasse 5"))
                .score,
            0.1);
}

TEST(Similarity, DifferentKindHalvesFuzzySignals) {
  auto a = F("acme", "berlin"), b = F("acme", "berlin");
  b.kind = "organization";
  EXPECT_LT(ScorePair(a, b).score, kDuplicateThreshold);
}

}  // namespace
}  // namespace chaincrm::domain
