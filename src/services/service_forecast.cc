#include "services/service_forecast.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

#include "analytics/erlang_c.h"
#include "analytics/holt_winters.h"

namespace chaincrm::services {

namespace json = boost::json;
namespace an = analytics;

namespace {

constexpr Millis kHour = 3'600'000;
constexpr int kWeekHours = 168;
// 1970-01-01 was a Thursday: Monday 1970-01-05 00:00 UTC starts hour-of-week 0.
constexpr Millis kFirstMonday = 4 * kMillisPerDay;

int HourOfWeek(Millis t) {
  const Millis h = (t - kFirstMonday) / kHour;
  return static_cast<int>(((h % kWeekHours) + kWeekHours) % kWeekHours);
}

Status BadParam(const std::string& message) { return Fail(Error::InvalidArgument(message)); }

template <typename T>
Status ParseNumber(std::string_view name, const std::string& s, T& out, T lo, T hi,
                   std::string_view range) {
  if (s.empty()) return Ok();
  T v{};
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !(v >= lo && v <= hi))
    return BadParam(std::string(name) + " must be " + std::string(range));
  out = v;
  return Ok();
}

json::value Finite(double v) { return std::isfinite(v) ? json::value(v) : json::value(nullptr); }

}  // namespace

Result<ForecastParams> ParseForecastParams(
    const std::function<std::string(std::string_view)>& query) {
  ForecastParams p;
  if (auto s = query("source"); !s.empty()) {
    if (s != "cases" && s != "calls")
      return Fail(Error::InvalidArgument("source must be cases or calls"));
    p.source = s;
  }
  RETURN_IF_ERROR(ParseNumber("weeks", query("weeks"), p.weeks, 1, 12, "an integer from 1 to 12"));
  RETURN_IF_ERROR(ParseNumber("history_weeks", query("history_weeks"), p.history_weeks, 3, 104,
                              "an integer from 3 to 104"));
  RETURN_IF_ERROR(ParseNumber("target_level", query("target_level"), p.target_level, 0.01, 0.999,
                              "a number greater than 0 and less than 1 (e.g. 0.8)"));
  RETURN_IF_ERROR(ParseNumber("target_seconds", query("target_seconds"), p.target_seconds, 0.0,
                              3600.0, "a number of seconds from 0 to 3600"));
  RETURN_IF_ERROR(ParseNumber("aht_seconds", query("aht_seconds"), p.aht_seconds, 1.0, 86400.0,
                              "a number of seconds from 1 to 86400"));
  return p;
}

Result<json::object> ForecastServiceLoad(const Env& env, const ForecastParams& p,
                                         const std::function<void(int, int)>& progress) {
  const auto step = [&](int done) {
    if (progress) progress(done, 4);
  };
  const Millis now = env.clock.Now();
  const Millis end = now - ((now % kHour) + kHour) % kHour;  // the current hour is incomplete
  const Millis earliest = end - static_cast<Millis>(p.history_weeks) * kWeekHours * kHour;
  const std::string sql =
      p.source == "calls"
          ? "SELECT occurred_at FROM calls WHERE occurred_at >= ? AND occurred_at < ?"
          : "SELECT created_at FROM cases WHERE created_at >= ? AND created_at < ?";
  std::vector<double> counts(static_cast<std::size_t>(p.history_weeks) * kWeekHours, 0.0);
  Millis first = end;
  std::int64_t observations = 0;
  RETURN_IF_ERROR(env.db.Read([&](store::Tx& tx) -> Status {
    return tx.ForEach(sql, {earliest, end}, [&](const store::Row& r) -> Status {
      const Millis t = r.Int(0);
      counts[static_cast<std::size_t>((t - earliest) / kHour)] += 1;
      first = std::min(first, t);
      ++observations;
      return Ok();
    });
  }));
  step(1);
  // Whole weeks back from `end` that contain data.
  const int weeks_with_data =
      observations == 0
          ? 0
          : static_cast<int>(std::min<Millis>(
                p.history_weeks, (end - first + kWeekHours * kHour - 1) / (kWeekHours * kHour)));
  const std::size_t used = static_cast<std::size_t>(weeks_with_data) * kWeekHours;
  const std::span<const double> series(counts.data() + counts.size() - used, used);
  const Millis history_start = end - static_cast<Millis>(used) * kHour;

  json::array warnings;
  json::object model;
  json::value accuracy = nullptr;
  const int horizon = p.weeks * kWeekHours;
  std::vector<double> forecast(static_cast<std::size_t>(horizon), 0.0);
  if (weeks_with_data >= 3) {
    ASSIGN_OR_RETURN(auto holdout, an::EvaluateHoldout(series, kWeekHours,
                                                       an::Seasonality::kAdditive, kWeekHours));
    step(2);
    accuracy = json::object{{"holdout_hours", holdout.accuracy.points},
                            {"mape", Finite(holdout.accuracy.mape)},
                            {"mase", Finite(holdout.accuracy.mase)},
                            {"rmse", Finite(holdout.accuracy.rmse)}};
    ASSIGN_OR_RETURN(auto fit, an::FitHoltWinters(series, kWeekHours, an::Seasonality::kAdditive));
    step(3);
    forecast = an::ForecastHoltWinters(fit, horizon);
    model = {{"method", "holt_winters_additive"}, {"period_hours", kWeekHours},
             {"alpha", fit.params.alpha},         {"beta", fit.params.beta},
             {"gamma", fit.params.gamma},         {"sse", fit.sse}};
  } else {
    // Too short for Holt-Winters with a holdout: the mean of each hour of the week.
    std::vector<double> sum(kWeekHours, 0.0);
    for (std::size_t i = 0; i < series.size(); ++i)
      sum[static_cast<std::size_t>(HourOfWeek(history_start + static_cast<Millis>(i) * kHour))] +=
          series[i];
    for (int h = 0; h < horizon; ++h) {
      const auto how = static_cast<std::size_t>(HourOfWeek(end + h * kHour));
      forecast[static_cast<std::size_t>(h)] =
          weeks_with_data > 0 ? sum[how] / weeks_with_data : 0.0;
    }
    model = {{"method", "seasonal_mean"}, {"period_hours", kWeekHours}};
    warnings.push_back(json::string("fewer than three weeks of " + p.source +
                                    ": the forecast is the mean of each hour of the week and has "
                                    "no holdout accuracy"));
    step(3);
  }

  json::array weeks;
  for (int w = 0; w < p.weeks; ++w) {
    json::array hours;
    double total = 0;
    int peak = 0;
    for (int h = 0; h < kWeekHours; ++h) {
      const int i = w * kWeekHours + h;
      const double volume = std::max(0.0, forecast[static_cast<std::size_t>(i)]);
      ASSIGN_OR_RETURN(auto staff, an::RequiredAgents(
                                       {volume, p.aht_seconds, p.target_seconds, p.target_level}));
      const Millis start = end + static_cast<Millis>(i) * kHour;
      hours.push_back(json::object{{"start", FormatTime(start)},
                                   {"hour_of_week", HourOfWeek(start)},
                                   {"volume", volume},
                                   {"agents", staff.agents},
                                   {"service_level", staff.service_level},
                                   {"occupancy", staff.occupancy}});
      total += volume;
      peak = std::max(peak, staff.agents);
    }
    const Millis ws = end + static_cast<Millis>(w) * kWeekHours * kHour;
    weeks.push_back(json::object{{"start", FormatTime(ws)},
                                 {"end", FormatTime(ws + kWeekHours * kHour)},
                                 {"total_volume", total},
                                 {"peak_agents", peak},
                                 {"hours", std::move(hours)}});
  }
  step(4);
  return json::object{{"source", p.source},
                      {"generated_at", FormatTime(now)},
                      {"parameters", json::object{{"weeks", p.weeks},
                                                  {"history_weeks", p.history_weeks},
                                                  {"target_level", p.target_level},
                                                  {"target_seconds", p.target_seconds},
                                                  {"aht_seconds", p.aht_seconds}}},
                      {"history", json::object{{"from", FormatTime(history_start)},
                                               {"to", FormatTime(end)},
                                               {"weeks", weeks_with_data},
                                               {"observations", observations}}},
                      {"model", std::move(model)},
                      {"accuracy", std::move(accuracy)},
                      {"weeks", std::move(weeks)},
                      {"warnings", std::move(warnings)}};
}

}  // namespace chaincrm::services
