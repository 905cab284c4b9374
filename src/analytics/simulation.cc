#include "analytics/simulation.h"

#include <cmath>
#include <random>

namespace chaincrm::analytics {

Result<std::vector<CustomerSummary>> SimulateBgNbd(const BgNbdParams& params,
                                                   const SimulationOptions& options) {
  RETURN_IF_ERROR(BgNbdModel::Create(params));
  if (options.customers <= 0 || !(options.min_age > 0) || options.max_age < options.min_age ||
      options.time_resolution < 0) {
    return Fail(Error::InvalidArgument("need customers > 0 and 0 < min_age <= max_age"));
  }
  std::mt19937_64 rng(options.seed);
  std::gamma_distribution<double> rate(params.r, 1.0 / params.alpha);
  std::gamma_distribution<double> beta_a(params.a, 1.0);
  std::gamma_distribution<double> beta_b(params.b, 1.0);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const double res = options.time_resolution;
  auto snap = [res](double t) { return res > 0 ? std::floor(t / res) * res : t; };
  std::vector<CustomerSummary> out;
  out.reserve(static_cast<std::size_t>(options.customers));
  for (int i = 0; i < options.customers; ++i) {
    CustomerSummary c;
    c.customer_id = i + 1;
    c.age = snap(options.min_age + (options.max_age - options.min_age) * unit(rng));
    const double lambda = rate(rng);
    const double ga = beta_a(rng);
    const double p = ga / (ga + beta_b(rng));
    double t = 0;
    while (lambda > 0) {
      t += -std::log1p(-unit(rng)) / lambda;
      if (t > c.age) break;
      c.frequency += 1;
      c.recency = t;
      if (unit(rng) < p) break;
    }
    c.recency = std::min(snap(c.recency), c.age);
    out.push_back(c);
  }
  return out;
}

Status SimulateGammaGammaSpend(const GammaGammaParams& params, std::uint64_t seed,
                               std::vector<CustomerSummary>& customers) {
  for (double v : {params.p, params.q, params.gamma}) {
    if (!std::isfinite(v) || !(v > 0)) {
      return Fail(Error::InvalidArgument("Gamma-Gamma parameters must be > 0"));
    }
  }
  std::mt19937_64 rng(seed);
  std::gamma_distribution<double> scale_rate(params.q, 1.0 / params.gamma);
  for (CustomerSummary& c : customers) {
    c.monetary_value = 0;
    if (c.frequency <= 0) continue;
    const double nu = scale_rate(rng);
    std::gamma_distribution<double> spend(params.p, 1.0 / nu);
    double sum = 0;
    const int x = static_cast<int>(c.frequency);
    for (int k = 0; k < x; ++k) sum += spend(rng);
    c.monetary_value = sum / c.frequency;
  }
  return Ok();
}

}  // namespace chaincrm::analytics
