#include "store/case_repository.h"

#include <cstdio>

namespace chaincrm::store {

using domain::Case;
using domain::CaseNote;

namespace {

constexpr std::string_view kColumns =
    "id, number, customer_id, contact_id, subject, description, category, channel, priority, "
    "status, owner_id, queue, order_id, order_line_id, serial, purchase_id, interaction_id, "
    "first_response_at, resolved_at, resolved_by, closed_at, reopen_count, version, created_by, "
    "created_at, updated_at";

Case FromRow(const Row& r) {
  Case c;
  c.id = r.Int(0);
  c.number = r.Text(1);
  c.customer_id = r.Int(2);
  c.contact_id = r.OptInt(3);
  c.subject = r.Text(4);
  c.description = r.OptText(5);
  c.category = r.Text(6);
  c.channel = r.Text(7);
  c.priority = r.Text(8);
  c.status = r.Text(9);
  c.owner_id = r.OptInt(10);
  c.queue = r.OptText(11);
  c.order_id = r.OptInt(12);
  c.order_line_id = r.OptInt(13);
  c.serial = r.OptText(14);
  c.purchase_id = r.OptInt(15);
  c.interaction_id = r.OptInt(16);
  c.first_response_at = r.OptInt(17);
  c.resolved_at = r.OptInt(18);
  c.resolved_by = r.OptInt(19);
  c.closed_at = r.OptInt(20);
  c.reopen_count = r.Int(21);
  c.version = r.Int(22);
  c.created_by = r.OptInt(23);
  c.created_at = r.Int(24);
  c.updated_at = r.Int(25);
  return c;
}

// The mutable columns, in the order of kSetColumns.
Params MutableParams(const Case& c) {
  return {OrNull(c.contact_id),
          c.subject,
          OrNull(c.description),
          c.category,
          c.channel,
          c.priority,
          c.status,
          OrNull(c.owner_id),
          OrNull(c.queue),
          OrNull(c.order_id),
          OrNull(c.order_line_id),
          OrNull(c.serial),
          OrNull(c.purchase_id),
          OrNull(c.interaction_id),
          OrNull(c.first_response_at),
          OrNull(c.resolved_at),
          OrNull(c.resolved_by),
          OrNull(c.closed_at),
          c.reopen_count,
          c.updated_at};
}

constexpr std::string_view kSetColumns =
    "contact_id = ?, subject = ?, description = ?, category = ?, channel = ?, priority = ?, "
    "status = ?, owner_id = ?, queue = ?, order_id = ?, order_line_id = ?, serial = ?, "
    "purchase_id = ?, interaction_id = ?, first_response_at = ?, resolved_at = ?, "
    "resolved_by = ?, closed_at = ?, reopen_count = ?, updated_at = ?";

std::string CaseNumber(std::int64_t id) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "CS-%06lld", static_cast<long long>(id));
  return buf;
}

}  // namespace

Status InsertCase(Tx& tx, Case& c) {
  ASSIGN_OR_RETURN(
      Rows rows,
      tx.Query("INSERT INTO cases (customer_id, subject, category, channel, priority, status, "
               "version, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, "
               "?) RETURNING id",
               {c.customer_id, c.subject, c.category, c.channel, c.priority, c.status,
                OrNull(c.created_by), c.created_at, c.updated_at}));
  c.id = rows.front().Int(0);
  c.number = CaseNumber(c.id);
  c.version = 1;
  Params p = MutableParams(c);
  p.push_back(c.number);
  p.push_back(c.id);
  ASSIGN_OR_RETURN(
      std::int64_t n,
      tx.Exec("UPDATE cases SET " + std::string(kSetColumns) + ", number = ? WHERE id = ?", p));
  (void)n;
  return Ok();
}

Status UpdateCase(Tx& tx, Case& c, std::int64_t expected_version) {
  Params p = MutableParams(c);
  p.push_back(c.id);
  p.push_back(expected_version);
  ASSIGN_OR_RETURN(std::int64_t n,
                   tx.Exec("UPDATE cases SET " + std::string(kSetColumns) +
                               ", version = version + 1 WHERE id = ? AND version = ?",
                           p));
  if (n == 0) return Fail(Error::Aborted("the case was changed by someone else"));
  c.version = expected_version + 1;
  return Ok();
}

Result<Case> LoadCase(Tx& tx, std::int64_t id) {
  ASSIGN_OR_RETURN(auto rows,
                   tx.Query("SELECT " + std::string(kColumns) + " FROM cases WHERE id = ?", {id}));
  if (rows.empty()) return Fail(Error::NotFound("case " + std::to_string(id) + " not found"));
  return FromRow(rows.front());
}

Result<std::optional<Case>> FindCaseByNumber(Tx& tx, const std::string& number) {
  std::string upper = number;
  for (char& ch : upper)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  ASSIGN_OR_RETURN(
      auto rows,
      tx.Query("SELECT " + std::string(kColumns) + " FROM cases WHERE number = ?", {upper}));
  if (rows.empty()) return std::optional<Case>{};
  return std::optional<Case>(FromRow(rows.front()));
}

Result<std::vector<Case>> ListCases(Tx& tx, const CaseFilter& f) {
  std::string sql = "SELECT " + std::string(kColumns) + " FROM cases WHERE 1 = 1";
  Params p;
  const auto eq = [&](const char* col, const auto& v) {
    if (!v) return;
    sql += std::string(" AND ") + col + " = ?";
    p.push_back(*v);
  };
  eq("status", f.status);
  eq("queue", f.queue);
  eq("category", f.category);
  eq("priority", f.priority);
  eq("owner_id", f.owner_id);
  eq("customer_id", f.customer_id);
  if (f.open_only) sql += " AND status NOT IN ('resolved', 'closed')";
  if (f.before) {
    sql += " AND (created_at < ? OR (created_at = ? AND id < ?))";
    p.push_back(f.before->first);
    p.push_back(f.before->first);
    p.push_back(f.before->second);
  }
  sql += " ORDER BY created_at DESC, id DESC LIMIT ?";
  p.push_back(static_cast<std::int64_t>(f.limit));
  std::vector<Case> out;
  RETURN_IF_ERROR(tx.ForEach(sql, p, [&](const Row& r) -> Status {
    out.push_back(FromRow(r));
    return Ok();
  }));
  return out;
}

Status InsertCaseNote(Tx& tx, CaseNote& n) {
  ASSIGN_OR_RETURN(
      Rows rows,
      tx.Query("INSERT INTO case_notes (case_id, visibility, author_kind, author_user_id, "
               "author_label, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
               {n.case_id, n.visibility, n.author_kind, OrNull(n.author_user_id), n.author_label,
                n.body, n.created_at}));
  n.id = rows.front().Int(0);
  return Ok();
}

Result<std::vector<CaseNote>> ListCaseNotes(Tx& tx, std::int64_t case_id, bool include_internal) {
  std::string sql =
      "SELECT id, case_id, visibility, author_kind, author_user_id, author_label, body, "
      "created_at FROM case_notes WHERE case_id = ?";
  if (!include_internal) sql += " AND visibility = 'customer'";
  sql += " ORDER BY created_at, id";
  std::vector<CaseNote> out;
  RETURN_IF_ERROR(tx.ForEach(sql, {case_id}, [&](const Row& r) -> Status {
    out.push_back(
        {r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.OptInt(4), r.Text(5), r.Text(6), r.Int(7)});
    return Ok();
  }));
  return out;
}

}  // namespace chaincrm::store
