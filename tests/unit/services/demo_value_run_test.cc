// The 200-customer demo that the browser tests use is dated relative to the moment it is
// generated. At some times of day its cohort made BG/NBD's L-BFGS stop in a line search,
// and the demo's analytics showed BG/NBD as not fitted. With the clock fixed at such a
// moment, the fit must finish (through the Nelder-Mead continuation) with finite scores.

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "services/analysis_service.h"
#include "services/demo_data.h"
#include "store/migrations.h"
#include "testing/status_matchers.h"

namespace chaincrm::services {
namespace {

class SetClock final : public Clock {
 public:
  explicit SetClock(Millis at) : at_(at) {}
  Millis Now() const override { return at_; }

 private:
  Millis at_;
};

boost::json::object DemoValueRun(Millis at) {
  const auto path =
      std::filesystem::temp_directory_path() / ("demo_value_run_" + std::to_string(at) + ".db");
  std::filesystem::remove(path);
  boost::json::object result;
  {
    auto db = store::OpenDatabase("sqlite:" + path.string());
    EXPECT_TRUE(db.has_value());
    if (!db) return result;
    EXPECT_OK(store::Migrate(**db));
    SetClock clock(at);
    const Env env{**db, clock};
    DemoOptions options;
    options.customers = 200;
    options.seed = 7;
    EXPECT_OK(GenerateDemo(env, options));
    auto params = ParseValueRunParams({{"kind", "value"}}, clock.Now());
    EXPECT_OK(params);
    if (!params) return result;
    auto run = QueueValueRun(env, Actor::System("test"), *params);
    EXPECT_OK(run);
    if (!run) return result;
    auto out = ExecuteValueRun(env, *run, *params);
    EXPECT_OK(out);
    if (out) result = *out;
  }
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
  return result;
}

TEST(DemoValueRun, BgNbdFitsTheDemoAtATimeWhereLbfgsStops) {
  const Millis at = 1'795'515'600'000;  // 2026-11-24T10:20:00Z
  const auto r = DemoValueRun(at);
  ASSERT_TRUE(r.contains("bgnbd"));
  ASSERT_TRUE(r.at("bgnbd").is_object()) << boost::json::serialize(r.at("warnings"));
  const auto& diag = r.at("fit_diagnostics").as_object().at("bgnbd").as_object();
  EXPECT_EQ(diag.at("method").as_string(), "nelder-mead (l-bfgs stopped early)")
      << "this moment no longer exercises the continuation; pick another";
  for (const char* k : {"r", "alpha", "a", "b", "log_likelihood"})
    EXPECT_TRUE(std::isfinite(r.at("bgnbd").as_object().at(k).to_number<double>())) << k;
}

}  // namespace
}  // namespace chaincrm::services
