#pragma once
// Result<T> = std::expected<T, Error>; Status = Result<void>. No exceptions cross modules.

#include <expected>

#include "core/error.h"

namespace chaincrm {

template <typename T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> Fail(Error e) { return std::unexpected<Error>(std::move(e)); }
inline Status Ok() { return {}; }

}  // namespace chaincrm

#define CHAINCRM_CONCAT_INNER(a, b) a##b
#define CHAINCRM_CONCAT(a, b) CHAINCRM_CONCAT_INNER(a, b)

/// Returns the error of a Result/Status expression from the enclosing function.
#define RETURN_IF_ERROR(expr) \
  CHAINCRM_RETURN_IF_ERROR_IMPL(expr, CHAINCRM_CONCAT(chaincrm_s_, __COUNTER__))
#define CHAINCRM_RETURN_IF_ERROR_IMPL(expr, name)     \
  do {                                                \
    auto&& name = (expr);                             \
    if (!name) return ::chaincrm::Fail(name.error()); \
  } while (0)

/// `ASSIGN_OR_RETURN(auto x, Fn());` declares x from the value or returns the error.
#define ASSIGN_OR_RETURN(lhs, expr) \
  CHAINCRM_ASSIGN_OR_RETURN_IMPL(lhs, expr, CHAINCRM_CONCAT(chaincrm_r_, __COUNTER__))
#define CHAINCRM_ASSIGN_OR_RETURN_IMPL(lhs, expr, name) \
  auto name = (expr);                                   \
  if (!name) return ::chaincrm::Fail(name.error());     \
  lhs = std::move(*name)
