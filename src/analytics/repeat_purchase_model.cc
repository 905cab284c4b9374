#include "analytics/repeat_purchase_model.h"

#include <cmath>

namespace chaincrm::analytics {

Status ValidateHistory(double x, double t_x, double age) {
  if (!std::isfinite(x) || !std::isfinite(t_x) || !std::isfinite(age)) {
    return Fail(Error::InvalidArgument("frequency, recency and T must be finite"));
  }
  if (x < 0 || t_x < 0 || age < 0 || t_x > age) {
    return Fail(Error::InvalidArgument("need frequency >= 0 and 0 <= recency <= T"));
  }
  if (x == 0 && t_x != 0) {
    return Fail(
        Error::InvalidArgument("recency must be 0 for a customer without repeat purchases"));
  }
  return Ok();
}

Status ValidateHorizon(double t) {
  if (!(t >= 0) || !std::isfinite(t)) {
    return Fail(Error::InvalidArgument("the prediction horizon must be >= 0"));
  }
  return Ok();
}

}  // namespace chaincrm::analytics
