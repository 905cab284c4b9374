#pragma once
// A cohort in which nobody churns, shaped like the bench generator's ledger
// (bench/generate.cc): each customer makes U{0..2m} purchases at instants uniform over the
// last `days` days, bucketed by day as the summary does (x = distinct purchase days - 1),
// time in weeks. Spend per purchase is independent of frequency (a price list times a
// quantity times noise, or lognormal), so it is not a Gamma-Gamma population either.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "analytics/rfm_summary.h"

namespace chaincrm::analytics::testing {

enum class SpendShape { kPriceList, kUniform, kLognormal };

inline std::vector<CustomerSummary> NoChurnCohort(int customers, std::uint64_t seed,
                                                  int mean_purchases = 10, double days = 730,
                                                  SpendShape spend = SpendShape::kPriceList) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::uniform_int_distribution<int> count(0, 2 * mean_purchases);
  std::lognormal_distribution<double> lognormal(6.5, 0.8);
  constexpr double kPrices[] = {399, 2980, 1280, 199, 1880};
  const double offset = 0.37;  // the as-of instant's fraction of its day
  const auto as_of_day = static_cast<std::int64_t>(std::floor(days + offset));
  auto amount = [&] {
    switch (spend) {
      case SpendShape::kPriceList:
        return kPrices[static_cast<int>(u(rng) * 5) % 5] * (1 + static_cast<int>(u(rng) * 3)) *
               (0.8 + 0.4 * u(rng));
      case SpendShape::kUniform:
        return 50 + 2950 * u(rng);
      case SpendShape::kLognormal:
        return lognormal(rng);
    }
    return 0.0;
  };
  std::vector<CustomerSummary> out;
  for (int i = 0; i < customers; ++i) {
    const int n = count(rng);
    if (n == 0) continue;  // never bought: not in the summary
    std::vector<std::pair<std::int64_t, double>> lines;
    for (int k = 0; k < n; ++k) {
      const auto day = static_cast<std::int64_t>(std::floor(u(rng) * days + offset));
      lines.emplace_back(day, amount());
    }
    std::sort(lines.begin(), lines.end());
    const std::int64_t first = lines.front().first;
    int repeat_days = 0;
    double repeat_revenue = 0;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (lines[k].first == first) continue;
      if (lines[k].first != lines[k - 1].first) ++repeat_days;
      repeat_revenue += lines[k].second;
    }
    CustomerSummary c;
    c.customer_id = i + 1;
    c.frequency = repeat_days;
    c.recency = static_cast<double>(lines.back().first - first) / 7.0;
    c.age = static_cast<double>(as_of_day - first) / 7.0;
    c.monetary_value = repeat_days > 0 ? repeat_revenue / repeat_days : 0.0;
    out.push_back(c);
  }
  return out;
}

/// Pure NBD histories (Poisson purchases at rate lambda ~ Gamma(r, alpha), nobody ever drops
/// out), continuous time: first purchase at 0, observed for T ~ U[min_age, max_age].
inline std::vector<CustomerSummary> PoissonNoDropoutCohort(int customers, std::uint64_t seed,
                                                           double r, double alpha, double min_age,
                                                           double max_age) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::gamma_distribution<double> rate(r, 1.0 / alpha);
  std::vector<CustomerSummary> out;
  for (int i = 0; i < customers; ++i) {
    const double lambda = rate(rng);
    const double age = min_age + (max_age - min_age) * u(rng);
    std::exponential_distribution<double> gap(lambda);
    double t = 0, last = 0;
    int x = 0;
    while ((t += gap(rng)) <= age) {
      ++x;
      last = t;
    }
    CustomerSummary c;
    c.customer_id = i + 1;
    c.frequency = x;
    c.recency = last;
    c.age = age;
    out.push_back(c);
  }
  return out;
}

}  // namespace chaincrm::analytics::testing
