#include "analytics/clv_probabilistic.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <thread>

#include "analytics/history_groups.h"

namespace chaincrm::analytics {
namespace {

constexpr std::size_t kParallelThreshold = 20'000;

/// What depends only on the history (x, t_x, T): P(alive), expected purchases over the
/// horizon and the discounted expected purchases sum_i (E[Y(i)] - E[Y(i-1)]) / (1+d)^i.
struct HistoryOutlook {
  double alive = 0, purchases = 0, discounted_purchases = 0;
};

/// E[Y(i months)] = ScaleByAlive(if_alive(i; x, T), P(alive | x, t_x, T)): `if_alive` holds
/// the expectations of a customer known alive for i = 1..horizon, computed once per distinct
/// (x, T) (the costly part, e.g. a hypergeometric function per month), shared by every t_x.
Result<HistoryOutlook> Outlook(const RepeatPurchaseModel& model, double x, double t_x, double age,
                               std::span<const double> if_alive, std::span<const double> discount) {
  HistoryOutlook out;
  ASSIGN_OR_RETURN(out.alive, model.ProbabilityAlive(x, t_x, age));
  double previous = 0.0;
  for (std::size_t i = 0; i < if_alive.size(); ++i) {
    ASSIGN_OR_RETURN(const double cumulative, model.ScaleByAlive(if_alive[i], out.alive));
    out.discounted_purchases += (cumulative - previous) / discount[i];
    previous = cumulative;
  }
  out.purchases = previous;
  return out;
}

/// Runs body(begin, end) over [0, n), on two threads for large n; the first error wins.
std::optional<Error> Split(
    std::size_t n, const std::function<std::optional<Error>(std::size_t, std::size_t)>& body) {
  std::optional<Error> first_error, second_error;
  if (n >= kParallelThreshold && std::thread::hardware_concurrency() >= 2) {
    std::thread worker([&] { second_error = body(n / 2, n); });
    first_error = body(0, n / 2);
    worker.join();
  } else {
    first_error = body(0, n);
  }
  return first_error ? first_error : second_error;
}

}  // namespace

double PeriodsPerMonth(TimeUnit unit) { return 30.4375 / DaysPerUnit(unit); }

Result<std::vector<CustomerClv>> ComputeProbabilisticClv(const RepeatPurchaseModel& model,
                                                         const GammaGammaParams& spend,
                                                         std::span<const CustomerSummary> customers,
                                                         TimeUnit unit,
                                                         const ProbabilisticClvOptions& options) {
  if (customers.empty()) return Fail(Error::InvalidArgument("the cohort has no customers"));
  if (options.horizon_months < 1) {
    return Fail(Error::InvalidArgument("the CLV horizon must be at least one month"));
  }
  if (!(options.monthly_discount_rate > -1) || !std::isfinite(options.monthly_discount_rate)) {
    return Fail(Error::InvalidArgument("the discount rate must be > -1"));
  }
  RETURN_IF_ERROR(ConditionalExpectedSpend(spend, 0, 0));  // validates the spend model
  const double ppm =
      options.periods_per_month > 0 ? options.periods_per_month : PeriodsPerMonth(unit);
  // Customers with identical histories share the expensive part.
  ASSIGN_OR_RETURN(const HistoryGroups g, GroupHistories(customers));
  // The distinct (x, T) of the groups, and each group's.
  const auto horizon = static_cast<std::size_t>(options.horizon_months);
  std::vector<std::uint64_t> pairs(g.weight.size());
  for (std::size_t k = 0; k < pairs.size(); ++k)
    pairs[k] = (static_cast<std::uint64_t>(g.x_index[k]) << 32) | g.age_index[k];
  std::vector<std::uint64_t> distinct = pairs;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::vector<double> if_alive(distinct.size() * horizon);
  if (auto e =
          Split(distinct.size(), [&](std::size_t begin, std::size_t end) -> std::optional<Error> {
            for (std::size_t j = begin; j < end; ++j) {
              const double x = g.xs[distinct[j] >> 32];
              const double age = g.ages[distinct[j] & 0xFFFFFFFFu];
              for (std::size_t i = 1; i <= horizon; ++i) {
                auto v = model.ExpectedPurchasesIfAlive(static_cast<double>(i) * ppm, x, age);
                if (!v) return v.error();
                if_alive[j * horizon + i - 1] = *v;
              }
            }
            return std::nullopt;
          })) {
    return Fail(*e);
  }
  std::vector<double> discount(horizon);
  for (std::size_t i = 1; i <= horizon; ++i)
    discount[i - 1] = std::pow(1 + options.monthly_discount_rate, static_cast<int>(i));
  std::vector<HistoryOutlook> outlook(g.weight.size());
  if (auto e =
          Split(outlook.size(), [&](std::size_t begin, std::size_t end) -> std::optional<Error> {
            for (std::size_t k = begin; k < end; ++k) {
              const auto j = static_cast<std::size_t>(
                  std::lower_bound(distinct.begin(), distinct.end(), pairs[k]) - distinct.begin());
              auto r = Outlook(model, g.xs[g.x_index[k]], g.recencies[g.recency_index[k]],
                               g.ages[g.age_index[k]],
                               std::span<const double>(if_alive.data() + j * horizon, horizon),
                               discount);
              if (!r) return r.error();
              outlook[k] = *r;
            }
            return std::nullopt;
          })) {
    return Fail(*e);
  }
  std::vector<CustomerClv> out(customers.size());
  for (std::size_t i = 0; i < customers.size(); ++i) {
    const CustomerSummary& c = customers[i];
    const HistoryOutlook& o = outlook[g.group_of[i]];
    CustomerClv& v = out[i];
    v.customer_id = c.customer_id;
    v.probability_alive = o.alive;
    v.expected_purchases = o.purchases;
    ASSIGN_OR_RETURN(v.expected_spend,
                     ConditionalExpectedSpend(spend, c.frequency, std::max(0.0, c.monetary_value)));
    v.clv = v.expected_spend * o.discounted_purchases;
  }
  return out;
}

Result<HoldoutReport> CompareHoldout(const RepeatPurchaseModel& model,
                                     std::span<const CustomerSummary> customers,
                                     double holdout_length, int max_frequency) {
  if (customers.empty()) return Fail(Error::InvalidArgument("the cohort has no customers"));
  if (!(holdout_length > 0) || max_frequency < 1) {
    return Fail(Error::InvalidArgument("need a holdout period > 0 and max_frequency >= 1"));
  }
  HoldoutReport report;
  report.holdout_length = holdout_length;
  report.buckets.resize(static_cast<std::size_t>(max_frequency) + 1);
  for (int k = 0; k <= max_frequency; ++k) {
    report.buckets[static_cast<std::size_t>(k)].frequency = k;
  }
  report.buckets.back().open_ended = true;
  double abs_error = 0;
  for (const CustomerSummary& c : customers) {
    ASSIGN_OR_RETURN(const double expected,
                     model.ExpectedPurchases(holdout_length, c.frequency, c.recency, c.age));
    const int k = std::min(max_frequency, static_cast<int>(c.frequency));
    HoldoutBucket& b = report.buckets[static_cast<std::size_t>(k)];
    b.customers += 1;
    b.actual_mean += c.holdout_frequency;
    b.expected_mean += expected;
    report.actual_total += c.holdout_frequency;
    report.expected_total += expected;
    abs_error += std::abs(expected - c.holdout_frequency);
  }
  for (HoldoutBucket& b : report.buckets) {
    if (b.customers > 0) {
      b.actual_mean /= b.customers;
      b.expected_mean /= b.customers;
    }
  }
  report.mean_absolute_error = abs_error / static_cast<double>(customers.size());
  return report;
}

}  // namespace chaincrm::analytics
