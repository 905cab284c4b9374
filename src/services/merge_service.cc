#include "services/merge_service.h"

#include <algorithm>
#include <set>

#include "core/text.h"
#include "services/customer_json.h"
#include "services/customer_service.h"
#include "services/json_util.h"
#include "services/organise_common.h"
#include "store/customer_links.h"
#include "store/customer_repository.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::Resource;
using store::Tx;

namespace {

constexpr std::size_t kMaxMerge = 50;
constexpr std::size_t kChunk = 400;

std::string InList(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s;
}

std::string AddressKey(const domain::Address& a) {
  return FoldForSearch(a.line1 + "|" + a.line2 + "|" + a.city + "|" + a.region + "|" +
                       a.postal_code + "|" + a.country);
}

// Keys of what a customer record holds, by list.
struct Keys {
  std::set<std::string> emails, phones, addresses, external_ids, serials, tags, custom;
};

Keys KeysOf(const domain::Customer& c) {
  Keys k;
  for (const auto& e : c.emails) k.emails.insert(NormalizeEmail(e.address));
  for (const auto& p : c.phones) k.phones.insert(NormalizePhone(p.number));
  for (const auto& a : c.addresses) k.addresses.insert(AddressKey(a));
  for (const auto& x : c.external_ids) k.external_ids.insert(x.system + "|" + x.value);
  for (const auto& s : c.serials) k.serials.insert(s.serial);
  for (const auto& t : c.tags) k.tags.insert(t);
  for (const auto& [key, v] : c.custom)
    if (!std::holds_alternative<std::monostate>(v)) k.custom.insert(key);
  return k;
}

json::array SetJson(const std::set<std::string>& s) {
  json::array a;
  for (const auto& x : s) a.push_back(json::string(x));
  return a;
}

std::set<std::string> SetFrom(const json::value* v) {
  std::set<std::string> out;
  if (v && v->is_array())
    for (const auto& x : v->as_array())
      if (x.is_string()) out.insert(std::string(x.as_string()));
  return out;
}

// Adds to `s` what `m` has and `s` lacks; records the added keys.
void Absorb(domain::Customer& s, const domain::Customer& m, Keys& have, Keys& added) {
  for (const auto& e : m.emails)
    if (have.emails.insert(NormalizeEmail(e.address)).second) {
      s.emails.push_back({e.address, e.label, false});
      added.emails.insert(NormalizeEmail(e.address));
    }
  for (const auto& p : m.phones)
    if (have.phones.insert(NormalizePhone(p.number)).second) {
      s.phones.push_back(p);
      added.phones.insert(NormalizePhone(p.number));
    }
  for (const auto& a : m.addresses)
    if (have.addresses.insert(AddressKey(a)).second) {
      s.addresses.push_back(a);
      added.addresses.insert(AddressKey(a));
    }
  for (const auto& x : m.external_ids)
    if (have.external_ids.insert(x.system + "|" + x.value).second) {
      s.external_ids.push_back(x);
      added.external_ids.insert(x.system + "|" + x.value);
    }
  for (const auto& x : m.serials)
    if (have.serials.insert(x.serial).second) {
      s.serials.push_back(x);
      added.serials.insert(x.serial);
    }
  for (const auto& t : m.tags)
    if (have.tags.insert(t).second) {
      s.tags.push_back(t);
      added.tags.insert(t);
    }
  for (const auto& [key, v] : m.custom) {
    if (std::holds_alternative<std::monostate>(v)) continue;
    if (have.custom.insert(key).second) {
      s.custom[key] = v;
      added.custom.insert(key);
    }
  }
}

// Removes from `s` what a merge added (by key), keeping anything added since.
void Shed(domain::Customer& s, const json::object& added) {
  const auto emails = SetFrom(added.if_contains("emails"));
  const auto phones = SetFrom(added.if_contains("phones"));
  const auto addresses = SetFrom(added.if_contains("addresses"));
  const auto external = SetFrom(added.if_contains("external_ids"));
  const auto serials = SetFrom(added.if_contains("serials"));
  const auto tags = SetFrom(added.if_contains("tags"));
  const auto custom = SetFrom(added.if_contains("custom"));
  std::erase_if(s.emails, [&](const auto& e) { return emails.count(NormalizeEmail(e.address)); });
  std::erase_if(s.phones, [&](const auto& p) { return phones.count(NormalizePhone(p.number)); });
  std::erase_if(s.addresses, [&](const auto& a) { return addresses.count(AddressKey(a)); });
  std::erase_if(s.external_ids,
                [&](const auto& x) { return external.count(x.system + "|" + x.value); });
  std::erase_if(s.serials, [&](const auto& x) { return serials.count(x.serial); });
  std::erase_if(s.tags, [&](const auto& t) { return tags.count(t); });
  for (const auto& k : custom) s.custom.erase(k);
}

json::object KeysJson(const Keys& k) {
  return json::object{
      {"emails", SetJson(k.emails)},       {"phones", SetJson(k.phones)},
      {"addresses", SetJson(k.addresses)}, {"external_ids", SetJson(k.external_ids)},
      {"serials", SetJson(k.serials)},     {"tags", SetJson(k.tags)},
      {"custom", SetJson(k.custom)}};
}

// The id column of a moved table ("id", or "seq" for logs), and whether the survivor
// itself must be left out (a customer cannot become its own parent).
std::string IdColumn(const store::CustomerLink& l) {
  return l.table == "change_log" ? "seq" : "id";
}

Status MoveRows(Tx& tx, const store::CustomerLink& l, std::int64_t from, std::int64_t to,
                json::array& ids_out) {
  const std::string id = IdColumn(l);
  const std::string self = l.table == "customers" ? " AND id <> ?" : "";
  store::Params p{from};
  if (!self.empty()) p.push_back(to);
  ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT " + id + " FROM " + std::string(l.table) +
                                           " WHERE " + std::string(l.column) + " = ?" + self,
                                       p));
  for (const auto& r : rows) ids_out.push_back(r.Int(0));
  store::Params u{to, from};
  if (!self.empty()) u.push_back(to);
  RETURN_IF_ERROR(tx.Exec("UPDATE " + std::string(l.table) + " SET " + std::string(l.column) +
                              " = ? WHERE " + std::string(l.column) + " = ?" + self,
                          u));
  return Ok();
}

Status MoveBack(Tx& tx, const store::CustomerLink& l, const json::array& ids, std::int64_t from,
                std::int64_t to) {
  std::vector<std::int64_t> list;
  for (const auto& v : ids)
    if (v.is_int64()) list.push_back(v.as_int64());
  for (std::size_t i = 0; i < list.size(); i += kChunk) {
    const std::size_t n = std::min(kChunk, list.size() - i);
    store::Params p{to, from};
    p.insert(p.end(), list.begin() + static_cast<std::ptrdiff_t>(i),
             list.begin() + static_cast<std::ptrdiff_t>(i + n));
    RETURN_IF_ERROR(tx.Exec("UPDATE " + std::string(l.table) + " SET " + std::string(l.column) +
                                " = ? WHERE " + std::string(l.column) + " = ? AND " + IdColumn(l) +
                                " IN (" + InList(n) + ")",
                            p));
  }
  return Ok();
}

Status RequireAdmin(const Actor& actor) {
  if (actor.role != domain::Role::kAdmin)
    return Fail(Error::PermissionDenied("only an admin may undo a merge"));
  return Ok();
}

json::object MergeRowJson(const store::Row& r) {
  boost::system::error_code ec;
  json::value ids = json::parse(r.Text(2), ec);
  if (ec) ids = json::array();
  return json::object{
      {"id", r.Int(0)},
      {"survivor_id", r.Int(1)},
      {"merged_ids", ids},
      {"actor", r.Text(3)},
      {"created_at", FormatTime(r.Int(4))},
      {"undone_at", r.IsNull(5) ? json::value(nullptr) : json::value(FormatTime(r.Int(5)))},
      {"undone_by", OptJson(r.OptText(6))}};
}

}  // namespace

Status RecomputeAggregates(Tx& tx, std::int64_t customer_id) {
  const std::string day = "(occurred_at - ((occurred_at % 86400000) + 86400000) % 86400000)";
  ASSIGN_OR_RETURN(
      auto rows,
      tx.Query("SELECT MIN(occurred_at), MAX(occurred_at), COUNT(*), COUNT(DISTINCT " + day +
                   "), COALESCE(SUM(revenue), 0), COALESCE(SUM(cost), 0) FROM "
                   "purchases WHERE customer_id = ?",
               {customer_id}));
  const auto& r = rows.front();
  RETURN_IF_ERROR(
      tx.Exec("UPDATE customers SET first_purchase_at = ?, last_purchase_at = ?, "
              "purchase_count = ?, purchase_days = ?, revenue_total = ?, "
              "cost_total = ? WHERE id = ?",
              {r.IsNull(0) ? store::Null() : store::Value(r.Int(0)),
               r.IsNull(1) ? store::Null() : store::Value(r.Int(1)), r.Int(2), r.Int(3), r.Int(4),
               r.Int(5), customer_id}));
  return Ok();
}

Result<json::object> MergeCustomers(const Env& env, const Actor& actor, std::int64_t survivor_id,
                                    const std::vector<std::int64_t>& merge_ids) {
  if (domain::Allowed(actor.role, Resource::kMerges, Action::kCreate) == domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not merge customers"));
  std::vector<std::int64_t> ids = merge_ids;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (ids.empty() || ids.size() > kMaxMerge) {
    return Fail(Error::InvalidArgument("merge_ids must name 1 to 50 customers",
                                       {{"merge_ids", "must name 1 to 50 customers"}}));
  }
  if (std::find(ids.begin(), ids.end(), survivor_id) != ids.end()) {
    return Fail(Error::InvalidArgument("the survivor cannot be merged into itself",
                                       {{"merge_ids", "must not contain the survivor"}}));
  }
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    const Millis now = env.clock.Now();
    ASSIGN_OR_RETURN(auto defs, store::LoadCustomFieldDefs(tx));
    ASSIGN_OR_RETURN(auto survivor, store::LoadCustomer(tx, survivor_id, defs));
    RETURN_IF_ERROR(
        CheckScope(actor, Resource::kCustomers, Action::kUpdate, survivor.id, survivor.owner_id));
    if (survivor.status != "active")
      return Fail(Error::Aborted("the survivor is " + survivor.status + ", not active"));
    std::vector<domain::Customer> merged;
    std::vector<FieldError> errs;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      auto c = store::LoadCustomer(tx, ids[i], defs);
      if (!c) {
        errs.push_back({"merge_ids[" + std::to_string(i) + "]",
                        "customer " + std::to_string(ids[i]) + " does not exist"});
        continue;
      }
      if (c->status != "active")
        errs.push_back({"merge_ids[" + std::to_string(i) + "]",
                        "customer " + std::to_string(ids[i]) + " is " + c->status});
      merged.push_back(std::move(*c));
    }
    RETURN_IF_ERROR(ErrorsToStatus(std::move(errs)));
    ASSIGN_OR_RETURN(auto survivor_before, CustomerLogJson(tx, survivor));
    ASSIGN_OR_RETURN(auto created, tx.Query("INSERT INTO merges (survivor_id, merged_ids, actor, "
                                            "created_at) VALUES (?, ?, ?, ?) RETURNING id",
                                            {survivor_id, json::serialize(json::value_from(ids)),
                                             actor.Label(), now}));
    const std::int64_t merge_id = created.front().Int(0);
    Keys have = KeysOf(survivor), added;
    json::array undo_merged;
    json::object moved_counts;
    for (auto& m : merged) {
      ASSIGN_OR_RETURN(auto before, CustomerLogJson(tx, m));
      Absorb(survivor, m, have, added);
      // The merged record gives up its keys (external ids and serials are unique).
      m.emails.clear();
      m.phones.clear();
      m.addresses.clear();
      m.external_ids.clear();
      m.serials.clear();
      m.tags.clear();
      m.custom.clear();
      m.status = "merged";
      m.updated_at = now;
      RETURN_IF_ERROR(store::UpdateCustomer(tx, m, m.version, defs));
      RETURN_IF_ERROR(tx.Exec("UPDATE customers SET archived_at = ? WHERE id = ?", {now, m.id}));
      json::object moved;
      for (const auto& link : store::CustomerLinks()) {
        if (link.kind == store::LinkKind::kMove) {
          json::array moved_ids;
          RETURN_IF_ERROR(MoveRows(tx, link, m.id, survivor_id, moved_ids));
          const auto n = static_cast<std::int64_t>(moved_ids.size());
          if (auto* c = moved_counts.if_contains(link.table))
            *c = c->as_int64() + n;
          else
            moved_counts[link.table] = n;
          moved[link.table] = std::move(moved_ids);
        } else if (link.kind == store::LinkKind::kDrop) {
          RETURN_IF_ERROR(tx.Exec("DELETE FROM " + std::string(link.table) + " WHERE " +
                                      std::string(link.column) + " = ?",
                                  {m.id}));
        }
      }
      RETURN_IF_ERROR(RecomputeAggregates(tx, m.id));
      RETURN_IF_ERROR(
          tx.Exec("INSERT INTO merged_customers (customer_id, merge_id, survivor_id) "
                  "VALUES (?, ?, ?)",
                  {m.id, merge_id, survivor_id}));
      ASSIGN_OR_RETURN(auto after_m, store::LoadCustomer(tx, m.id, defs));
      RETURN_IF_ERROR(LogCustomer(tx, env, actor, after_m, "merged", json::serialize(before)));
      undo_merged.push_back(json::object{{"id", m.id}, {"before", before}, {"moved", moved}});
    }
    survivor.updated_at = now;
    RETURN_IF_ERROR(store::UpdateCustomer(tx, survivor, survivor.version, defs));
    RETURN_IF_ERROR(RecomputeAggregates(tx, survivor_id));
    ASSIGN_OR_RETURN(survivor, store::LoadCustomer(tx, survivor_id, defs));
    RETURN_IF_ERROR(
        LogCustomer(tx, env, actor, survivor, "merge", json::serialize(survivor_before)));
    const json::object undo{{"survivor_added", KeysJson(added)}, {"merged", undo_merged}};
    RETURN_IF_ERROR(
        tx.Exec("UPDATE merges SET undo_data = ? WHERE id = ?", {json::serialize(undo), merge_id}));
    out = json::object{{"id", merge_id},
                       {"survivor_id", survivor_id},
                       {"merged_ids", json::value_from(ids)},
                       {"moved", moved_counts},
                       {"created_at", FormatTime(now)}};
    RETURN_IF_ERROR(LogEntry(tx, env, actor, "merge", merge_id, survivor_id, "merge", "",
                             json::serialize(json::object{{"survivor_id", survivor_id},
                                                          {"merged_ids", json::value_from(ids)},
                                                          {"moved", moved_counts}})));
    ASSIGN_OR_RETURN(std::string currency, LedgerCurrencyOrDefault(tx));
    out["survivor"] = CustomerToJson(survivor, domain::SensitiveFor(actor.role), currency);
    return Ok();
  }));
  return out;
}

Result<json::object> UndoMerge(const Env& env, const Actor& actor, std::int64_t merge_id) {
  RETURN_IF_ERROR(RequireAdmin(actor));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    const Millis now = env.clock.Now();
    ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT survivor_id, undo_data, undone_at FROM merges "
                                           "WHERE id = ?",
                                           {merge_id}, "merge not found"));
    if (!row.IsNull(2)) return Fail(Error::Aborted("the merge was already undone"));
    if (row.IsNull(1))
      return Fail(Error::Aborted("the merge cannot be undone: a merged customer was erased"));
    const std::int64_t survivor_id = row.Int(0);
    boost::system::error_code ec;
    json::value undo = json::parse(row.Text(1), ec);
    if (ec || !undo.is_object()) return Fail(Error::Internal("merge undo data is unreadable"));
    ASSIGN_OR_RETURN(auto defs, store::LoadCustomFieldDefs(tx));
    ASSIGN_OR_RETURN(auto survivor, store::LoadCustomer(tx, survivor_id, defs));
    ASSIGN_OR_RETURN(auto survivor_before, CustomerLogJson(tx, survivor));
    if (const auto* added = undo.as_object().if_contains("survivor_added");
        added && added->is_object())
      Shed(survivor, added->as_object());
    survivor.updated_at = now;
    RETURN_IF_ERROR(store::UpdateCustomer(tx, survivor, survivor.version, defs));
    json::array restored;
    for (const auto& item : undo.as_object().at("merged").as_array()) {
      const auto& o = item.as_object();
      const std::int64_t id = o.at("id").as_int64();
      for (const auto& link : store::CustomerLinks()) {
        if (link.kind != store::LinkKind::kMove) continue;
        if (const auto* ids = o.at("moved").as_object().if_contains(link.table);
            ids && ids->is_array())
          RETURN_IF_ERROR(MoveBack(tx, link, ids->as_array(), survivor_id, id));
      }
      ASSIGN_OR_RETURN(auto current, store::LoadCustomer(tx, id, defs));
      domain::Customer restored_c = current;
      auto errs = CustomerFromJson(o.at("before").as_object(), defs, restored_c);
      if (!errs.empty()) return Fail(Error::Internal("merged customer snapshot is unreadable"));
      restored_c.id = id;
      restored_c.status = "active";
      restored_c.updated_at = now;
      RETURN_IF_ERROR(store::UpdateCustomer(tx, restored_c, current.version, defs));
      RETURN_IF_ERROR(tx.Exec("UPDATE customers SET archived_at = NULL WHERE id = ?", {id}));
      RETURN_IF_ERROR(RecomputeAggregates(tx, id));
      ASSIGN_OR_RETURN(auto after, store::LoadCustomer(tx, id, defs));
      ASSIGN_OR_RETURN(auto current_json, CustomerLogJson(tx, current));
      RETURN_IF_ERROR(LogCustomer(tx, env, actor, after, "unmerge", json::serialize(current_json)));
      restored.push_back(id);
    }
    RETURN_IF_ERROR(RecomputeAggregates(tx, survivor_id));
    ASSIGN_OR_RETURN(survivor, store::LoadCustomer(tx, survivor_id, defs));
    RETURN_IF_ERROR(
        LogCustomer(tx, env, actor, survivor, "unmerge", json::serialize(survivor_before)));
    RETURN_IF_ERROR(tx.Exec("DELETE FROM merged_customers WHERE merge_id = ?", {merge_id}));
    RETURN_IF_ERROR(tx.Exec("UPDATE merges SET undone_at = ?, undone_by = ? WHERE id = ?",
                            {now, actor.Label(), merge_id}));
    RETURN_IF_ERROR(LogEntry(tx, env, actor, "merge", merge_id, survivor_id, "undo", "",
                             json::serialize(json::object{{"restored_ids", restored}})));
    out = json::object{{"id", merge_id},
                       {"survivor_id", survivor_id},
                       {"restored_ids", restored},
                       {"undone_at", FormatTime(now)}};
    return Ok();
  }));
  return out;
}

Result<json::object> GetMerge(const Env& env, const Actor& actor, std::int64_t merge_id) {
  if (domain::Allowed(actor.role, Resource::kMerges, Action::kRead) == domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not read merges"));
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT id, survivor_id, merged_ids, actor, created_at, "
                                           "undone_at, undone_by FROM merges WHERE id = ?",
                                           {merge_id}, "merge not found"));
    out = MergeRowJson(row);
    return Ok();
  }));
  return out;
}

Result<std::optional<std::pair<std::int64_t, std::int64_t>>> MergedInto(const Env& env,
                                                                        std::int64_t customer_id) {
  std::optional<std::pair<std::int64_t, std::int64_t>> out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT survivor_id, merge_id FROM merged_customers "
                                         "WHERE customer_id = ?",
                                         {customer_id}));
    if (!rows.empty()) out = std::make_pair(rows.front().Int(0), rows.front().Int(1));
    return Ok();
  }));
  return out;
}

}  // namespace chaincrm::services
