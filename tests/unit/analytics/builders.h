#pragma once
// Builders shared by the analytics tests.

#include "analytics/rfm_summary.h"

namespace chaincrm::analytics {

/// A customer's repeat-purchase history: x repeat purchases, the last at t_x, observed for
/// `age` periods since the first purchase.
inline CustomerSummary History(double x, double t_x, double age) {
  CustomerSummary c;
  c.frequency = x;
  c.recency = t_x;
  c.age = age;
  return c;
}

}  // namespace chaincrm::analytics
