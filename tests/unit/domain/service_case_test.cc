#include "domain/service_case.h"

#include <gtest/gtest.h>

namespace chaincrm::domain {
namespace {

TEST(CaseWorkflow, AllowsExactlyTheDocumentedTransitions) {
  int allowed = 0;
  for (const char* from : kCaseStatuses) {
    for (const char* to : kCaseStatuses) allowed += CaseTransitionAllowed(from, to);
  }
  EXPECT_EQ(allowed, 8);
  EXPECT_TRUE(CaseTransitionAllowed("new", "open"));
  EXPECT_TRUE(CaseTransitionAllowed("open", "pending_customer"));
  EXPECT_TRUE(CaseTransitionAllowed("pending_customer", "open"));
  EXPECT_TRUE(CaseTransitionAllowed("pending_customer", "resolved"));
  EXPECT_TRUE(CaseTransitionAllowed("resolved", "closed"));
  EXPECT_TRUE(CaseTransitionAllowed("closed", "open"));
  EXPECT_FALSE(CaseTransitionAllowed("new", "resolved"));
  EXPECT_FALSE(CaseTransitionAllowed("closed", "resolved"));
  EXPECT_FALSE(CaseTransitionAllowed("open", "open"));
  EXPECT_FALSE(CaseTransitionAllowed("open", "bogus"));
}

TEST(CaseWorkflow, ReopenAndOpenStatus) {
  EXPECT_TRUE(IsReopen("resolved", "open"));
  EXPECT_TRUE(IsReopen("closed", "open"));
  EXPECT_FALSE(IsReopen("pending_customer", "open"));
  EXPECT_TRUE(IsOpenStatus("pending_customer"));
  EXPECT_FALSE(IsOpenStatus("resolved"));
  EXPECT_TRUE(OneOf("chat", kCaseChannels));
  EXPECT_FALSE(OneOf("store", kCaseChannels));
}

}  // namespace
}  // namespace chaincrm::domain
