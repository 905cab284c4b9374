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
#define RETURN_IF_ERROR(expr)                                         \
  do {                                                                \
    auto&& chaincrm_status_ = (expr);                                 \
    if (!chaincrm_status_) return ::chaincrm::Fail(chaincrm_status_.error()); \
  } while (0)

/// `ASSIGN_OR_RETURN(auto x, Fn());` declares x from the value or returns the error.
#define ASSIGN_OR_RETURN(lhs, expr)                                       \
  auto CHAINCRM_CONCAT(chaincrm_result_, __LINE__) = (expr);             \
  if (!CHAINCRM_CONCAT(chaincrm_result_, __LINE__))                      \
    return ::chaincrm::Fail(CHAINCRM_CONCAT(chaincrm_result_, __LINE__).error()); \
  lhs = std::move(*CHAINCRM_CONCAT(chaincrm_result_, __LINE__))
