#pragma once
// ASSERT_OK / EXPECT_OK / ASSERT_OK_AND_ASSIGN for Result<T> and Status.

#include <gtest/gtest.h>

#include "core/result.h"

namespace chaincrm::testing {

template <typename R>
std::string Describe(const R& r) {
  if (r) return "OK";
  std::string s = std::string(CodeName(r.error().code())) + ": " + r.error().message();
  for (const auto& f : r.error().fields()) s += " [" + f.field + ": " + f.message + "]";
  return s;
}

}  // namespace chaincrm::testing

#define ASSERT_OK(expr)                                                                 \
  do {                                                                                  \
    const auto& chaincrm_r_ = (expr);                                                   \
    ASSERT_TRUE(chaincrm_r_.has_value()) << ::chaincrm::testing::Describe(chaincrm_r_); \
  } while (0)
#define EXPECT_OK(expr)                                                                 \
  do {                                                                                  \
    const auto& chaincrm_r_ = (expr);                                                   \
    EXPECT_TRUE(chaincrm_r_.has_value()) << ::chaincrm::testing::Describe(chaincrm_r_); \
  } while (0)
#define ASSERT_OK_AND_ASSIGN(lhs, expr)                                         \
  auto CHAINCRM_CONCAT(chaincrm_t_, __LINE__) = (expr);                         \
  ASSERT_TRUE(CHAINCRM_CONCAT(chaincrm_t_, __LINE__).has_value())               \
      << ::chaincrm::testing::Describe(CHAINCRM_CONCAT(chaincrm_t_, __LINE__)); \
  lhs = std::move(*CHAINCRM_CONCAT(chaincrm_t_, __LINE__))
