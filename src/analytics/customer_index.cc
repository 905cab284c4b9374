#include "analytics/customer_index.h"

#include <algorithm>

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
  return index;
}

std::size_t CustomerIndex::Position(std::int64_t id) const {
  return static_cast<std::size_t>(std::lower_bound(ids_.begin(), ids_.end(), id) - ids_.begin());
}

}  // namespace chaincrm::analytics
