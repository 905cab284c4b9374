#include "api/metrics.h"

#include <sstream>

namespace chaincrm::api {

void Metrics::Observe(const std::string& method, const std::string& route, int status,
                      double seconds) {
  const std::string route_labels = "method=\"" + method + "\",route=\"" + route + "\"";
  std::lock_guard lock(mu_);
  ++requests_[route_labels + ",status=\"" + std::to_string(status) + "\""];
  Histogram& h = latency_[route_labels];
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++h.counts[i];
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::Render() const {
  std::ostringstream out;
  std::lock_guard lock(mu_);
  out << "# HELP chaincrm_http_requests_total HTTP requests by route and status.\n"
         "# TYPE chaincrm_http_requests_total counter\n";
  for (const auto& [labels, n] : requests_)
    out << "chaincrm_http_requests_total{" << labels << "} " << n << "\n";
  out << "# HELP chaincrm_http_request_duration_seconds Request latency.\n"
         "# TYPE chaincrm_http_request_duration_seconds histogram\n";
  for (const auto& [labels, h] : latency_) {
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out << "chaincrm_http_request_duration_seconds_bucket{" << labels << ",le=\"" << kBuckets[i]
          << "\"} " << h.counts[i] << "\n";
    }
    out << "chaincrm_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} " << h.count
        << "\n";
    out << "chaincrm_http_request_duration_seconds_sum{" << labels << "} " << h.sum << "\n";
    out << "chaincrm_http_request_duration_seconds_count{" << labels << "} " << h.count << "\n";
  }
  return out.str();
}

}  // namespace chaincrm::api
