#include "analytics/classification.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <utility>

namespace chaincrm::analytics {
namespace {

/// in_top[i]: customers ranked strictly above i make up less than `share` of all customers.
std::vector<bool> InTop(std::span<const double> values, double share) {
  const std::size_t n = values.size();
  // (value, index) pairs sort faster than indices compared through the values; the order
  // among equal values does not matter, as ties share `above`.
  std::vector<std::pair<double, std::size_t>> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = {values[i], i};
  std::sort(order.begin(), order.end(),
            [](const auto& l, const auto& r) { return l.first > r.first; });
  std::vector<bool> in(n, false);
  std::size_t above = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && order[i].first != order[i - 1].first) above = i;
    in[order[i].second] = static_cast<double>(above) < share * static_cast<double>(n);
  }
  return in;
}

std::string Normalise(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  std::string out(s.substr(b, e - b + 1));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string_view ValueClassName(ValueClass c) {
  switch (c) {
    case ValueClass::kKey:
      return "key";
    case ValueClass::kPotential:
      return "potential";
    case ValueClass::kGeneral:
      return "general";
  }
  return "general";
}

std::string_view AccountSizeName(AccountSize s) {
  return s == AccountSize::kLarge ? "large" : "small";
}

Result<std::vector<ValueClass>> ClassifyValue(std::span<const ValueInputs> customers,
                                              const ValueClassOptions& options) {
  if (customers.empty()) return Fail(Error::InvalidArgument("no customers to classify"));
  if (!(options.key_share >= 0 && options.key_share <= 1) ||
      !(options.potential_share >= 0 && options.potential_share <= 1)) {
    return Fail(Error::InvalidArgument("class shares must be in [0, 1]"));
  }
  std::vector<double> current, outlook;
  for (const ValueInputs& c : customers) {
    if (!std::isfinite(c.current_value) || !std::isfinite(c.predicted_value) ||
        !std::isfinite(c.potential_value)) {
      return Fail(Error::InvalidArgument("customer " + std::to_string(c.customer_id) +
                                         " has a non-finite value"));
    }
    current.push_back(c.current_value);
    outlook.push_back(c.predicted_value + c.potential_value);
  }
  const std::vector<bool> key = InTop(current, options.key_share);
  const std::vector<bool> promising = InTop(outlook, options.potential_share);
  std::vector<ValueClass> out(customers.size(), ValueClass::kGeneral);
  for (std::size_t i = 0; i < customers.size(); ++i) {
    if (key[i] && current[i] > 0) {
      out[i] = ValueClass::kKey;
    } else if (promising[i] && outlook[i] > 0) {
      out[i] = ValueClass::kPotential;
    }
  }
  return out;
}

AccountSize ClassifyAccountSize(const AccountFacts& facts, const AccountSizeOptions& options) {
  if (facts.employees && *facts.employees >= options.large_employees) return AccountSize::kLarge;
  if (facts.annual_revenue && *facts.annual_revenue >= options.large_annual_revenue) {
    return AccountSize::kLarge;
  }
  const std::string sector = Normalise(facts.sector);
  if (!sector.empty()) {
    for (const std::string& s : options.large_sectors) {
      if (Normalise(s) == sector) return AccountSize::kLarge;
    }
  }
  return AccountSize::kSmall;
}

}  // namespace chaincrm::analytics
