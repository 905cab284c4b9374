#include "analytics/optimizer.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <nlopt.hpp>
#include <string>
#include <thread>

namespace chaincrm::analytics {
namespace {

struct Context {
  const Objective* f;
  int evaluations = 0;
  bool non_finite = false;
  MinimizeResult best;  // lowest finite value seen
  const std::function<bool(std::span<const double>)>* stop_at = nullptr;
  nlopt::opt* opt = nullptr;
  bool stopped_by_caller = false;
};

double Trampoline(const std::vector<double>& x, std::vector<double>& grad, void* data) {
  auto* ctx = static_cast<Context*>(data);
  ++ctx->evaluations;
  const double v = (*ctx->f)(x, grad);
  if (!std::isfinite(v)) {
    ctx->non_finite = true;
    return HUGE_VAL;  // steer the line search away from the region
  }
  if (ctx->best.x.empty() || v < ctx->best.value) {
    ctx->best.x = x;
    ctx->best.value = v;
    if (ctx->stop_at && *ctx->stop_at && (*ctx->stop_at)(x) && ctx->opt) {
      ctx->stopped_by_caller = true;
      ctx->opt->force_stop();
    }
  }
  for (double& g : grad) {
    if (!std::isfinite(g)) g = 0.0;
  }
  return v;
}

constexpr std::size_t kParallelThreshold = 50'000;

}  // namespace

Result<MinimizeResult> Minimize(const Objective& f, std::vector<double> x0,
                                const MinimizeOptions& options, MinimizeFailure* why,
                                MinimizeResult* best_seen) {
  Context ctx{&f, 0, false, {}, &options.stop_at, nullptr, false};
  struct Report {  // fills best_seen on every return path
    Context& ctx;
    MinimizeResult* out;
    ~Report() {
      if (!out) return;
      *out = ctx.best;
      out->evaluations = ctx.evaluations;
    }
  } report{ctx, best_seen};
  MinimizeFailure ignored;
  MinimizeFailure& failure = why ? *why : ignored;
  failure = MinimizeFailure::kNone;
  const auto n = static_cast<unsigned>(x0.size());
  std::vector<double> probe_grad(options.use_gradient ? x0.size() : 0);
  const double start_value = f(x0, probe_grad);
  if (!std::isfinite(start_value)) {
    failure = MinimizeFailure::kNotFiniteAtStart;
    return Fail(Error::InvalidArgument("the likelihood is not finite at the starting point"));
  }
  ctx.best.x = x0;
  ctx.best.value = start_value;
  MinimizeResult out;
  try {
    nlopt::opt opt(options.use_gradient ? nlopt::LD_LBFGS : nlopt::LN_NELDERMEAD, n);
    opt.set_lower_bounds(std::vector<double>(n, -options.bound));
    std::vector<double> upper(n, options.bound);
    for (std::size_t i = 0; i < options.upper_bounds.size() && i < upper.size(); ++i) {
      upper[i] = std::min(upper[i], options.upper_bounds[i]);
    }
    opt.set_upper_bounds(upper);
    ctx.opt = &opt;
    opt.set_min_objective(Trampoline, &ctx);
    opt.set_ftol_rel(options.relative_tolerance);
    opt.set_xtol_rel(options.relative_tolerance);
    opt.set_maxeval(options.max_evaluations);
    if (options.use_gradient) opt.set_vector_storage(20);
    if (!options.use_gradient) opt.set_initial_step(std::vector<double>(n, 0.5));
    double value = start_value;
    try {
      if (opt.optimize(x0, value) == nlopt::MAXEVAL_REACHED) {
        failure = MinimizeFailure::kBudget;
        return Fail(Error::FailedPrecondition("the fit did not converge within " +
                                              std::to_string(options.max_evaluations) +
                                              " evaluations"));
      }
    } catch (const nlopt::forced_stop&) {
      failure = MinimizeFailure::kStoppedByCaller;
      return Fail(Error::FailedPrecondition("the fit was stopped at a point the caller flagged"));
    } catch (const nlopt::roundoff_limited&) {
      // The optimum is known to round-off precision: x0 holds the best point found.
      std::vector<double> none;
      value = f(x0, none);
    }
    out.x = x0;
    out.value = value;
  } catch (const std::exception& e) {
    failure = MinimizeFailure::kStopped;
    return Fail(Error::FailedPrecondition(
        std::string("the fit did not converge (the optimizer stopped: ") + e.what() +
        "); the cohort may be too small or degenerate for this model"));
  }
  out.evaluations = ctx.evaluations;
  if (!std::isfinite(out.value)) {
    failure = MinimizeFailure::kStopped;
    return Fail(Error::FailedPrecondition("the fit did not converge (non-finite likelihood)"));
  }
  for (double xi : out.x) {
    if (std::abs(xi) >= options.bound * (1 - 1e-9)) {
      failure = MinimizeFailure::kBound;
      return Fail(Error::FailedPrecondition(
          "the fit did not converge: a parameter ran off to 0 or infinity (the cohort may be "
          "too small or degenerate for this model)"));
    }
  }
  return out;
}

void ParallelAccumulate(std::size_t n, std::size_t width,
                        const std::function<void(std::size_t, std::size_t, double*)>& body,
                        std::span<double> out) {
  std::fill(out.begin(), out.end(), 0.0);
  if (n < kParallelThreshold) {
    body(0, n, out.data());
    return;
  }
  // Always two halves added in the same order, so a one-core machine gives the same bits.
  std::vector<double> second(width, 0.0);
  const std::size_t mid = n / 2;
  if (std::thread::hardware_concurrency() >= 2) {
    std::thread worker([&] { body(mid, n, second.data()); });
    body(0, mid, out.data());
    worker.join();
  } else {
    body(0, mid, out.data());
    body(mid, n, second.data());
  }
  for (std::size_t i = 0; i < width; ++i) out[i] += second[i];
}

void ParallelFor(std::size_t n, const std::function<void(std::size_t, std::size_t)>& body) {
  const unsigned hw = std::max(1u, std::min(2u, std::thread::hardware_concurrency()));
  if (n < kParallelThreshold / 10 || hw < 2) {
    body(0, n);
    return;
  }
  std::thread worker([&] { body(n / 2, n); });
  body(0, n / 2);
  worker.join();
}

}  // namespace chaincrm::analytics
