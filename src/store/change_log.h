#pragma once
// The change log: every mutation appends one row in the same transaction. The audit
// list, a customer's history, webhooks and incremental backups all read it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "store/database.h"

namespace chaincrm::store {

struct ChangeEntry {
  std::int64_t seq = 0;  // monotonically increasing, assigned by the database
  Millis at = 0;
  std::string actor;  // "user:12 admin@x", "system", "cli"
  std::string entity;
  std::int64_t entity_id = 0;
  std::optional<std::int64_t> customer_id;
  std::string op;           // create | update | archive | restore | delete | ...
  std::string before_json;  // "" when there was nothing before
  std::string after_json;
  std::string request_id;
};

/// Appends `e`; returns its sequence number.
Result<std::int64_t> AppendChange(Tx& tx, const ChangeEntry& e);
/// Appends many entries with multi-row statements (imports), in order.
Status AppendChanges(Tx& tx, const std::vector<ChangeEntry>& entries);

struct ChangeQuery {
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> entity;
  std::optional<std::int64_t> entity_id;
  std::optional<std::string> actor;        // a user id ("7") or the exact actor label
  std::optional<std::int64_t> before_seq;  // cursor: entries with seq < this
  int limit = 50;
};

/// Entries newest first.
Result<std::vector<ChangeEntry>> ListChanges(Tx& tx, const ChangeQuery& q);

}  // namespace chaincrm::store
