// The SLA scheduler on a real SQLite database: the background thread escalates a breached
// case exactly once and stops cleanly; a targeted sweep repeated changes nothing more.

#include "services/sla_scheduler.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "services/case_service.h"
#include "services/customer_service.h"
#include "store/migrations.h"
#include "testing/status_matchers.h"

namespace chaincrm::services {
namespace {

namespace json = boost::json;

class FixedClock final : public Clock {
 public:
  Millis Now() const override { return ParseTime("2026-11-24T12:00:00Z").value(); }  // Tuesday
};

class SlaSchedulerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("sla_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    auto db = store::OpenDatabase("sqlite:" + path_.string());
    ASSERT_TRUE(db.has_value());
    db_ = std::move(*db);
    ASSERT_OK(store::Migrate(*db_));
  }
  void TearDown() override {
    db_.reset();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + ext);
  }
  Env env() { return Env{*db_, clock_}; }

  // A normal-priority case opened Monday 09:00 UTC: under the default policy (Standard
  // calendar, Mon-Fri 09-17 UTC) the first response was due Monday 13:00, so it is
  // breached at the clock's Tuesday noon; the resolution (4 days) is not.
  std::int64_t OpenBreachedCase() {
    auto customer = CreateCustomer(env(), Actor::System(),
                                   json::object{{"kind", "person"}, {"name", "Li Wei"}});
    EXPECT_TRUE(customer.has_value());
    auto c = CreateCase(env(), Actor::System(),
                        json::object{{"customer_id", customer->id},
                                     {"subject", "Loom stops"},
                                     {"category", "technical_support"},
                                     {"channel", "phone"},
                                     {"priority", "normal"},
                                     {"opened_at", "2026-11-23T09:00:00Z"}});
    EXPECT_TRUE(c.has_value()) << (c ? "" : c.error().message());
    const auto& sla = c->json.at("sla").as_object();
    EXPECT_EQ(json::value_to<std::string>(sla.at("first_response_due")),
              "2026-11-23T13:00:00.000Z");
    return c->id;
  }

  std::pair<std::int64_t, std::string> Escalations(std::int64_t case_id) {
    std::pair<std::int64_t, std::string> out;
    EXPECT_OK(db_->Read([&](store::Tx& tx) -> Status {
      ASSIGN_OR_RETURN(auto n, tx.Query("SELECT COUNT(*) FROM notifications WHERE entity_id = ? "
                                        "AND kind = 'sla_breach'",
                                        {case_id}));
      ASSIGN_OR_RETURN(auto p, tx.Query("SELECT priority FROM cases WHERE id = ?", {case_id}));
      out = {n.front().Int(0), p.front().Text(0)};
      return Ok();
    }));
    return out;
  }

  std::filesystem::path path_;
  std::unique_ptr<store::Database> db_;
  FixedClock clock_;
};

TEST_F(SlaSchedulerTest, BackgroundThreadEscalatesOnceAndStops) {
  const std::int64_t id = OpenBreachedCase();
  {
    SlaScheduler scheduler(env(), std::chrono::seconds(1));
    for (int i = 0; i < 100 && Escalations(id).first == 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // at least one more sweep
  }                                                                // joins the thread
  EXPECT_EQ(Escalations(id), std::make_pair(std::int64_t{1}, std::string("high")));
}

TEST_F(SlaSchedulerTest, RepeatedSweepEscalatesNothingMore) {
  const std::int64_t id = OpenBreachedCase();
  SlaScheduler scheduler(env(), std::chrono::seconds(0));  // no thread
  const std::vector<std::int64_t> only = {id};
  ASSERT_OK_AND_ASSIGN(auto first, scheduler.SweepNow(Actor::System(), clock_.Now(), &only));
  ASSERT_EQ(first.at("escalations").as_array().size(), 1u);
  EXPECT_EQ(first.at("escalations").as_array()[0].at("priority_to").as_string(), "high");
  ASSERT_OK_AND_ASSIGN(auto second, scheduler.SweepNow(Actor::System(), clock_.Now(), &only));
  EXPECT_TRUE(second.at("escalations").as_array().empty());
  EXPECT_EQ(Escalations(id), std::make_pair(std::int64_t{1}, std::string("high")));
  // Only the first-response clock was breached; the resolution clock escalates separately
  // once it is due (4 business days after Monday 09:00: Friday 17:00).
  ASSERT_OK_AND_ASSIGN(
      auto later,
      scheduler.SweepNow(Actor::System(), ParseTime("2026-11-30T12:00:00Z").value(), &only));
  ASSERT_EQ(later.at("escalations").as_array().size(), 1u);
  EXPECT_EQ(Escalations(id), std::make_pair(std::int64_t{2}, std::string("urgent")));
}

}  // namespace
}  // namespace chaincrm::services
