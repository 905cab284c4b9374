#pragma once
// Perfect Order measures from per-line delivery facts (pure, deterministic).
//
// A line is measured once it has at least one delivery. Components per line:
//   on time       the latest delivery's date is on or before the promised date
//   in full       the first delivery carried the whole ordered quantity
//   damage free   no delivery of the line was damaged
//   documentation every delivery of the line had correct documents
// APQC Perfect Order Index = on_time × in_full × damage_free × documentation × 100
// (component rates over measured lines); SCOR rate = % of measured lines perfect on all
// four. An order is perfect when all its measured lines are.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace chaincrm::analytics {

struct LineDelivery {
  std::int64_t order_id = 0;
  Millis ordered_at = 0;
  Millis promised_at = 0;  // midnight UTC of the promised date
  std::int64_t ordered_quantity = 0;
  std::int64_t first_delivery_quantity = 0;
  std::int64_t delivered_quantity = 0;      // all deliveries
  std::optional<Millis> last_delivered_at;  // nullopt: not delivered yet (not measured)
  bool damaged = false;
  bool documents_ok = true;
};

struct LineOutcome {
  bool on_time = false, in_full = false, damage_free = false, documentation = false;
  bool Perfect() const { return on_time && in_full && damage_free && documentation; }
};

/// The four components of one delivered line.
LineOutcome EvaluateLine(const LineDelivery& l);

struct PerfectOrderSummary {
  std::int64_t orders = 0, lines = 0;  // measured (delivered) ones
  std::int64_t on_time_lines = 0, in_full_lines = 0, damage_free_lines = 0, documentation_lines = 0,
               perfect_lines = 0, perfect_orders = 0;
  double on_time = 0, in_full = 0, damage_free = 0, documentation = 0;  // rates 0..1
  double poi = 0;                                                       // APQC index, 0..100
  double scor = 0;                        // % of lines perfect on all four, 0..100
  double perfect_order_rate = 0;          // % of orders whose lines are all perfect
  double fill_rate = 0;                   // first-delivery quantity / ordered quantity
  double backorder_rate = 0;              // share of lines still short of their ordered quantity
  std::optional<double> cycle_time_days;  // mean order → last delivery, complete orders
};

/// Summarises `lines` (delivered and undelivered; only delivered ones are measured).
/// InvalidArgument when none is delivered: rates of nothing are not zero.
Result<PerfectOrderSummary> SummarizePerfectOrder(const std::vector<LineDelivery>& lines);

}  // namespace chaincrm::analytics
