#pragma once
// Money: integer minor units plus an ISO 4217 currency code.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace chaincrm {

struct Money {
  std::int64_t minor = 0;  // cents for 2-decimal currencies
  std::string currency = "USD";
};

/// Parses a decimal amount ("123.45", "-3", "0.5") into minor units (2 decimals).
/// InvalidArgument for more than 2 decimals, non-numbers or overflow.
Result<std::int64_t> ParseAmount(std::string_view s);
/// Formats minor units as a decimal string with 2 decimals: 12345 -> "123.45".
std::string FormatAmount(std::int64_t minor);
/// True for three upper-case ASCII letters.
bool IsCurrencyCode(std::string_view s);

}  // namespace chaincrm
