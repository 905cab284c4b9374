#include "store/change_log.h"

#include "store/bulk_insert.h"

namespace chaincrm::store {

namespace {

Value TextOrNull(const std::string& s) { return s.empty() ? Null() : Value(s); }

Params EntryParams(const ChangeEntry& e) {
  return {e.at,
          e.actor,
          e.entity,
          e.entity_id,
          OrNull(e.customer_id),
          e.op,
          TextOrNull(e.before_json),
          TextOrNull(e.after_json),
          TextOrNull(e.request_id)};
}

}  // namespace

Result<std::int64_t> AppendChange(Tx& tx, const ChangeEntry& e) {
  ASSIGN_OR_RETURN(
      Rows rows, tx.Query("INSERT INTO change_log (at, actor, entity, entity_id, customer_id, op, "
                          "before_json, after_json, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                          "RETURNING seq",
                          EntryParams(e)));
  return rows.front().Int(0);
}

Status AppendChanges(Tx& tx, const std::vector<ChangeEntry>& entries) {
  BulkValues rows = BulkInsert("change_log", {"at", "actor", "entity", "entity_id", "customer_id",
                                              "op", "before_json", "after_json", "request_id"});
  for (const auto& e : entries) rows.Add(EntryParams(e));
  return rows.Flush(tx);
}

Result<std::vector<ChangeEntry>> ListChanges(Tx& tx, const ChangeQuery& q) {
  std::string sql =
      "SELECT seq, at, actor, entity, entity_id, customer_id, op, before_json, after_json, "
      "request_id FROM change_log WHERE 1 = 1";
  Params p;
  if (q.customer_id) {
    sql += " AND customer_id = ?";
    p.push_back(*q.customer_id);
  }
  if (q.entity) {
    sql += " AND entity = ?";
    p.push_back(*q.entity);
  }
  if (q.entity_id) {
    sql += " AND entity_id = ?";
    p.push_back(*q.entity_id);
  }
  if (q.actor) {
    // A number names a user id ("7" matches "user:7 name@..."); other text is the label.
    const bool user_id =
        !q.actor->empty() && q.actor->find_first_not_of("0123456789") == std::string::npos;
    sql += user_id ? " AND actor LIKE ?" : " AND actor = ?";
    p.push_back(user_id ? "user:" + *q.actor + " %" : *q.actor);
  }
  if (q.before_seq) {
    sql += " AND seq < ?";
    p.push_back(*q.before_seq);
  }
  sql += " ORDER BY seq DESC LIMIT ?";
  p.push_back(static_cast<std::int64_t>(q.limit));
  std::vector<ChangeEntry> out;
  RETURN_IF_ERROR(tx.ForEach(sql, p, [&](const Row& r) -> Status {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Int(4), r.OptInt(5), r.Text(6),
                   r.Text(7), r.Text(8), r.Text(9)});
    return Ok();
  }));
  return out;
}

}  // namespace chaincrm::store
