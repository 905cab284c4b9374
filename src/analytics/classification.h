#pragma once
// Customer classes: key / potential / general by value, and large / small account by size.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace chaincrm::analytics {

enum class ValueClass { kKey, kPotential, kGeneral };

/// "key", "potential" or "general".
std::string_view ValueClassName(ValueClass c);

struct ValueInputs {
  std::int64_t customer_id = 0;
  double current_value = 0.0;    // e.g. historical value or profit of the last 12 months
  double predicted_value = 0.0;  // e.g. future CLV (model 1 future value or model 2 CLV)
  double potential_value = 0.0;  // e.g. model 1 potential value
};

struct ValueClassOptions {
  double key_share = 0.20;        // key: the top 20 % of customers by current value
  double potential_share = 0.20;  // potential: top 20 % by predicted + potential value
};

/// Classes in input order. Key: among the top key_share of customers by current value
/// (rank-based like ABC: a customer is in while the fraction of customers ranked strictly
/// above it is below the share, ties share the class) and current value > 0. Potential: not
/// key, among the top potential_share by predicted + potential value (same rule) and that
/// sum > 0. General: the rest. InvalidArgument on empty input, non-finite values or shares
/// outside [0, 1].
Result<std::vector<ValueClass>> ClassifyValue(std::span<const ValueInputs> customers,
                                              const ValueClassOptions& options);

enum class AccountSize { kLarge, kSmall };

/// "large" or "small".
std::string_view AccountSizeName(AccountSize s);

struct AccountFacts {
  std::optional<std::int64_t> employees;
  std::optional<double> annual_revenue;
  std::string sector;
};

struct AccountSizeOptions {
  std::int64_t large_employees = 250;  // EU SME definition: 250+ staff is large
  double large_annual_revenue = 50e6;  // or turnover above 50 million
  std::vector<std::string> large_sectors = {"government", "education"};
};

/// Large if employees >= large_employees, or annual revenue >= large_annual_revenue, or the
/// sector is one of large_sectors (ASCII case-insensitive, surrounding blanks ignored);
/// otherwise small (including when nothing is known).
AccountSize ClassifyAccountSize(const AccountFacts& facts, const AccountSizeOptions& options);

}  // namespace chaincrm::analytics
