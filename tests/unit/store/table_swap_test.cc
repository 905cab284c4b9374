// store::TableSwap on customer_scores, on every backend (SQLite always, PostgreSQL when
// CHAINCRM_TEST_PG_URL names a server): the table after a swap holds exactly the new rows
// and keeps its key, secondary indexes (by name in the catalog), foreign key and cascade.

#include "store/table_swap.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/analysis_repository.h"
#include "store/database.h"
#include "store/migrations.h"
#include "testing/scratch_database.h"
#include "testing/status_matchers.h"

namespace chaincrm::store {
namespace {

class TableSwapTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_OK(scratch_.Open(GetParam()));
    db_ = &scratch_.db();
    ASSERT_OK(Migrate(*db_));
    ASSERT_OK(db_->Write([&](Tx& tx) -> Status {
      for (int i = 0; i < 6; ++i) {
        ASSIGN_OR_RETURN(Row row, tx.QueryOne("INSERT INTO customers (kind, name, name_folded, "
                                              "created_at, updated_at) VALUES ('person', ?, ?, "
                                              "0, 0) RETURNING id",
                                              {"c" + std::to_string(i), "c"}, "customer"));
        customers_.push_back(row.Int(0));
      }
      return Ok();
    }));
  }

  void TearDown() override { EXPECT_OK(scratch_.Close()); }

  bool IsPostgres() const { return GetParam() == "postgres"; }

  // Scores of run `run` for customers_[first..last).
  std::vector<CustomerScore> Scores(std::int64_t run, std::size_t first, std::size_t last) const {
    std::vector<CustomerScore> out;
    for (std::size_t i = first; i < last; ++i) {
      CustomerScore s;
      s.customer_id = customers_[i];
      s.run_id = run;
      s.computed_at = 1000 * run;
      s.frequency = static_cast<std::int64_t>(i);
      s.clv = 10.0 * static_cast<double>(run) + static_cast<double>(i);
      s.p_alive = 0.5;
      s.abc_class = "A";
      s.value_class = "key";
      out.push_back(s);
    }
    return out;
  }

  // Replaces customer_scores by `scores` with a TableSwap.
  Status Replace(const std::vector<CustomerScore>& scores) {
    TableSwap swap(*db_, "customer_scores");
    RETURN_IF_ERROR(swap.Prepare());
    RETURN_IF_ERROR(db_->Write([&](Tx& tx) { return InsertScores(tx, swap.staging(), scores); }));
    RETURN_IF_ERROR(swap.BuildIndexes());
    return swap.Commit();
  }

  // customer_id → run_id of the rows in customer_scores.
  // Commits `swap` while a read transaction is open: the reader runs `first`, then the
  // swap commits (or gives up), then the same reader runs `then`. Returns the commit's status.
  Status CommitWhileReading(TableSwap& swap, const std::function<Status(Tx&)>& first,
                            const std::function<Status(Tx&)>& then) {
    std::mutex m;
    std::condition_variable cv;
    bool reading = false, committed = false;
    std::thread reader([&] {
      EXPECT_OK(db_->Read([&](Tx& tx) -> Status {
        RETURN_IF_ERROR(first(tx));
        {
          std::unique_lock lock(m);
          reading = true;
          cv.notify_all();
          cv.wait(lock, [&] { return committed; });
        }
        return then(tx);
      }));
    });
    {
      std::unique_lock lock(m);
      cv.wait(lock, [&] { return reading; });
    }
    const Status status = swap.Commit();
    {
      std::lock_guard lock(m);
      committed = true;
      cv.notify_all();
    }
    reader.join();
    return status;
  }

  Result<std::map<std::int64_t, std::int64_t>> StoredRuns() {
    std::map<std::int64_t, std::int64_t> out;
    RETURN_IF_ERROR(db_->Read([&](Tx& tx) -> Status {
      out.clear();
      return tx.ForEach("SELECT customer_id, run_id FROM customer_scores", {},
                        [&](const Row& r) -> Status {
                          out[r.Int(0)] = r.Int(1);
                          return Ok();
                        });
    }));
    return out;
  }

  // Names of customer_scores' indexes (with the key's) and, on PostgreSQL, constraints.
  Result<std::set<std::string>> CatalogNames() {
    std::set<std::string> out;
    RETURN_IF_ERROR(db_->Read([&](Tx& tx) -> Status {
      out.clear();
      auto add = [&](const Row& r) -> Status {
        out.insert(r.Text(0));
        return Ok();
      };
      if (!IsPostgres()) {
        return tx.ForEach(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = "
            "'customer_scores'",
            {}, add);
      }
      RETURN_IF_ERROR(tx.ForEach(
          "SELECT indexname FROM pg_indexes WHERE tablename = 'customer_scores'", {}, add));
      return tx.ForEach(
          "SELECT conname FROM pg_constraint WHERE conrelid = 'customer_scores'::regclass AND "
          "contype IN ('p', 'f')",
          {}, add);
    }));
    return out;
  }

  std::set<std::string> ExpectedNames(bool alternate) const {
    const std::string suffix = alternate ? std::string(kAlternateSuffix) : "";
    std::set<std::string> out;
    for (const char* ix : {"customer_scores_clv"}) out.insert(ix + suffix);
    if (IsPostgres()) {
      out.insert("customer_scores_pkey");
      out.insert("customer_scores_customer_id_fkey");
    } else {
      out.insert("sqlite_autoindex_customer_scores_1");
    }
    return out;
  }

  Result<std::int64_t> TableCount(const std::string& like) {
    std::int64_t n = 0;
    RETURN_IF_ERROR(db_->Read([&](Tx& tx) -> Status {
      ASSIGN_OR_RETURN(Row r, tx.QueryOne(IsPostgres() ? "SELECT COUNT(*) FROM pg_tables WHERE "
                                                         "tablename LIKE ?"
                                                       : "SELECT COUNT(*) FROM sqlite_master "
                                                         "WHERE type = 'table' AND name LIKE ?",
                                          {like}, "count"));
      n = r.Int(0);
      return Ok();
    }));
    return n;
  }

  testing::ScratchDatabase scratch_;
  Database* db_ = nullptr;
  std::vector<std::int64_t> customers_;
};

TEST_P(TableSwapTest, MigrationDropsTheRunIndex) {
  ASSERT_OK_AND_ASSIGN(auto names, CatalogNames());
  EXPECT_EQ(names, ExpectedNames(false));
}

// Two swaps in a row: exactly the new rows each time (stale rows of customers not in the
// run disappear), the key, the secondary indexes under the scheme's names, the foreign key
// with its cascade, and no staging table left.
TEST_P(TableSwapTest, ReplacesTheRowsAndKeepsKeyIndexesAndForeignKey) {
  ASSERT_OK(
      db_->Write([&](Tx& tx) { return InsertScores(tx, "customer_scores", Scores(1, 0, 4)); }));
  for (std::int64_t run = 2; run <= 3; ++run) {
    SCOPED_TRACE("run " + std::to_string(run));
    const std::size_t first = static_cast<std::size_t>(run) - 1;  // 1..4, then 2..5
    ASSERT_OK(Replace(Scores(run, first, first + 4)));
    ASSERT_OK_AND_ASSIGN(auto rows, StoredRuns());
    std::map<std::int64_t, std::int64_t> expected;
    for (std::size_t i = first; i < first + 4; ++i) expected[customers_[i]] = run;
    EXPECT_EQ(rows, expected);
    ASSERT_OK_AND_ASSIGN(auto names, CatalogNames());
    // SQLite: the indexes alternate between the two name sets; PostgreSQL renames them.
    EXPECT_EQ(names, ExpectedNames(!IsPostgres() && run == 2));
    ASSERT_OK_AND_ASSIGN(const std::int64_t staging, TableCount("customer_scores_next"));
    EXPECT_EQ(staging, 0);
  }
  // The key holds.
  const Status duplicate =
      db_->Write([&](Tx& tx) { return InsertScores(tx, "customer_scores", Scores(4, 2, 3)); });
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code(), Code::kAlreadyExists);
  // The foreign key holds, and deleting a customer deletes its scores.
  auto orphan = Scores(4, 0, 1);
  orphan.front().customer_id = customers_.back() + 1000;
  const Status dangling =
      db_->Write([&](Tx& tx) { return InsertScores(tx, "customer_scores", orphan); });
  ASSERT_FALSE(dangling);
  EXPECT_EQ(dangling.error().code(), Code::kInvalidArgument);
  ASSERT_OK(db_->Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(const std::int64_t n,
                     tx.Exec("DELETE FROM customers WHERE id = ?", {customers_[3]}));
    EXPECT_EQ(n, 1);
    return Ok();
  }));
  ASSERT_OK_AND_ASSIGN(auto rows, StoredRuns());
  EXPECT_EQ(rows.count(customers_[3]), 0u);
  EXPECT_EQ(rows.size(), 3u);
  // The stored scores read back through the repository.
  ASSERT_OK(db_->Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto score, LoadScore(tx, customers_[4]));
    EXPECT_TRUE(score.has_value());
    if (score) {
      EXPECT_EQ(score->run_id, 3);
      EXPECT_EQ(score->clv, 34.0);
      EXPECT_EQ(score->value_class, "key");
    }
    return Ok();
  }));
}

// A run that died after filling (and indexing) its staging table: the next swap drops it,
// index names included, and the live table never saw its rows.
TEST_P(TableSwapTest, ALeftoverStagingTableIsDroppedByTheNextSwap) {
  ASSERT_OK(Replace(Scores(1, 0, 2)));
  {
    TableSwap crashed(*db_, "customer_scores");
    ASSERT_OK(crashed.Prepare());
    ASSERT_OK(
        db_->Write([&](Tx& tx) { return InsertScores(tx, crashed.staging(), Scores(2, 0, 6)); }));
    ASSERT_OK(crashed.BuildIndexes());
  }
  ASSERT_OK_AND_ASSIGN(const std::int64_t leftover, TableCount("customer_scores_next"));
  EXPECT_EQ(leftover, 1);
  ASSERT_OK_AND_ASSIGN(auto rows, StoredRuns());
  EXPECT_EQ(rows.size(), 2u);
  ASSERT_OK(Replace(Scores(3, 3, 6)));
  ASSERT_OK_AND_ASSIGN(rows, StoredRuns());
  EXPECT_EQ(rows, (std::map<std::int64_t, std::int64_t>{
                      {customers_[3], 3}, {customers_[4], 3}, {customers_[5], 3}}));
  ASSERT_OK_AND_ASSIGN(auto names, CatalogNames());
  EXPECT_EQ(names, ExpectedNames(false));  // third set of indexes: canonical again
  // Abandon() drops a staging table too.
  TableSwap abandoned(*db_, "customer_scores");
  ASSERT_OK(abandoned.Prepare());
  ASSERT_OK(abandoned.Abandon());
  ASSERT_OK_AND_ASSIGN(const std::int64_t after, TableCount("customer_scores_next"));
  EXPECT_EQ(after, 0);
}

// SQLite: a read transaction open across the swap keeps reading the old table (its WAL
// snapshot); reads that start after it see the new one. (PostgreSQL: the swap waits for
// the open reader's lock instead, see table_swap.h.)
TEST_P(TableSwapTest, SqliteReaderOpenBeforeTheSwapKeepsTheOldRows) {
  if (IsPostgres()) GTEST_SKIP() << "PostgreSQL's DROP TABLE waits for open readers";
  ASSERT_OK(Replace(Scores(1, 0, 3)));
  TableSwap swap(*db_, "customer_scores");
  ASSERT_OK(swap.Prepare());
  ASSERT_OK(db_->Write([&](Tx& tx) { return InsertScores(tx, swap.staging(), Scores(2, 2, 6)); }));
  ASSERT_OK(swap.BuildIndexes());

  std::vector<std::int64_t> before, after;
  auto runs = [](Tx& tx, std::vector<std::int64_t>& out) -> Status {
    out.clear();
    return tx.ForEach("SELECT run_id FROM customer_scores ORDER BY customer_id", {},
                      [&](const Row& r) -> Status {
                        out.push_back(r.Int(0));
                        return Ok();
                      });
  };
  const Status committed = CommitWhileReading(
      swap, [&](Tx& tx) { return runs(tx, before); }, [&](Tx& tx) { return runs(tx, after); });
  ASSERT_OK(committed);
  EXPECT_EQ(before, (std::vector<std::int64_t>{1, 1, 1}));
  EXPECT_EQ(after, before);
  ASSERT_OK_AND_ASSIGN(auto rows, StoredRuns());
  EXPECT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows.begin()->second, 2);
}

// PostgreSQL: DROP TABLE needs the table's exclusive lock, which an open reader of the
// scores holds. The swap gives up after its lock timeout (Aborted, after the retries)
// instead of queueing every reader behind it for long, leaves the live table as it was,
// and succeeds once the reader is gone.
TEST_P(TableSwapTest, PostgresSwapGivesUpWhileAReaderHoldsTheTable) {
  if (!IsPostgres()) GTEST_SKIP() << "SQLite readers never block the swap";
  ASSERT_OK(Replace(Scores(1, 0, 3)));
  TableSwap swap(*db_, "customer_scores");
  ASSERT_OK(swap.Prepare());
  ASSERT_OK(db_->Write([&](Tx& tx) { return InsertScores(tx, swap.staging(), Scores(2, 2, 6)); }));
  ASSERT_OK(swap.BuildIndexes());

  const Status blocked = CommitWhileReading(
      swap,
      [](Tx& tx) -> Status {
        ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT COUNT(*) FROM customer_scores"));
        EXPECT_EQ(rows.front().Int(0), 3);
        return Ok();
      },
      [](Tx&) { return Ok(); });
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().code(), Code::kAborted);
  ASSERT_OK_AND_ASSIGN(auto rows, StoredRuns());
  EXPECT_EQ(rows.size(), 3u);
  ASSERT_OK(swap.Commit());
  ASSERT_OK_AND_ASSIGN(rows, StoredRuns());
  EXPECT_EQ(rows.size(), 4u);
  ASSERT_OK_AND_ASSIGN(auto names, CatalogNames());
  EXPECT_EQ(names, ExpectedNames(false));
}

INSTANTIATE_TEST_SUITE_P(Backends, TableSwapTest, ::testing::ValuesIn(testing::TestBackends()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           return param.param;
                         });

TEST(CanonicalIndexName, StripsTheAlternateSuffixOnly) {
  EXPECT_EQ(CanonicalIndexName("customer_scores_clv"), "customer_scores_clv");
  EXPECT_EQ(CanonicalIndexName("customer_scores_clv__alt"), "customer_scores_clv");
}

}  // namespace
}  // namespace chaincrm::store
