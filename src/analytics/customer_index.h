#pragma once
// Dense positions for customer ids: the sorted distinct ids of a ledger (plus optional extra
// ids), so per-customer accumulation is a vector indexed by position instead of a
// std::map node per customer. Dense ids (auto-increment keys, the usual case) are found
// through a direct table; sparse ones by a binary search over the sorted ids.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "analytics/rfm_summary.h"

namespace chaincrm::analytics {

class CustomerIndex {
 public:
  /// The distinct customer ids of the transactions and of `extra_ids`, ascending.
  static CustomerIndex Build(std::span<const Transaction> transactions,
                             std::span<const std::int64_t> extra_ids = {});

  std::size_t size() const { return ids_.size(); }
  std::int64_t id(std::size_t position) const { return ids_[position]; }
  /// Position of a known id (one of those it was built from).
  std::size_t Position(std::int64_t id) const;

 private:
  std::vector<std::int64_t> ids_;
  std::vector<std::uint32_t> table_;  // position of id ids_.front() + k; empty when sparse
};

}  // namespace chaincrm::analytics
