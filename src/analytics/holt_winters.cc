#include "analytics/holt_winters.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <nlopt.hpp>
#include <string>

namespace chaincrm::analytics {

namespace {

Status ValidateSeries(std::span<const double> y, int period, Seasonality seasonality) {
  if (period < 2) return Fail(Error::InvalidArgument("the seasonal period must be at least 2"));
  if (y.size() < 2 * static_cast<std::size_t>(period)) {
    return Fail(Error::InvalidArgument("Holt-Winters needs at least two full seasons of data (" +
                                       std::to_string(2 * period) + " points), got " +
                                       std::to_string(y.size())));
  }
  for (double v : y) {
    if (!std::isfinite(v)) return Fail(Error::InvalidArgument("the series has a non-finite value"));
    if (seasonality == Seasonality::kMultiplicative && v <= 0) {
      return Fail(Error::InvalidArgument("multiplicative seasonality needs positive values"));
    }
  }
  return Ok();
}

double Mean(std::span<const double> y) {
  double s = 0;
  for (double v : y) s += v;
  return y.empty() ? 0.0 : s / static_cast<double>(y.size());
}

// Initial state from the first two seasons: level = mean of season 1, trend = difference of
// the season means per step, season index = deviation (ratio) of season 1 from its mean,
// with the trend taken out.
void Initialise(std::span<const double> y, int period, Seasonality s, HoltWintersModel& m) {
  const auto p = static_cast<std::size_t>(period);
  const double m1 = Mean(y.subspan(0, p));
  const double m2 = Mean(y.subspan(p, p));
  m.trend = (m2 - m1) / period;
  // The mean of season 1 sits at its middle time (period-1)/2; level at time -1.
  m.level = m1 - m.trend * (period + 1) / 2.0;
  m.season.assign(p, s == Seasonality::kAdditive ? 0.0 : 1.0);
  for (std::size_t i = 0; i < p; ++i) {
    const double base = m.level + m.trend * static_cast<double>(i + 1);
    m.season[i] = s == Seasonality::kAdditive ? y[i] - base : (base != 0 ? y[i] / base : 1.0);
  }
}

}  // namespace

std::string_view SeasonalityName(Seasonality s) {
  return s == Seasonality::kAdditive ? "additive" : "multiplicative";
}

Result<HoltWintersModel> RunHoltWinters(std::span<const double> y, int period,
                                        Seasonality seasonality, const HoltWintersParams& p) {
  RETURN_IF_ERROR(ValidateSeries(y, period, seasonality));
  HoltWintersModel m;
  m.seasonality = seasonality;
  m.period = period;
  m.params = p;
  Initialise(y, period, seasonality, m);
  const bool add = seasonality == Seasonality::kAdditive;
  for (std::size_t t = 0; t < y.size(); ++t) {
    double& s = m.season[t % m.season.size()];
    const double base = m.level + m.trend;
    const double forecast = add ? base + s : base * s;
    if (t >= m.season.size()) {
      const double e = y[t] - forecast;
      m.sse += e * e;
    }
    const double level =
        p.alpha * (add ? y[t] - s : (s != 0 ? y[t] / s : base)) + (1 - p.alpha) * base;
    m.trend = p.beta * (level - m.level) + (1 - p.beta) * m.trend;
    m.level = level;
    s = p.gamma * (add ? y[t] - level : (level != 0 ? y[t] / level : s)) + (1 - p.gamma) * s;
  }
  m.observations = static_cast<int>(y.size());
  return m;
}

Result<HoltWintersModel> FitHoltWinters(std::span<const double> y, int period,
                                        Seasonality seasonality) {
  RETURN_IF_ERROR(ValidateSeries(y, period, seasonality));
  int evaluations = 0;
  const auto sse = [&](const HoltWintersParams& p) {
    ++evaluations;
    auto r = RunHoltWinters(y, period, seasonality, p);
    const double v = r.has_value() ? r->sse : HUGE_VAL;
    return std::isfinite(v) ? v : 1e300;
  };
  // Coarse grid first: the surface has local minima and BOBYQA is local.
  HoltWintersParams best;
  double best_value = HUGE_VAL;
  constexpr double kGrid[] = {0.05, 0.2, 0.5, 0.8};
  for (double a : kGrid) {
    for (double b : kGrid) {
      for (double g : kGrid) {
        const HoltWintersParams p{a, b * 0.5, g};
        const double v = sse(p);
        if (v < best_value) best_value = v, best = p;
      }
    }
  }
  try {
    nlopt::opt opt(nlopt::LN_BOBYQA, 3);
    opt.set_lower_bounds(std::vector<double>{0.0, 0.0, 0.0});
    opt.set_upper_bounds(std::vector<double>{1.0, 1.0, 1.0});
    opt.set_xtol_rel(1e-8);
    opt.set_ftol_rel(1e-12);
    opt.set_maxeval(2000);
    using Fn = decltype(sse);
    opt.set_min_objective(
        [](const std::vector<double>& x, std::vector<double>&, void* data) {
          return (*static_cast<Fn*>(data))(HoltWintersParams{x[0], x[1], x[2]});
        },
        const_cast<void*>(static_cast<const void*>(&sse)));
    std::vector<double> x = {best.alpha, best.beta, best.gamma};
    double value = best_value;
    opt.optimize(x, value);
    if (value < best_value) best = {x[0], x[1], x[2]};
  } catch (const std::exception&) {
    // NLopt gave up (roundoff, budget): keep the best grid or partial point found.
  }
  ASSIGN_OR_RETURN(HoltWintersModel fitted, RunHoltWinters(y, period, seasonality, best));
  fitted.evaluations = evaluations;
  return fitted;
}

std::vector<double> ForecastHoltWinters(const HoltWintersModel& m, int h) {
  std::vector<double> out;
  if (h <= 0 || m.season.empty()) return out;
  out.reserve(static_cast<std::size_t>(h));
  for (int i = 1; i <= h; ++i) {
    const double base = m.level + i * m.trend;
    const double s = m.season[static_cast<std::size_t>(m.observations + i - 1) % m.season.size()];
    out.push_back(m.seasonality == Seasonality::kAdditive ? base + s : base * s);
  }
  return out;
}

Result<ForecastAccuracy> MeasureAccuracy(std::span<const double> training,
                                         std::span<const double> actual,
                                         std::span<const double> forecast, int period) {
  if (actual.size() != forecast.size() || actual.empty()) {
    return Fail(Error::InvalidArgument("actual and forecast must have the same, non-zero length"));
  }
  if (period < 1 || training.size() <= static_cast<std::size_t>(period)) {
    return Fail(Error::InvalidArgument("the training series must be longer than one period"));
  }
  const auto p = static_cast<std::size_t>(period);
  double naive = 0;
  for (std::size_t t = p; t < training.size(); ++t)
    naive += std::abs(training[t] - training[t - p]);
  naive /= static_cast<double>(training.size() - p);
  ForecastAccuracy a;
  double abs_sum = 0, sq_sum = 0, ape_sum = 0;
  int ape_n = 0;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    const double e = actual[i] - forecast[i];
    abs_sum += std::abs(e);
    sq_sum += e * e;
    if (actual[i] != 0) ape_sum += std::abs(e / actual[i]), ++ape_n;
  }
  const auto n = static_cast<double>(actual.size());
  a.points = static_cast<int>(actual.size());
  a.mape = ape_n > 0 ? ape_sum / ape_n : std::nan("");
  a.mase = naive > 0 ? (abs_sum / n) / naive : std::nan("");
  a.rmse = std::sqrt(sq_sum / n);
  return a;
}

Result<HoldoutEvaluation> EvaluateHoldout(std::span<const double> y, int period,
                                          Seasonality seasonality, int holdout) {
  if (holdout < 1 || static_cast<std::size_t>(holdout) >= y.size()) {
    return Fail(Error::InvalidArgument("the holdout must be between 1 and the series length"));
  }
  const auto train = y.subspan(0, y.size() - static_cast<std::size_t>(holdout));
  const auto test = y.subspan(train.size());
  HoldoutEvaluation ev;
  ASSIGN_OR_RETURN(ev.model, FitHoltWinters(train, period, seasonality));
  const auto forecast = ForecastHoltWinters(ev.model, holdout);
  ASSIGN_OR_RETURN(ev.accuracy, MeasureAccuracy(train, test, forecast, period));
  return ev;
}

}  // namespace chaincrm::analytics
