#pragma once
// Request counters and latency histograms, exposed in the Prometheus text format.

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>

namespace chaincrm::api {

class Metrics {
 public:
  /// Records one request for a route pattern ("/api/v1/customers/{id}").
  void Observe(const std::string& method, const std::string& route, int status, double seconds);
  /// The Prometheus exposition text.
  std::string Render() const;

 private:
  static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,  0.1,    0.25,  1.0,  5.0};
  struct Histogram {
    std::array<long, kBuckets.size()> counts{};
    long count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::string, long> requests_;      // labels -> count
  std::map<std::string, Histogram> latency_;  // route labels -> histogram
};

}  // namespace chaincrm::api
