#pragma once
// Minimisation of a smooth objective over unconstrained (log-)parameters with NLopt, used
// by every maximum-likelihood fit in this module. NLopt exceptions never escape.

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"

namespace chaincrm::analytics {

/// Value of the objective at x; when grad is non-empty it must be filled with the gradient.
using Objective = std::function<double(std::span<const double> x, std::span<double> grad)>;

struct MinimizeOptions {
  bool use_gradient = true;  // L-BFGS with the analytic gradient, else Nelder-Mead
  int max_evaluations = 5000;
  double relative_tolerance = 1e-13;  // on the objective and on x
  double bound = 25.0;                // |x_i| <= bound (log-parameters: e^-25 .. e^25)
  /// Per-coordinate upper bounds below `bound` (empty: none). Reaching one is not a failure:
  /// the caller asked for it and checks the result.
  std::vector<double> upper_bounds;
  /// Called with each new best point; returning true stops the minimisation there
  /// (MinimizeFailure::kStoppedByCaller, the point in best_seen). Empty: never.
  std::function<bool(std::span<const double>)> stop_at;
};

struct MinimizeResult {
  std::vector<double> x;
  double value = 0.0;
  int evaluations = 0;
};

/// Minimises f from x0. InvalidArgument if the objective is not finite at x0;
/// FailedPrecondition (message says why) if the fit does not converge: NLopt gives up, the
/// evaluation budget runs out, or a parameter runs to the box bound (e.g. a degenerate
/// cohort). Deterministic.
/// Why Minimize failed (for callers that then try another method).
enum class MinimizeFailure {
  kNone,
  kNotFiniteAtStart,
  kStopped,
  kBudget,
  kBound,
  kStoppedByCaller
};

/// When `best_seen` is given it receives the point with the lowest finite objective value that
/// was evaluated (and the evaluation count), whether or not the minimisation succeeded: a
/// caller can then judge a fit that stopped on a degenerate ridge or at the bound.
Result<MinimizeResult> Minimize(const Objective& f, std::vector<double> x0,
                                const MinimizeOptions& options = {}, MinimizeFailure* why = nullptr,
                                MinimizeResult* best_seen = nullptr);

/// Sum over [0, n) of body(begin, end, acc) where each worker accumulates `width` doubles
/// into acc; uses up to two threads when n is large. Results are summed in a fixed order,
/// so the answer does not depend on thread timing.
void ParallelAccumulate(std::size_t n, std::size_t width,
                        const std::function<void(std::size_t, std::size_t, double*)>& body,
                        std::span<double> out);

/// Runs body(begin, end) over [0, n), split across up to two threads when n is large.
/// body must only write to disjoint, index-owned data.
void ParallelFor(std::size_t n, const std::function<void(std::size_t, std::size_t)>& body);

}  // namespace chaincrm::analytics
