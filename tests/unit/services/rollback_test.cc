#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "services/customer_service.h"
#include "store/migrations.h"
#include "testing/failing_database.h"
#include "testing/status_matchers.h"

namespace chaincrm::services {
namespace {

class FixedClock final : public Clock {
 public:
  Millis Now() const override { return 1'795'000'000'000; }
};

class Rollback : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("rollback_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    auto db = store::OpenDatabase("sqlite:" + path_.string());
    ASSERT_TRUE(db.has_value());
    db_ = std::move(*db);
    ASSERT_OK(store::Migrate(*db_));
    failing_ = std::make_unique<testing::FailingDatabase>(*db_);
  }
  void TearDown() override {
    failing_.reset();
    db_.reset();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + ext);
  }
  std::pair<std::int64_t, std::int64_t> Counts() {
    std::pair<std::int64_t, std::int64_t> n;
    EXPECT_OK(db_->Read([&](store::Tx& tx) -> Status {
      ASSIGN_OR_RETURN(auto a, tx.Query("SELECT COUNT(*) FROM customers"));
      ASSIGN_OR_RETURN(auto b, tx.Query("SELECT COUNT(*) FROM change_log"));
      n = {a.front().Int(0), b.front().Int(0)};
      return Ok();
    }));
    return n;
  }

  std::filesystem::path path_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<testing::FailingDatabase> failing_;
  FixedClock clock_;
};

const boost::json::object kBody = {{"kind", "organization"},
                                   {"name", "杭州丝绸有限公司"},
                                   {"emails", boost::json::array{"orders@hzsilk.example.cn"}},
                                   {"phones", boost::json::array{"+86 571 8888 1234"}},
                                   {"tags", boost::json::array{"vip"}},
                                   {"serials", boost::json::array{"LOOM-1"}}};

TEST_F(Rollback, CreateFailingAtAnyStatementWritesNothing) {
  const Env env{*failing_, clock_};
  const Actor admin = Actor::System("test");
  ASSERT_OK(CreateCustomer(env, admin, kBody));  // count the statements of a create
  const int statements = failing_->last_statements();
  ASSERT_GT(statements, 5);
  const auto before = Counts();
  for (int k = 1; k <= statements; ++k) {
    failing_->FailAt(k);
    boost::json::object body = kBody;  // serials are unique: a fresh one per attempt
    body["serials"] = boost::json::array{"LOOM-" + std::to_string(k + 1)};
    auto r = CreateCustomer(env, admin, body);
    ASSERT_FALSE(r.has_value()) << "statement " << k;
    EXPECT_EQ(r.error().code(), Code::kUnavailable)
        << "the injected error is returned, statement " << k;
    EXPECT_EQ(Counts(), before) << "failure at statement " << k << " left rows behind";
  }
}

TEST_F(Rollback, PatchFailingAtAnyStatementKeepsTheOldVersion) {
  const Env env{*failing_, clock_};
  const Actor admin = Actor::System("test");
  ASSERT_OK_AND_ASSIGN(auto created, CreateCustomer(env, admin, kBody));
  const boost::json::object patch{{"name", "Hangzhou Silk"},
                                  {"tags", boost::json::array{"a", "b"}}};
  ASSERT_OK(PatchCustomer(env, admin, created.id, patch, created.version));
  const int statements = failing_->last_statements();
  ASSERT_OK_AND_ASSIGN(auto current, GetCustomer(env, admin, created.id));
  const auto before = Counts();
  for (int k = 1; k <= statements; ++k) {
    failing_->FailAt(k, Error::AlreadyExists("injected"));
    auto r = PatchCustomer(env, admin, created.id, boost::json::object{{"name", "Other"}},
                           current.version);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code(), Code::kAlreadyExists);
    ASSERT_OK_AND_ASSIGN(auto after, GetCustomer(env, admin, created.id));
    EXPECT_EQ(after.json, current.json) << "failure at statement " << k;
    EXPECT_EQ(Counts(), before);
  }
}

TEST_F(Rollback, StaleVersionIsFailedPreconditionAndWritesNothing) {
  const Env env{*db_, clock_};
  const Actor admin = Actor::System("test");
  ASSERT_OK_AND_ASSIGN(auto created, CreateCustomer(env, admin, kBody));
  ASSERT_OK(
      PatchCustomer(env, admin, created.id, boost::json::object{{"name", "A"}}, created.version));
  const auto before = Counts();
  auto stale =
      PatchCustomer(env, admin, created.id, boost::json::object{{"name", "B"}}, created.version);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code(), Code::kFailedPrecondition);
  EXPECT_EQ(Counts(), before);
}

}  // namespace
}  // namespace chaincrm::services
