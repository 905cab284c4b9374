#pragma once
// Holt-Winters seasonal exponential smoothing (additive or multiplicative seasonality,
// additive trend). alpha, beta, gamma are fitted in [0, 1] by minimising the sum of squared
// one-step-ahead errors with NLopt; forecasts h steps ahead; accuracy on a holdout (MAPE,
// MASE scaled by the in-sample seasonal-naive error).

#include <span>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace chaincrm::analytics {

enum class Seasonality { kAdditive, kMultiplicative };
std::string_view SeasonalityName(Seasonality s);

struct HoltWintersParams {
  double alpha = 0.3;  // level
  double beta = 0.1;   // trend
  double gamma = 0.1;  // season
};

struct HoltWintersModel {
  Seasonality seasonality = Seasonality::kAdditive;
  int period = 0;
  HoltWintersParams params;
  double level = 0.0;  // after the last observation
  double trend = 0.0;
  std::vector<double> season;  // season[t % period] is the index of time t
  int observations = 0;        // n: forecasts start at time n
  double sse = 0.0;            // one-step-ahead squared errors from the second season on
  int evaluations = 0;         // objective evaluations spent fitting
};

/// Runs the recursions with fixed parameters. InvalidArgument when the series is shorter
/// than two periods, has a non-finite value, or (multiplicative) a value <= 0.
Result<HoltWintersModel> RunHoltWinters(std::span<const double> y, int period,
                                        Seasonality seasonality, const HoltWintersParams& p);

/// Fits alpha, beta, gamma in [0, 1] (bounded NLopt BOBYQA from the best point of a coarse
/// grid). Same input errors as RunHoltWinters.
Result<HoltWintersModel> FitHoltWinters(std::span<const double> y, int period,
                                        Seasonality seasonality);

/// Point forecasts for times n, n+1, ..., n+h-1 (h >= 0).
std::vector<double> ForecastHoltWinters(const HoltWintersModel& m, int h);

struct ForecastAccuracy {
  double mape = 0.0;  // mean |e / y| over holdout points with y != 0, as a fraction; NaN if none
  double mase = 0.0;  // mean |e| / mean |y_t - y_{t-period}| in sample; NaN if that is 0
  double rmse = 0.0;
  int points = 0;
};

/// Accuracy of `forecast` against `actual`, scaled by the training series' seasonal-naive
/// error. InvalidArgument if the lengths differ or training has no full seasonal lag.
Result<ForecastAccuracy> MeasureAccuracy(std::span<const double> training,
                                         std::span<const double> actual,
                                         std::span<const double> forecast, int period);

struct HoldoutEvaluation {
  HoltWintersModel model;     // fitted on the training part
  ForecastAccuracy accuracy;  // on the last `holdout` points
};

/// Fits on all but the last `holdout` points and measures the forecast of those points.
Result<HoldoutEvaluation> EvaluateHoldout(std::span<const double> y, int period,
                                          Seasonality seasonality, int holdout);

}  // namespace chaincrm::analytics
