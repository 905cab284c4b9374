// The Database contract, one suite for every backend: SQLite always, PostgreSQL when
// CHAINCRM_TEST_PG_URL names a server (scripts/with-postgres.sh starts one). Each test
// gets a fresh database: a temporary file, or a new PostgreSQL database dropped after.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/bulk_insert.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/postgres/pg_database.h"
#include "testing/scratch_database.h"
#include "testing/status_matchers.h"

namespace chaincrm::store {
namespace {

template <typename T>
Status Discard(const Result<T>& r) {
  if (!r) return Fail(r.error());
  return Ok();
}

class DatabaseContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    DatabaseOptions options;
    options.read_connections = 2;
    ASSERT_OK(scratch_.Open(GetParam(), options));
    db_ = &scratch_.db();
  }

  void TearDown() override { EXPECT_OK(scratch_.Close()); }

  bool IsPostgres() const { return GetParam() == "postgres"; }

  Status Script(std::string_view ddl) {
    return db_->Write([&](Tx& tx) { return db_->dialect().ExecScript(tx, ddl); });
  }

  Result<std::int64_t> Count(const std::string& table) {
    std::int64_t n = -1;
    RETURN_IF_ERROR(db_->Read([&](Tx& tx) -> Status {
      ASSIGN_OR_RETURN(Row row, tx.QueryOne("SELECT COUNT(*) FROM " + table, {}, table));
      n = row.Int(0);
      return Ok();
    }));
    return n;
  }

  static Result<std::int64_t> InsertCustomer(Tx& tx, const std::string& name,
                                             const std::string& folded) {
    ASSIGN_OR_RETURN(Row row, tx.QueryOne("INSERT INTO customers (kind, name, name_folded, "
                                          "created_at, updated_at) VALUES (?, ?, ?, ?, ?) "
                                          "RETURNING id",
                                          {"person", name, folded, 0, 0}, "customer"));
    return row.Int(0);
  }

  testing::ScratchDatabase scratch_;
  Database* db_ = nullptr;
};

TEST_P(DatabaseContract, MigrateAppliesEveryVersionOnceAndIsIdempotent) {
  ASSERT_OK_AND_ASSIGN(const int applied, Migrate(*db_));
  EXPECT_EQ(applied, static_cast<int>(AllMigrations().size()));
  EXPECT_GE(applied, 1);
  ASSERT_OK_AND_ASSIGN(const int again, Migrate(*db_));
  EXPECT_EQ(again, 0);
  ASSERT_OK_AND_ASSIGN(const int version, SchemaVersion(*db_));
  EXPECT_EQ(version, AllMigrations().back().version);
}

TEST_P(DatabaseContract, RoundTripsIntegersRealsUtf8TextAndNull) {
  ASSERT_OK(Script("CREATE TABLE samples (id {{id}}, i BIGINT, d DOUBLE PRECISION, s TEXT)"));
  const std::vector<std::vector<Value>> samples = {
      {std::int64_t{5'000'000'000}, 0.1 + 0.2, std::string("杭州丝绸有限公司")},
      {std::numeric_limits<std::int64_t>::max(), 1e-300, std::string("it's \"quoted\" ?")},
      {std::numeric_limits<std::int64_t>::min(), -3.141592653589793, std::string()},
      {Null(), Null(), Null()},
  };
  std::vector<std::int64_t> ids;
  ASSERT_OK(db_->Write([&](Tx& tx) -> Status {
    for (const auto& s : samples) {
      ASSIGN_OR_RETURN(Row row, tx.QueryOne("INSERT INTO samples (i, d, s) VALUES (?, ?, ?) "
                                            "RETURNING id",
                                            s, "sample"));
      ids.push_back(row.Int(0));
    }
    return Ok();
  }));
  ASSERT_EQ(ids.size(), samples.size());
  for (std::size_t k = 1; k < ids.size(); ++k) EXPECT_GT(ids[k], ids[k - 1]);

  ASSERT_OK(db_->Read([&](Tx& tx) -> Status {
    for (std::size_t k = 0; k < samples.size(); ++k) {
      ASSIGN_OR_RETURN(Row row,
                       tx.QueryOne("SELECT i, d, s FROM samples WHERE id = ?", {ids[k]}, "sample"));
      for (std::size_t c = 0; c < 3; ++c) EXPECT_EQ(row[c], samples[k][c]) << k << "," << c;
    }
    ASSIGN_OR_RETURN(Row agg,
                     tx.QueryOne("SELECT COUNT(*), 1 = 1, 1 = 0 FROM samples", {}, "count"));
    EXPECT_EQ(agg[0], Value(std::int64_t{4}));
    EXPECT_EQ(agg[1], Value(std::int64_t{1}));
    EXPECT_EQ(agg[2], Value(std::int64_t{0}));
    return Ok();
  }));
}

TEST_P(DatabaseContract, BulkRowsWithReservedIdsThenOrdinaryInsertsContinueAfterThem) {
  ASSERT_OK(Script("CREATE TABLE bulk (id {{id}}, n BIGINT NOT NULL, s TEXT)"));
  // 301 rows: statements of 256, 32, 8, 4 and 1 rows; ids reserved by the dialect.
  constexpr std::size_t kRows = 301;
  std::vector<std::int64_t> ids;
  ASSERT_OK(db_->Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(ids, tx.dialect().ReserveIds(tx, "bulk", kRows));
    BulkValues rows = BulkInsert("bulk", {"id", "n", "s"});
    for (std::size_t i = 0; i < kRows; ++i)
      rows.Add({ids[i], static_cast<std::int64_t>(i), i % 2 ? Value("odd") : Null()});
    EXPECT_EQ(rows.pending(), kRows);
    RETURN_IF_ERROR(rows.Flush(tx));
    EXPECT_EQ(rows.pending(), 0u);
    return Ok();
  }));
  ASSERT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()).size(), kRows);
  std::int64_t next = 0;
  ASSERT_OK(db_->Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Row row,
                     tx.QueryOne("INSERT INTO bulk (n) VALUES (-1) RETURNING id", {}, "bulk"));
    next = row.Int(0);
    return Ok();
  }));
  EXPECT_GT(next, *std::max_element(ids.begin(), ids.end())) << "no collision with reserved ids";
  ASSERT_OK(db_->Read([&](Tx& tx) -> Status {
    // A VALUES table joined by a SELECT, returning rows through on_row.
    BulkValues probe("WITH v(k) AS (VALUES ", "(CAST(? AS BIGINT))",
                     ") SELECT v.k, b.s FROM v JOIN bulk b ON b.n = v.k ORDER BY v.k", 1);
    for (std::int64_t k : {1, 2, 300, 9999}) probe.Add({k});
    std::vector<std::pair<std::int64_t, std::string>> got;
    RETURN_IF_ERROR(probe.Flush(tx, [&](const Row& r) { got.emplace_back(r.Int(0), r.Text(1)); }));
    EXPECT_EQ(got,
              (std::vector<std::pair<std::int64_t, std::string>>{{1, "odd"}, {2, ""}, {300, ""}}));
    ASSIGN_OR_RETURN(Row sum,
                     tx.QueryOne("SELECT COUNT(*), SUM(n) FROM bulk WHERE n >= 0", {}, "sum"));
    EXPECT_EQ(sum.Int(0), static_cast<std::int64_t>(kRows));
    EXPECT_EQ(sum.Int(1), static_cast<std::int64_t>(kRows * (kRows - 1) / 2));
    return Ok();
  }));
}

TEST_P(DatabaseContract, PlaceholdersInsideLiteralsAndCommentsAreNotParameters) {
  ASSERT_OK(db_->Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Row row, tx.QueryOne("SELECT 'a?b''?', CAST(? AS TEXT) /* ? */, \"n?\" "
                                          "FROM (SELECT 7 AS \"n?\") q -- trailing ?\n",
                                          {std::string("x")}, "row"));
    EXPECT_EQ(row.Text(0), "a?b'?");
    EXPECT_EQ(row.Text(1), "x");
    EXPECT_EQ(row.Int(2), 7);
    return Ok();
  }));
}

TEST_P(DatabaseContract, ReturningGivesIncreasingIds) {
  ASSERT_OK(Migrate(*db_));
  std::int64_t first = 0, second = 0;
  ASSERT_OK(db_->Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(first, InsertCustomer(tx, "A", "a"));
    ASSIGN_OR_RETURN(second, InsertCustomer(tx, "B", "b"));
    return Ok();
  }));
  EXPECT_GT(first, 0);
  EXPECT_GT(second, first);
}

TEST_P(DatabaseContract, ConstraintViolationsMapToErrorCodes) {
  ASSERT_OK(Migrate(*db_));
  const std::string insert_user =
      "INSERT INTO users (email, name, role, password_hash, created_at) "
      "VALUES (?, 'Ann', 'admin', 'x', 0)";
  ASSERT_OK(db_->Write([&](Tx& tx) { return Discard(tx.Exec(insert_user, {"ann@example.com"})); }));
  const Status duplicate = db_->Write(
      [&](Tx& tx) -> Status { return Discard(tx.Exec(insert_user, {"ann@example.com"})); });
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code(), Code::kAlreadyExists) << duplicate.error().message();

  const Status dangling = db_->Write([&](Tx& tx) -> Status {
    return Discard(
        tx.Exec("INSERT INTO customer_emails (customer_id, position, address, address_norm) "
                "VALUES (?, 0, 'a@b.c', 'a@b.c')",
                {std::int64_t{987654321}}));
  });
  ASSERT_FALSE(dangling);
  EXPECT_EQ(dangling.error().code(), Code::kInvalidArgument);
  EXPECT_EQ(dangling.error().message(), "a referenced record does not exist");

  const Status missing = db_->Write([&](Tx& tx) -> Status {
    return Discard(
        tx.Exec("INSERT INTO customers (kind, created_at, updated_at) VALUES ('person', 0, 0)"));
  });
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), Code::kInvalidArgument);
}

TEST_P(DatabaseContract, SqlErrorsAreInternalAndDoNotEchoTheStatement) {
  const Status s = db_->Read([&](Tx& tx) -> Status {
    return Discard(tx.Query("SELEC id FROM nowhere WHERE secret_marker = 1"));
  });
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code(), Code::kInternal);
  EXPECT_EQ(s.error().message().find("secret_marker"), std::string::npos) << s.error().message();
}

TEST_P(DatabaseContract, WriteRollsBackEverythingWhenTheCallbackFails) {
  ASSERT_OK(Migrate(*db_));
  const Status injected = db_->Write([&](Tx& tx) -> Status {
    RETURN_IF_ERROR(InsertCustomer(tx, "Ghost", "ghost"));
    return Fail(Error::FailedPrecondition("injected fault"));
  });
  ASSERT_FALSE(injected);
  EXPECT_EQ(injected.error().code(), Code::kFailedPrecondition);
  EXPECT_EQ(injected.error().message(), "injected fault");

  const std::string insert_user =
      "INSERT INTO users (email, name, role, password_hash, created_at) "
      "VALUES (?, 'Bo', 'agent', 'x', 0)";
  const Status failed_statement = db_->Write([&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.Exec(insert_user, {"bo@example.com"}));
    RETURN_IF_ERROR(tx.Exec(insert_user, {"bo@example.com"}));
    return Ok();
  });
  ASSERT_FALSE(failed_statement);
  EXPECT_EQ(failed_statement.error().code(), Code::kAlreadyExists);

  ASSERT_OK_AND_ASSIGN(const std::int64_t customers, Count("customers"));
  EXPECT_EQ(customers, 0);
  ASSERT_OK_AND_ASSIGN(const std::int64_t users, Count("users"));
  EXPECT_EQ(users, 0);

  // The same statements work afterwards (cached statements survive a rollback).
  ASSERT_OK(db_->Write([&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.Exec(insert_user, {"bo@example.com"}));
    return Discard(InsertCustomer(tx, "Real", "real"));
  }));
  ASSERT_OK_AND_ASSIGN(const std::int64_t after, Count("users"));
  EXPECT_EQ(after, 1);
}

TEST_P(DatabaseContract, ReadCannotWrite) {
  ASSERT_OK(Script("CREATE TABLE notes (id {{id}}, body TEXT)"));
  const Status s = db_->Read(
      [&](Tx& tx) -> Status { return Discard(tx.Exec("INSERT INTO notes (body) VALUES ('x')")); });
  EXPECT_FALSE(s);
  ASSERT_OK_AND_ASSIGN(const std::int64_t n, Count("notes"));
  EXPECT_EQ(n, 0);
}

TEST_P(DatabaseContract, ConcurrentWritesFromFourThreadsAllLand) {
  ASSERT_OK(
      Script("CREATE TABLE counters (name TEXT NOT NULL PRIMARY KEY, n BIGINT NOT NULL);"
             "CREATE TABLE hits (id {{id}}, worker BIGINT NOT NULL);"
             "INSERT INTO counters (name, n) VALUES ('c', 0);"));
  constexpr int kThreads = 4;
  constexpr int kWritesEach = 50;
  std::atomic<int> failures = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesEach; ++i) {
        const Status s = db_->Write([&](Tx& tx) -> Status {
          RETURN_IF_ERROR(tx.Exec("UPDATE counters SET n = n + 1 WHERE name = 'c'"));
          RETURN_IF_ERROR(tx.Exec("INSERT INTO hits (worker) VALUES (?)", {std::int64_t{t}}));
          return Ok();
        });
        if (!s) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  ASSERT_OK(db_->Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Row row, tx.QueryOne("SELECT n FROM counters WHERE name = 'c'", {}, "c"));
    EXPECT_EQ(row.Int(0), kThreads * kWritesEach);
    return Ok();
  }));
  ASSERT_OK_AND_ASSIGN(const std::int64_t hits, Count("hits"));
  EXPECT_EQ(hits, kThreads * kWritesEach);
}

// Two Writes lock the same rows in opposite orders. PostgreSQL detects the deadlock and
// aborts one, which Write retries; SQLite's single writer never deadlocks. Both land.
TEST_P(DatabaseContract, ConflictingWritesAreRetriedUntilBothLand) {
  ASSERT_OK(
      Script("CREATE TABLE accounts (id BIGINT NOT NULL PRIMARY KEY, n BIGINT NOT NULL);"
             "INSERT INTO accounts (id, n) VALUES (1, 0), (2, 0);"));
  std::atomic<int> holding = 0;
  std::atomic<int> attempts = 0;
  const int spins = IsPostgres() ? 1000 : 20;  // 5 ms each
  const auto transfer = [&](std::int64_t first, std::int64_t second) {
    return db_->Write([&](Tx& tx) -> Status {
      ++attempts;
      RETURN_IF_ERROR(tx.Exec("UPDATE accounts SET n = n + 1 WHERE id = ?", {first}));
      ++holding;
      // Wait (briefly: on SQLite the other Write cannot start) until both hold a row.
      for (int i = 0; i < spins && holding.load() < 2; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
      RETURN_IF_ERROR(tx.Exec("UPDATE accounts SET n = n + 1 WHERE id = ?", {second}));
      return Ok();
    });
  };
  Status a = Ok(), b = Ok();
  std::thread t1([&] { a = transfer(1, 2); });
  std::thread t2([&] { b = transfer(2, 1); });
  t1.join();
  t2.join();
  EXPECT_OK(a);
  EXPECT_OK(b);
  if (IsPostgres()) {
    EXPECT_GE(attempts.load(), 3) << "one Write should have been retried";
  }
  ASSERT_OK(db_->Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Row row, tx.QueryOne("SELECT SUM(n) FROM accounts", {}, "sum"));
    EXPECT_EQ(row.Int(0), 4);
    return Ok();
  }));
}

// More distinct statements than any per-connection cache holds.
TEST_P(DatabaseContract, ManyDistinctStatementsAreServed) {
  ASSERT_OK(db_->Write([&](Tx& tx) -> Status {
    for (std::int64_t i = 0; i < 1200; ++i) {
      ASSIGN_OR_RETURN(Row row, tx.QueryOne("SELECT ? + " + std::to_string(i), {i}, "sum"));
      EXPECT_EQ(row.Int(0), 2 * i);
    }
    return Ok();
  }));
}

TEST_P(DatabaseContract, ForEachStreamsTenThousandRowsAndAllowsNestedQueries) {
  constexpr std::int64_t kRows = 10'000;
  ASSERT_OK(Script("CREATE TABLE numbers (n BIGINT NOT NULL)"));
  ASSERT_OK(db_->Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(const std::int64_t inserted,
                     tx.Exec("INSERT INTO numbers (n) WITH RECURSIVE seq(n) AS (SELECT 1 UNION "
                             "ALL SELECT n + 1 FROM seq WHERE n < ?) SELECT n FROM seq",
                             {kRows}));
    EXPECT_EQ(inserted, kRows);
    return Ok();
  }));
  ASSERT_OK(db_->Read([&](Tx& tx) -> Status {
    std::int64_t expected = 1, sum = 0;
    RETURN_IF_ERROR(tx.ForEach("SELECT n FROM numbers WHERE n > ? ORDER BY n", {std::int64_t{0}},
                               [&](const Row& row) -> Status {
                                 EXPECT_EQ(row.Int(0), expected);
                                 ++expected;
                                 sum += row.Int(0);
                                 if (row.Int(0) % 2500 == 0) {
                                   ASSIGN_OR_RETURN(Row c, tx.QueryOne("SELECT COUNT(*) FROM "
                                                                       "numbers",
                                                                       {}, "count"));
                                   EXPECT_EQ(c.Int(0), kRows);
                                 }
                                 return Ok();
                               }));
    EXPECT_EQ(expected, kRows + 1);
    EXPECT_EQ(sum, kRows * (kRows + 1) / 2);

    // A CTE whose columns merely contain a verb's letters ("updated") still streams.
    std::int64_t cte_rows = 0;
    RETURN_IF_ERROR(
        tx.ForEach("WITH updated_rows AS (SELECT n AS updated FROM numbers) "
                   "SELECT updated FROM updated_rows",
                   {}, [&](const Row&) -> Status {
                     ++cte_rows;
                     return Ok();
                   }));
    EXPECT_EQ(cte_rows, kRows);

    int seen = 0;
    const Status stopped = tx.ForEach("SELECT n FROM numbers", {}, [&](const Row&) -> Status {
      return ++seen == 10 ? Fail(Error::Aborted("enough")) : Ok();
    });
    EXPECT_FALSE(stopped);
    EXPECT_EQ(seen, 10);
    ASSIGN_OR_RETURN(Row still, tx.QueryOne("SELECT MAX(n) FROM numbers", {}, "max"));
    EXPECT_EQ(still.Int(0), kRows);
    return Ok();
  }));
}

TEST_P(DatabaseContract, ScanIntsStreamsIntegerColumnsInBlocks) {
  // 10,000 rows: two full blocks and a partial one on each backend.
  constexpr std::int64_t kRows = 10'000;
  ASSERT_OK(Script("CREATE TABLE ledger (id {{id}}, a BIGINT NOT NULL, b BIGINT, t TEXT)"));
  ASSERT_OK(db_->Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(const std::int64_t inserted,
                     tx.Exec("INSERT INTO ledger (a, b, t) WITH RECURSIVE seq(n) AS (SELECT 1 "
                             "UNION ALL SELECT n + 1 FROM seq WHERE n < ?) SELECT n, "
                             "CASE WHEN n % 7 = 0 THEN NULL ELSE -3 * n END, 'x' FROM seq",
                             {kRows}));
    EXPECT_EQ(inserted, kRows);
    ASSIGN_OR_RETURN(const std::int64_t extremes,
                     tx.Exec("INSERT INTO ledger (a, b, t) VALUES (?, ?, '42')",
                             {std::numeric_limits<std::int64_t>::max(),
                              std::numeric_limits<std::int64_t>::min()}));
    EXPECT_EQ(extremes, 1);
    return Ok();
  }));
  ASSERT_OK(db_->Read([&](Tx& tx) -> Status {
    std::int64_t rows = 0, blocks = 0, nested = 0;
    std::vector<std::int64_t> last;
    RETURN_IF_ERROR(tx.ScanInts(
        "SELECT a, b, a - 1, t FROM ledger WHERE a > ? ORDER BY id", {std::int64_t{0}},
        [&](const IntBlock& block) -> Status {
          EXPECT_EQ(block.columns(), 4u);
          EXPECT_GT(block.rows(), 0u);
          EXPECT_LE(block.rows(), Tx::kScanBlockRows);
          ++blocks;
          for (std::size_t r = 0; r < block.rows(); ++r) {
            const std::int64_t n = ++rows;
            if (n > kRows) {
              last = {block.at(r, 0), block.at(r, 1), block.at(r, 3)};
              continue;
            }
            EXPECT_EQ(block.at(r, 0), n);
            EXPECT_EQ(block.at(r, 1), n % 7 == 0 ? 0 : -3 * n) << n;  // NULL reads as 0
            EXPECT_EQ(block.at(r, 2), n - 1);
            EXPECT_EQ(block.at(r, 3), 0);  // text that is no number
          }
          // The callback may use the same Tx, as with ForEach.
          ASSIGN_OR_RETURN(Row c, tx.QueryOne("SELECT COUNT(*) FROM ledger", {}, "count"));
          nested += c.Int(0);
          return Ok();
        }));
    EXPECT_EQ(rows, kRows + 1);
    EXPECT_EQ(blocks, (kRows + 1 + Tx::kScanBlockRows - 1) / Tx::kScanBlockRows);
    EXPECT_EQ(nested, blocks * (kRows + 1));
    EXPECT_EQ(last, (std::vector<std::int64_t>{std::numeric_limits<std::int64_t>::max(),
                                               std::numeric_limits<std::int64_t>::min(), 42}));

    // No rows: the callback is not called; an error from it stops the scan.
    RETURN_IF_ERROR(
        tx.ScanInts("SELECT a FROM ledger WHERE a < 0", {}, [&](const IntBlock&) -> Status {
          ADD_FAILURE() << "called without rows";
          return Ok();
        }));
    int calls = 0;
    const Status stopped = tx.ScanInts("SELECT a FROM ledger", {}, [&](const IntBlock&) -> Status {
      ++calls;
      return Fail(Error::Aborted("enough"));
    });
    EXPECT_FALSE(stopped);
    EXPECT_EQ(calls, 1);
    return Ok();
  }));
  // A bad statement is an error, not an empty scan.
  EXPECT_FALSE(db_->Read([](Tx& tx) {
    return tx.ScanInts("SELECT nope FROM ledger", {},
                       [](const IntBlock&) -> Status { return Ok(); });
  }));
}

TEST_P(DatabaseContract, CustomerNameLikeFindsAnyPartOfTheFoldedName) {
  ASSERT_OK(Migrate(*db_));
  ASSERT_OK(db_->Write([&](Tx& tx) -> Status {
    RETURN_IF_ERROR(InsertCustomer(tx, "杭州丝绸有限公司", "杭州丝绸有限公司"));
    RETURN_IF_ERROR(InsertCustomer(tx, "José Müller", "jose muller"));
    RETURN_IF_ERROR(InsertCustomer(tx, "Acme Textiles", "acme textiles"));
    return Ok();
  }));
  const auto find = [&](const std::string& pattern) {
    std::vector<std::string> names;
    EXPECT_OK(db_->Read([&](Tx& tx) -> Status {
      const std::string sql = "SELECT name FROM customers c WHERE " +
                              tx.dialect().CustomerNameLike("c.id", pattern) + " ORDER BY id";
      ASSIGN_OR_RETURN(Rows rows, tx.Query(sql, {pattern}));
      for (const Row& r : rows) names.push_back(r.Text(0));
      return Ok();
    }));
    return names;
  };
  EXPECT_EQ(find("%丝绸有%"), std::vector<std::string>{"杭州丝绸有限公司"});
  EXPECT_EQ(find("%mull%"), std::vector<std::string>{"José Müller"});
  // Fewer than three characters: trigrams cannot answer, the backend must still find it.
  EXPECT_EQ(find("%杭州%"), std::vector<std::string>{"杭州丝绸有限公司"});
  EXPECT_TRUE(find("%nothing like it%").empty());
}

// PostgreSQL only: the name condition must use the trigram index, not scan.
TEST_P(DatabaseContract, PostgresNameSearchUsesTrigramIndex) {
  if (!IsPostgres()) GTEST_SKIP() << "pg_trgm plan check";
  ASSERT_OK(Migrate(*db_));
  ASSERT_OK(db_->Write([&](Tx& tx) -> Status {
    RETURN_IF_ERROR(
        tx.Exec("INSERT INTO customers (kind, name, name_folded, created_at, "
                "updated_at) WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n "
                "+ 1 FROM seq WHERE n < 5000) SELECT 'person', 'customer ' || n, "
                "'customer ' || n, 0, 0 FROM seq"));
    // Fresh rows sit in the GIN pending list, which makes the index look costly until
    // (auto)vacuum flushes it; flush it as autovacuum would after a bulk load.
    RETURN_IF_ERROR(tx.Query("SELECT gin_clean_pending_list('customers_name_trgm')"));
    return Discard(tx.Exec("ANALYZE customers"));
  }));
  ASSERT_OK(db_->Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Rows plan, tx.Query("EXPLAIN SELECT id FROM customers c WHERE " +
                                             tx.dialect().CustomerNameLike("c.id", "%mer 123%"),
                                         {"%mer 123%"}));
    std::string text;
    for (const Row& r : plan) text += r.Text(0) + "\n";
    EXPECT_NE(text.find("customers_name_trgm"), std::string::npos) << text;
    return Ok();
  }));
}

// PostgreSQL only: a pooled connection killed by the server is replaced transparently.
TEST_P(DatabaseContract, PostgresReconnectsAfterTheServerDropsAConnection) {
  if (!IsPostgres()) GTEST_SKIP() << "needs a server to drop the connection";
  const auto backend_pid = [&]() -> Result<std::int64_t> {
    std::int64_t pid = 0;
    RETURN_IF_ERROR(db_->Read([&](Tx& tx) -> Status {
      ASSIGN_OR_RETURN(Row row, tx.QueryOne("SELECT pg_backend_pid()", {}, "pid"));
      pid = row.Int(0);
      return Ok();
    }));
    return pid;
  };
  ASSERT_OK_AND_ASSIGN(const std::int64_t before, backend_pid());
  ASSERT_OK(ExecPostgresAdmin(scratch_.admin_url(),
                              "SELECT pg_terminate_backend(" + std::to_string(before) + ", 5000)"));
  ASSERT_OK_AND_ASSIGN(const std::int64_t after, backend_pid());
  EXPECT_NE(after, before);
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseContract, ::testing::ValuesIn(testing::TestBackends()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           return param.param;
                         });

TEST(OpenPostgres, UnreachableServerIsUnavailable) {
  const auto db = OpenDatabase("postgresql://postgres@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code(), Code::kUnavailable);
}

TEST(OpenPostgres, MalformedUrlIsInvalidArgument) {
  const auto db = OpenDatabase("postgresql://postgres@127.0.0.1/db?no_such_option=1");
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code(), Code::kInvalidArgument);
}

}  // namespace
}  // namespace chaincrm::store
