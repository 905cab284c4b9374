#include "analytics/customer_index.h"

#include <algorithm>
#include <limits>

namespace chaincrm::analytics {

CustomerIndex CustomerIndex::Build(std::span<const Transaction> transactions,
                                   std::span<const std::int64_t> extra_ids) {
  CustomerIndex index;
  index.ids_.reserve(extra_ids.size() + transactions.size() / 4 + 1);
  index.ids_.assign(extra_ids.begin(), extra_ids.end());
  std::int64_t previous = 0;
  bool first = true;
  for (const Transaction& t : transactions) {
    // Ledgers come grouped by customer more often than not: skip runs of the same id.
    if (first || t.customer_id != previous) index.ids_.push_back(t.customer_id);
    previous = t.customer_id;
    first = false;
  }
  std::sort(index.ids_.begin(), index.ids_.end());
  index.ids_.erase(std::unique(index.ids_.begin(), index.ids_.end()), index.ids_.end());
  const auto& ids = index.ids_;
  if (ids.empty() || ids.size() > std::numeric_limits<std::uint32_t>::max()) return index;
  // A table of at most 4 entries per id (plus some slack) replaces the binary search.
  const std::uint64_t span =
      static_cast<std::uint64_t>(ids.back()) - static_cast<std::uint64_t>(ids.front());
  if (span < 4 * static_cast<std::uint64_t>(ids.size()) + 1024) {
    index.table_.assign(static_cast<std::size_t>(span) + 1, 0);
    for (std::size_t i = 0; i < ids.size(); ++i)
      index.table_[static_cast<std::size_t>(static_cast<std::uint64_t>(ids[i]) -
                                            static_cast<std::uint64_t>(ids.front()))] =
          static_cast<std::uint32_t>(i);
  }
  return index;
}

std::size_t CustomerIndex::Position(std::int64_t id) const {
  if (!table_.empty() && id >= ids_.front() && id <= ids_.back())
    return table_[static_cast<std::size_t>(static_cast<std::uint64_t>(id) -
                                           static_cast<std::uint64_t>(ids_.front()))];
  return static_cast<std::size_t>(std::lower_bound(ids_.begin(), ids_.end(), id) - ids_.begin());
}

}  // namespace chaincrm::analytics
