#pragma once
// A realistic demo company: a garment maker in Hangzhou selling to consumers, business
// buyers (group purchases of uniforms), retailers, distributors and wholesalers, and
// buying from fabric mills. Purchase histories follow the repeat-buying process the
// analytics model (Poisson purchases while alive, geometric drop-out, gamma-distributed
// spend) with seasonal peaks (Spring Festival, 618, Singles' Day, year end).

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "services/actor.h"

namespace chaincrm::services {

struct DemoOptions {
  int customers = 1000;
  std::uint64_t seed = 42;
  int months_of_history = 24;
};

struct DemoSummary {
  std::int64_t customers = 0, purchases = 0, interactions = 0, contacts = 0, users = 0;
  /// What the later capabilities added (e.g. {"orders", 812}), in the order made.
  std::vector<std::pair<std::string, std::int64_t>> more;
};

/// The demo logins (all with kDemoPassword).
inline constexpr const char* kDemoPassword = "demo-password";
inline constexpr const char* kDemoLogins[][2] = {
    {"admin@demo.chaincrm.test", "admin"},     {"manager@demo.chaincrm.test", "manager"},
    {"sales@demo.chaincrm.test", "sales"},     {"agent@demo.chaincrm.test", "agent"},
    {"analyst@demo.chaincrm.test", "analyst"}, {"customer@demo.chaincrm.test", "customer"}};

/// Generates the demo data into an empty (migrated) database. FailedPrecondition when it
/// already holds customers. `progress(done, total)` counts customers.
Result<DemoSummary> GenerateDemo(
    const Env& env, const DemoOptions& options,
    const std::function<void(std::int64_t, std::int64_t)>& progress = nullptr);

}  // namespace chaincrm::services
