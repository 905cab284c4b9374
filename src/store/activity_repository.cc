#include "store/activity_repository.h"

#include <boost/json.hpp>
#include <map>
#include <set>
#include <unordered_map>

#include "core/text.h"
#include "store/bulk_insert.h"

namespace chaincrm::store {

using domain::Contact;
using domain::Interaction;
using domain::Purchase;

namespace {

constexpr std::string_view kContactColumns =
    "id, customer_id, name, title, email, phone, is_primary, notes, version, created_at, "
    "updated_at";

Contact ContactFromRow(const Row& r) {
  Contact c;
  c.id = r.Int(0);
  c.customer_id = r.Int(1);
  c.name = r.Text(2);
  c.title = r.OptText(3);
  c.email = r.OptText(4);
  c.phone = r.OptText(5);
  c.is_primary = r.Int(6) != 0;
  c.notes = r.OptText(7);
  c.version = r.Int(8);
  c.created_at = r.Int(9);
  c.updated_at = r.Int(10);
  return c;
}

Params ContactParams(const Contact& c) {
  const std::string phone = c.phone ? NormalizePhone(*c.phone) : "";
  return {c.name,
          OrNull(c.title),
          OrNull(c.email),
          c.email ? Value(NormalizeEmail(*c.email)) : Null(),
          OrNull(c.phone),
          phone.empty() ? Null() : Value(phone),
          phone.empty() ? Null() : Value(ReversedDigits(phone)),
          static_cast<std::int64_t>(c.is_primary),
          OrNull(c.notes)};
}

void AddPage(std::string& sql, Params& p, const ActivityPage& page, const char* time_col) {
  if (page.customer_id) {
    sql += " AND customer_id = ?";
    p.push_back(*page.customer_id);
  }
  if (page.before) {
    sql += std::string(" AND (") + time_col + " < ? OR (" + time_col + " = ? AND id < ?))";
    p.push_back(page.before->first);
    p.push_back(page.before->first);
    p.push_back(page.before->second);
  }
  sql += std::string(" ORDER BY ") + time_col + " DESC, id DESC LIMIT ?";
  p.push_back(static_cast<std::int64_t>(page.limit));
}

}  // namespace

Status InsertContact(Tx& tx, Contact& c) {
  Params p = ContactParams(c);
  p.insert(p.begin(), c.customer_id);
  p.push_back(c.created_at);
  p.push_back(c.updated_at);
  ASSIGN_OR_RETURN(
      Rows rows,
      tx.Query("INSERT INTO contacts (customer_id, name, title, email, email_norm, phone, "
               "phone_norm, phone_reversed, is_primary, notes, version, created_at, "
               "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
               p));
  c.id = rows.front().Int(0);
  c.version = 1;
  return Ok();
}

Status UpdateContact(Tx& tx, Contact& c, std::int64_t expected_version) {
  Params p = ContactParams(c);
  p.push_back(c.updated_at);
  p.push_back(c.id);
  p.push_back(expected_version);
  ASSIGN_OR_RETURN(
      std::int64_t n,
      tx.Exec("UPDATE contacts SET name = ?, title = ?, email = ?, email_norm = ?, "
              "phone = ?, phone_norm = ?, phone_reversed = ?, is_primary = ?, notes = ?, "
              "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
              p));
  if (n == 0) return Fail(Error::Aborted("the contact was changed by someone else"));
  c.version = expected_version + 1;
  return Ok();
}

Status ArchiveContact(Tx& tx, std::int64_t id, Millis now) {
  ASSIGN_OR_RETURN(
      std::int64_t n,
      tx.Exec("UPDATE contacts SET archived_at = ?, version = version + 1 WHERE id = ? "
              "AND archived_at IS NULL",
              {now, id}));
  if (n == 0) return Fail(Error::NotFound("contact not found"));
  return Ok();
}

Result<Contact> LoadContact(Tx& tx, std::int64_t id) {
  ASSIGN_OR_RETURN(Row r, tx.QueryOne("SELECT " + std::string(kContactColumns) +
                                          " FROM contacts WHERE id = ? AND archived_at IS NULL",
                                      {id}, "contact"));
  return ContactFromRow(r);
}

Result<std::vector<Contact>> ListContacts(Tx& tx, std::int64_t customer_id) {
  std::vector<Contact> out;
  RETURN_IF_ERROR(tx.ForEach("SELECT " + std::string(kContactColumns) +
                                 " FROM contacts WHERE customer_id = ? AND archived_at IS NULL "
                                 "ORDER BY is_primary DESC, id",
                             {customer_id}, [&](const Row& r) -> Status {
                               out.push_back(ContactFromRow(r));
                               return Ok();
                             }));
  return out;
}

Status InsertInteraction(Tx& tx, Interaction& i) {
  boost::json::array links;
  for (const auto& l : i.links) links.push_back({{"entity", l.entity}, {"id", l.id}});
  ASSIGN_OR_RETURN(
      Rows rows,
      tx.Query("INSERT INTO interactions (customer_id, contact_id, type, direction, channel, "
               "occurred_at, subject, body, links, created_by, created_at) VALUES "
               "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
               {i.customer_id, OrNull(i.contact_id), i.type, i.direction, i.channel, i.occurred_at,
                OrNull(i.subject), OrNull(i.body),
                links.empty() ? Null() : Value(boost::json::serialize(links)), OrNull(i.created_by),
                i.created_at}));
  i.id = rows.front().Int(0);
  return Ok();
}

Result<std::vector<Interaction>> ListInteractions(Tx& tx, const ActivityPage& page) {
  std::string sql =
      "SELECT id, customer_id, contact_id, type, direction, channel, occurred_at, subject, body, "
      "links, created_by, created_at FROM interactions WHERE 1 = 1";
  Params p;
  AddPage(sql, p, page, "occurred_at");
  std::vector<Interaction> out;
  RETURN_IF_ERROR(tx.ForEach(sql, p, [&](const Row& r) -> Status {
    Interaction i;
    i.id = r.Int(0);
    i.customer_id = r.Int(1);
    i.contact_id = r.OptInt(2);
    i.type = r.Text(3);
    i.direction = r.Text(4);
    i.channel = r.Text(5);
    i.occurred_at = r.Int(6);
    i.subject = r.OptText(7);
    i.body = r.OptText(8);
    boost::system::error_code ec;
    auto links = boost::json::parse(r.Text(9), ec);
    if (!ec && links.is_array()) {
      for (const auto& l : links.as_array()) {
        if (!l.is_object()) continue;
        const auto& o = l.as_object();
        const auto* e = o.if_contains("entity");
        const auto* id = o.if_contains("id");
        if (e && e->is_string() && id && id->is_int64()) {
          i.links.push_back({std::string(e->as_string()), id->as_int64()});
        }
      }
    }
    i.created_by = r.OptInt(10);
    i.created_at = r.Int(11);
    out.push_back(std::move(i));
    return Ok();
  }));
  return out;
}

Result<std::optional<std::string>> LedgerCurrency(Tx& tx) {
  ASSIGN_OR_RETURN(Rows rows,
                   tx.Query("SELECT value FROM settings WHERE name = 'ledger_currency'"));
  if (rows.empty()) return std::optional<std::string>{};
  return std::optional<std::string>(rows.front().Text(0));
}

Result<bool> InsertPurchase(Tx& tx, Purchase& p) {
  if (p.source_key) {
    ASSIGN_OR_RETURN(Rows dup,
                     tx.Query("SELECT id FROM purchases WHERE source_key = ?", {*p.source_key}));
    if (!dup.empty()) {
      p.id = dup.front().Int(0);
      return false;
    }
  }
  // A purchase on a day the customer already bought on is not a new transaction day.
  const Millis day =
      p.occurred_at - ((p.occurred_at % kMillisPerDay) + kMillisPerDay) % kMillisPerDay;
  ASSIGN_OR_RETURN(
      Rows same_day,
      tx.Query("SELECT COUNT(*) FROM purchases WHERE customer_id = ? AND occurred_at >= ? "
               "AND occurred_at < ?",
               {p.customer_id, day, day + kMillisPerDay}));
  const std::int64_t new_day = same_day.front().Int(0) == 0 ? 1 : 0;
  ASSIGN_OR_RETURN(
      Rows rows,
      tx.Query(
          "INSERT INTO purchases (customer_id, occurred_at, sku, product, quantity, "
          "revenue, cost, currency, order_ref, source_key, created_at) VALUES "
          "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {p.customer_id, p.occurred_at, OrNull(p.sku), OrNull(p.product), p.quantity, p.revenue,
           p.cost, p.currency, OrNull(p.order_ref), OrNull(p.source_key), p.created_at}));
  p.id = rows.front().Int(0);
  ASSIGN_OR_RETURN(
      std::int64_t n,
      tx.Exec("UPDATE customers SET purchase_count = purchase_count + 1, "
              "purchase_days = purchase_days + ?, revenue_total = revenue_total + ?, "
              "cost_total = cost_total + ?, "
              "first_purchase_at = CASE WHEN first_purchase_at IS NULL OR first_purchase_at > ? "
              "THEN ? ELSE first_purchase_at END, "
              "last_purchase_at = CASE WHEN last_purchase_at IS NULL OR last_purchase_at < ? "
              "THEN ? ELSE last_purchase_at END WHERE id = ?",
              {new_day, p.revenue, p.cost, p.occurred_at, p.occurred_at, p.occurred_at,
               p.occurred_at, p.customer_id}));
  if (n == 0)
    return Fail(
        Error::InvalidArgument("customer " + std::to_string(p.customer_id) + " does not exist",
                               {{"customer_id", "does not exist"}}));
  return true;
}

Result<std::vector<bool>> InsertPurchases(Tx& tx, std::vector<Purchase>& ps) {
  std::vector<bool> posted(ps.size(), true);
  // Source keys posted before, then the first of each key in `ps` wins.
  std::unordered_map<std::string, std::int64_t> posted_keys;
  BulkValues known("SELECT source_key, id FROM purchases WHERE source_key IN (", "?", ")", 1);
  for (const auto& p : ps)
    if (p.source_key) known.Add({*p.source_key});
  RETURN_IF_ERROR(known.Flush(tx, [&](const Row& r) { posted_keys[r.Text(0)] = r.Int(1); }));
  std::vector<std::size_t> fresh;
  std::unordered_map<std::string, std::size_t> first_of_key;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    if (ps[i].source_key) {
      if (auto it = posted_keys.find(*ps[i].source_key); it != posted_keys.end()) {
        ps[i].id = it->second;
        posted[i] = false;
        continue;
      }
      if (!first_of_key.emplace(*ps[i].source_key, i).second) {
        posted[i] = false;  // its id is the first one's, set below
        continue;
      }
    }
    fresh.push_back(i);
  }
  ASSIGN_OR_RETURN(const auto ids, tx.dialect().ReserveIds(tx, "purchases", fresh.size()));
  for (std::size_t k = 0; k < fresh.size(); ++k) ps[fresh[k]].id = ids[k];
  for (std::size_t i = 0; i < ps.size(); ++i)
    if (!posted[i] && ps[i].source_key && first_of_key.count(*ps[i].source_key))
      ps[i].id = ps[first_of_key[*ps[i].source_key]].id;

  // A purchase on a day its customer already bought on (before, or earlier in `ps`) is
  // not a new transaction day.
  auto day_of = [](Millis t) { return t - ((t % kMillisPerDay) + kMillisPerDay) % kMillisPerDay; };
  std::set<std::pair<std::int64_t, Millis>> days;
  BulkValues probe("WITH v(c, d) AS (VALUES ", "(CAST(? AS BIGINT), CAST(? AS BIGINT))",
                   ") SELECT c, d FROM v WHERE EXISTS (SELECT 1 FROM purchases p WHERE "
                   "p.customer_id = v.c AND p.occurred_at >= v.d AND p.occurred_at < v.d + " +
                       std::to_string(kMillisPerDay) + ")",
                   2);
  for (const std::size_t i : fresh)
    if (days.emplace(ps[i].customer_id, day_of(ps[i].occurred_at)).second)
      probe.Add({ps[i].customer_id, day_of(ps[i].occurred_at)});
  std::set<std::pair<std::int64_t, Millis>> old_days;
  RETURN_IF_ERROR(probe.Flush(tx, [&](const Row& r) { old_days.emplace(r.Int(0), r.Int(1)); }));

  struct Totals {
    std::int64_t n = 0, days = 0, revenue = 0, cost = 0;
    Millis first = 0, last = 0;
  };
  std::map<std::int64_t, Totals> totals;
  BulkValues rows = BulkInsert(
      "purchases", {"id", "customer_id", "occurred_at", "sku", "product", "quantity", "revenue",
                    "cost", "currency", "order_ref", "source_key", "created_at"});
  days.clear();
  for (const std::size_t i : fresh) {
    const Purchase& p = ps[i];
    rows.Add({p.id, p.customer_id, p.occurred_at, OrNull(p.sku), OrNull(p.product), p.quantity,
              p.revenue, p.cost, p.currency, OrNull(p.order_ref), OrNull(p.source_key),
              p.created_at});
    const std::pair<std::int64_t, Millis> day{p.customer_id, day_of(p.occurred_at)};
    Totals& t = totals[p.customer_id];
    if (t.n == 0) t.first = t.last = p.occurred_at;
    ++t.n;
    t.days += !old_days.count(day) && days.insert(day).second ? 1 : 0;
    t.revenue += p.revenue;
    t.cost += p.cost;
    t.first = std::min(t.first, p.occurred_at);
    t.last = std::max(t.last, p.occurred_at);
  }
  RETURN_IF_ERROR(rows.Flush(tx));

  BulkValues update(
      "WITH v(id, n, days, revenue, cost, first_at, last_at) AS (VALUES ",
      "(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), "
      "CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))",
      ") UPDATE customers SET purchase_count = purchase_count + v.n, "
      "purchase_days = purchase_days + v.days, revenue_total = revenue_total + v.revenue, "
      "cost_total = cost_total + v.cost, "
      "first_purchase_at = CASE WHEN first_purchase_at IS NULL OR first_purchase_at > v.first_at "
      "THEN v.first_at ELSE first_purchase_at END, "
      "last_purchase_at = CASE WHEN last_purchase_at IS NULL OR last_purchase_at < v.last_at "
      "THEN v.last_at ELSE last_purchase_at END FROM v WHERE customers.id = v.id",
      7);
  for (const auto& [id, t] : totals)
    update.Add({id, t.n, t.days, t.revenue, t.cost, t.first, t.last});
  RETURN_IF_ERROR(update.Flush(tx));
  return posted;
}

Result<std::vector<Purchase>> ListPurchases(Tx& tx, const ActivityPage& page) {
  std::string sql =
      "SELECT id, customer_id, occurred_at, sku, product, quantity, revenue, cost, currency, "
      "order_ref, source_key, created_at FROM purchases WHERE 1 = 1";
  Params p;
  AddPage(sql, p, page, "occurred_at");
  std::vector<Purchase> out;
  RETURN_IF_ERROR(tx.ForEach(sql, p, [&](const Row& r) -> Status {
    Purchase x;
    x.id = r.Int(0);
    x.customer_id = r.Int(1);
    x.occurred_at = r.Int(2);
    x.sku = r.OptText(3);
    x.product = r.OptText(4);
    x.quantity = r.Real(5);
    x.revenue = r.Int(6);
    x.cost = r.Int(7);
    x.currency = r.Text(8);
    x.order_ref = r.OptText(9);
    x.source_key = r.OptText(10);
    x.created_at = r.Int(11);
    out.push_back(std::move(x));
    return Ok();
  }));
  return out;
}

}  // namespace chaincrm::store
