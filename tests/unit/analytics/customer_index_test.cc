#include "analytics/customer_index.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <vector>

namespace chaincrm::analytics {
namespace {

Transaction Tx(std::int64_t customer) {
  Transaction t;
  t.customer_id = customer;
  return t;
}

// Every id maps to its rank among the distinct ids, whichever lookup the index chose.
void ExpectPositions(const CustomerIndex& index, const std::vector<std::int64_t>& sorted_ids) {
  ASSERT_EQ(index.size(), sorted_ids.size());
  for (std::size_t i = 0; i < sorted_ids.size(); ++i) {
    EXPECT_EQ(index.id(i), sorted_ids[i]);
    EXPECT_EQ(index.Position(sorted_ids[i]), i) << sorted_ids[i];
  }
}

TEST(CustomerIndex, DenseIdsFromLedgerAndExtraIds) {
  // Ungrouped ledger with repeats, plus extra ids without purchases; dense enough for the
  // direct table, with gaps.
  std::vector<Transaction> ledger;
  for (std::int64_t id : {107, 103, 103, 110, 107, 101}) ledger.push_back(Tx(id));
  const std::vector<std::int64_t> extra = {105, 101, 120};
  ExpectPositions(CustomerIndex::Build(ledger, extra), {101, 103, 105, 107, 110, 120});
}

TEST(CustomerIndex, SparseAndNegativeIdsUseTheSortedIds) {
  std::vector<Transaction> ledger;
  const std::vector<std::int64_t> ids = {std::numeric_limits<std::int64_t>::min(), -5, 0,
                                         1'000'000'000'000,
                                         std::numeric_limits<std::int64_t>::max()};
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) ledger.push_back(Tx(*it));
  ExpectPositions(CustomerIndex::Build(ledger), ids);
}

TEST(CustomerIndex, ManyDenseIds) {
  std::vector<Transaction> ledger;
  std::vector<std::int64_t> ids;
  for (std::int64_t id = 5000; id > 0; id -= 3) ledger.push_back(Tx(id));
  for (std::int64_t id = 2; id <= 5000; id += 3) ids.push_back(id);
  ExpectPositions(CustomerIndex::Build(ledger), ids);
}

TEST(CustomerIndex, Empty) { EXPECT_EQ(CustomerIndex::Build({}).size(), 0u); }

}  // namespace
}  // namespace chaincrm::analytics
