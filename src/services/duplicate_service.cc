#include "services/duplicate_service.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>

#include "core/text.h"
#include "domain/similarity.h"
#include "services/customer_json.h"
#include "services/json_util.h"
#include "services/organise_common.h"
#include "store/customer_repository.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::DuplicateFeatures;
using domain::Resource;
using store::Tx;

namespace {

constexpr int kNameWindow = 6;       // sorted-neighbourhood window on folded names
constexpr int kMaxBlock = 50;        // a key shared by more customers is not a signal
constexpr std::size_t kBatch = 400;  // ids per feature query
constexpr const char* kScannedSetting = "duplicates.scanned_at";

using Pair = std::pair<std::int64_t, std::int64_t>;

std::string InList(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s;
}

// Features of the active customers among `ids`.
Result<std::unordered_map<std::int64_t, DuplicateFeatures>> LoadFeatures(
    Tx& tx, const std::vector<std::int64_t>& ids) {
  std::unordered_map<std::int64_t, DuplicateFeatures> out;
  for (std::size_t from = 0; from < ids.size(); from += kBatch) {
    const std::size_t n = std::min(kBatch, ids.size() - from);
    store::Params p(ids.begin() + static_cast<std::ptrdiff_t>(from),
                    ids.begin() + static_cast<std::ptrdiff_t>(from + n));
    const std::string in = " IN (" + InList(n) + ")";
    ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id, kind, name_folded, city, tax_id_norm FROM "
                                         "customers WHERE status = 'active' AND id" +
                                             in,
                                         p));
    for (const auto& r : rows) {
      auto& f = out[r.Int(0)];
      f.id = r.Int(0);
      f.kind = r.Text(1);
      f.name = r.Text(2);
      f.city = FoldForSearch(r.Text(3));
      f.tax_id = r.Text(4);
    }
    ASSIGN_OR_RETURN(rows, tx.Query("SELECT customer_id, address_norm FROM customer_emails WHERE "
                                    "customer_id" +
                                        in,
                                    p));
    for (const auto& r : rows)
      if (auto it = out.find(r.Int(0)); it != out.end()) it->second.emails.push_back(r.Text(1));
    ASSIGN_OR_RETURN(rows, tx.Query("SELECT customer_id, normalized FROM customer_phones WHERE "
                                    "customer_id" +
                                        in,
                                    p));
    for (const auto& r : rows)
      if (auto it = out.find(r.Int(0)); it != out.end()) it->second.phones.push_back(r.Text(1));
    ASSIGN_OR_RETURN(rows, tx.Query("SELECT customer_id, line1, postal_code, city FROM "
                                    "customer_addresses WHERE position = 0 AND customer_id" +
                                        in,
                                    p));
    for (const auto& r : rows) {
      if (auto it = out.find(r.Int(0)); it != out.end()) {
        it->second.street = FoldForSearch(r.Text(1) + " " + r.Text(2));
        if (it->second.city.empty()) it->second.city = FoldForSearch(r.Text(3));
      }
    }
  }
  return out;
}

// Pairs sharing a normalised key (email, phone, tax id), skipping over-shared keys.
Status KeyPairs(Tx& tx, const std::string& table, const std::string& column,
                const std::string& id_column, std::set<Pair>& pairs) {
  const std::string sql = "SELECT a." + id_column + ", b." + id_column + " FROM " + table +
                          " a JOIN " + table + " b ON a." + column + " = b." + column + " AND a." +
                          id_column + " < b." + id_column + " WHERE a." + column + " IN (SELECT " +
                          column + " FROM " + table + " WHERE " + column + " IS NOT NULL AND " +
                          column + " <> '' GROUP BY " + column + " HAVING COUNT(*) BETWEEN 2 AND " +
                          std::to_string(kMaxBlock) + ")";
  return tx.ForEach(sql, {}, [&](const store::Row& r) -> Status {
    pairs.insert({r.Int(0), r.Int(1)});
    return Ok();
  });
}

// Sorted neighbourhood: each name against the few names before it in folded order.
Status NamePairs(Tx& tx, std::set<Pair>& pairs, std::int64_t& compared) {
  std::deque<std::pair<std::int64_t, std::string>> window;
  return tx.ForEach(
      "SELECT id, name_folded FROM customers WHERE status = 'active' ORDER BY name_folded, id", {},
      [&](const store::Row& r) -> Status {
        const std::int64_t id = r.Int(0);
        std::string name = r.Text(1);
        for (const auto& [other, other_name] : window) {
          ++compared;
          if (domain::JaroWinkler(name, other_name) >= domain::kNameFloor)
            pairs.insert({std::min(id, other), std::max(id, other)});
        }
        window.emplace_back(id, std::move(name));
        if (window.size() > static_cast<std::size_t>(kNameWindow)) window.pop_front();
        return Ok();
      });
}

std::string ReasonsText(const std::vector<std::string>& reasons) {
  std::string s;
  for (std::size_t i = 0; i < reasons.size(); ++i) s += (i ? "," : "") + reasons[i];
  return s;
}

json::array ReasonsJson(const std::string& text) {
  json::array out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    out.push_back(json::string(text.substr(start, comma - start)));
    start = comma + 1;
  }
  return out;
}

Status RequireMerges(const Actor& actor, Action action) {
  if (domain::Allowed(actor.role, Resource::kMerges, action) == domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not review duplicates"));
  return Ok();
}

std::string FormatScore(double s) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", s);
  return buf;
}

}  // namespace

Result<json::object> ScanDuplicates(const Env& env, const Actor& actor) {
  RETURN_IF_ERROR(RequireMerges(actor, Action::kCreate));
  const auto started = std::chrono::steady_clock::now();
  std::set<Pair> candidates;
  std::int64_t compared = 0;
  std::vector<std::tuple<std::int64_t, std::int64_t, double, std::string>> found;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    candidates.clear();
    found.clear();
    compared = 0;
    RETURN_IF_ERROR(KeyPairs(tx, "customer_emails", "address_norm", "customer_id", candidates));
    RETURN_IF_ERROR(KeyPairs(tx, "customer_phones", "normalized", "customer_id", candidates));
    RETURN_IF_ERROR(KeyPairs(tx, "customers", "tax_id_norm", "id", candidates));
    RETURN_IF_ERROR(NamePairs(tx, candidates, compared));
    std::set<Pair> dismissed;
    RETURN_IF_ERROR(tx.ForEach("SELECT customer_a, customer_b FROM duplicate_dismissals", {},
                               [&](const store::Row& r) -> Status {
                                 dismissed.insert({r.Int(0), r.Int(1)});
                                 return Ok();
                               }));
    // Score in chunks of pairs so that features are loaded a batch at a time.
    std::vector<Pair> all(candidates.begin(), candidates.end());
    for (std::size_t from = 0; from < all.size(); from += kBatch) {
      const std::size_t to = std::min(all.size(), from + kBatch);
      std::vector<std::int64_t> ids;
      for (std::size_t i = from; i < to; ++i) {
        ids.push_back(all[i].first);
        ids.push_back(all[i].second);
      }
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      ASSIGN_OR_RETURN(auto features, LoadFeatures(tx, ids));
      for (std::size_t i = from; i < to; ++i) {
        if (dismissed.count(all[i])) continue;
        auto a = features.find(all[i].first), b = features.find(all[i].second);
        if (a == features.end() || b == features.end()) continue;
        auto s = domain::ScorePair(a->second, b->second);
        if (s.score >= domain::kDuplicateThreshold)
          found.emplace_back(all[i].first, all[i].second, s.score, ReasonsText(s.reasons));
      }
    }
    return Ok();
  }));
  const Millis now = env.clock.Now();
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.Exec("DELETE FROM duplicate_pairs"));
    for (const auto& [a, b, score, reasons] : found) {
      RETURN_IF_ERROR(
          tx.Exec("INSERT INTO duplicate_pairs (customer_a, customer_b, score, "
                  "reasons, scanned_at) VALUES (?, ?, ?, ?, ?)",
                  {a, b, score, reasons, now}));
    }
    RETURN_IF_ERROR(tx.Exec("DELETE FROM settings WHERE name = ?", {kScannedSetting}));
    RETURN_IF_ERROR(tx.Exec("INSERT INTO settings (name, value) VALUES (?, ?)",
                            {kScannedSetting, std::to_string(now)}));
    return Ok();
  }));
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
  return json::object{{"candidates", static_cast<std::int64_t>(candidates.size())},
                      {"name_comparisons", compared},
                      {"pairs", static_cast<std::int64_t>(found.size())},
                      {"scanned_at", FormatTime(now)},
                      {"elapsed_ms", static_cast<std::int64_t>(ms)}};
}

Result<json::object> ListDuplicates(const Env& env, const Actor& actor,
                                    const DuplicateListQuery& q) {
  RETURN_IF_ERROR(RequireMerges(actor, Action::kRead));
  if (q.limit < 1 || q.limit > 500) {
    return Fail(Error::InvalidArgument("limit must be between 1 and 500",
                                       {{"limit", "must be between 1 and 500"}}));
  }
  std::optional<std::pair<double, std::int64_t>> after;
  if (!q.cursor.empty()) {
    const auto sep = q.cursor.find('_');
    try {
      if (sep == std::string::npos) throw std::invalid_argument("cursor");
      after =
          std::make_pair(std::stod(q.cursor.substr(0, sep)), std::stoll(q.cursor.substr(sep + 1)));
    } catch (...) {
      return Fail(Error::InvalidArgument("cursor is not valid",
                                         {{"cursor", "is not a cursor from this list"}}));
    }
  }
  bool scanned = false;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto rows,
                     tx.Query("SELECT value FROM settings WHERE name = ?", {kScannedSetting}));
    scanned = !rows.empty();
    return Ok();
  }));
  if (!scanned) RETURN_IF_ERROR(ScanDuplicates(env, actor));
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    std::string sql =
        "SELECT id, customer_a, customer_b, score, reasons, scanned_at FROM duplicate_pairs "
        "WHERE 1 = 1";
    store::Params p;
    if (q.customer_id) {
      sql += " AND (customer_a = ? OR customer_b = ?)";
      p.push_back(*q.customer_id);
      p.push_back(*q.customer_id);
    }
    if (after) {
      sql += " AND (score < ? OR (score = ? AND id > ?))";
      p.push_back(after->first);
      p.push_back(after->first);
      p.push_back(after->second);
    }
    sql += " ORDER BY score DESC, id LIMIT ?";
    p.push_back(static_cast<std::int64_t>(q.limit + 1));
    ASSIGN_OR_RETURN(auto rows, tx.Query(sql, p));
    const bool more = rows.size() > static_cast<std::size_t>(q.limit);
    if (more) rows.erase(rows.begin() + q.limit, rows.end());
    std::vector<std::int64_t> ids;
    for (const auto& r : rows) {
      ids.push_back(r.Int(1));
      ids.push_back(r.Int(2));
    }
    ASSIGN_OR_RETURN(auto defs, store::LoadCustomFieldDefs(tx));
    ASSIGN_OR_RETURN(auto customers, store::LoadCustomers(tx, ids, defs));
    std::map<std::int64_t, json::object> brief;
    for (const auto& c : customers) {
      json::array emails;
      for (const auto& e : c.emails) emails.push_back(json::string(e.address));
      json::array phones;
      for (const auto& ph : c.phones) phones.push_back(json::string(ph.number));
      brief[c.id] =
          json::object{{"id", c.id},
                       {"kind", c.kind},
                       {"name", c.name},
                       {"status", c.status},
                       {"city", c.addresses.empty() ? json::value(nullptr)
                                                    : json::value(c.addresses.front().city)},
                       {"tax_id", OptJson(c.tax_id)},
                       {"emails", emails},
                       {"phones", phones}};
    }
    json::array data;
    for (const auto& r : rows) {
      json::array pair;
      for (int k : {1, 2}) {
        auto it = brief.find(r.Int(static_cast<std::size_t>(k)));
        pair.push_back(it == brief.end()
                           ? json::value(json::object{{"id", r.Int(static_cast<std::size_t>(k))}})
                           : json::value(it->second));
      }
      data.push_back(json::object{{"id", r.Int(0)},
                                  {"score", r.Real(3)},
                                  {"reasons", ReasonsJson(r.Text(4))},
                                  {"customers", std::move(pair)},
                                  {"scanned_at", FormatTime(r.Int(5))}});
    }
    out["data"] = std::move(data);
    out["next_cursor"] = more ? json::value(FormatScore(rows.back().Real(3)) + "_" +
                                            std::to_string(rows.back().Int(0)))
                              : json::value(nullptr);
    ASSIGN_OR_RETURN(auto s,
                     tx.Query("SELECT value FROM settings WHERE name = ?", {kScannedSetting}));
    out["scanned_at"] =
        s.empty() ? json::value(nullptr) : json::value(FormatTime(std::stoll(s.front().Text(0))));
    return Ok();
  }));
  return out;
}

Result<json::object> DismissDuplicate(const Env& env, const Actor& actor, std::int64_t pair_id) {
  RETURN_IF_ERROR(RequireMerges(actor, Action::kUpdate));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT customer_a, customer_b, score, reasons FROM "
                                           "duplicate_pairs WHERE id = ?",
                                           {pair_id}, "duplicate pair not found"));
    const std::int64_t a = row.Int(0), b = row.Int(1);
    RETURN_IF_ERROR(tx.Exec("DELETE FROM duplicate_pairs WHERE id = ?", {pair_id}));
    RETURN_IF_ERROR(
        tx.Exec("DELETE FROM duplicate_dismissals WHERE customer_a = ? AND "
                "customer_b = ?",
                {a, b}));
    RETURN_IF_ERROR(
        tx.Exec("INSERT INTO duplicate_dismissals (customer_a, customer_b, "
                "dismissed_by, dismissed_at) VALUES (?, ?, ?, ?)",
                {a, b, actor.Label(), env.clock.Now()}));
    out = json::object{{"id", pair_id}, {"customer_ids", json::array{a, b}}, {"dismissed", true}};
    RETURN_IF_ERROR(LogEntry(tx, env, actor, "duplicate_pair", pair_id, a, "dismiss", "",
                             json::serialize(out)));
    return Ok();
  }));
  return out;
}

Result<json::array> LikelyDuplicates(const Env& env, const Actor& /*actor*/,
                                     const json::object& body) {
  json::array out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto defs, store::LoadCustomFieldDefs(tx));
    domain::Customer c;
    if (!CustomerFromJson(body, defs, c).empty()) return Ok();
    DuplicateFeatures me;
    me.kind = c.kind;
    me.name = FoldForSearch(c.name);
    me.city = FoldForSearch(c.addresses.empty() ? std::string() : c.addresses[0].city);
    if (!c.addresses.empty())
      me.street = FoldForSearch(c.addresses[0].line1 + " " + c.addresses[0].postal_code);
    std::set<std::int64_t> ids;
    auto collect = [&](const std::string& sql, const store::Params& p) -> Status {
      ASSIGN_OR_RETURN(auto rows, tx.Query(sql, p));
      for (const auto& r : rows) ids.insert(r.Int(0));
      return Ok();
    };
    for (const auto& e : c.emails) {
      me.emails.push_back(NormalizeEmail(e.address));
      RETURN_IF_ERROR(
          collect("SELECT customer_id FROM customer_emails WHERE address_norm = ? "
                  "LIMIT 50",
                  {me.emails.back()}));
    }
    for (const auto& ph : c.phones) {
      me.phones.push_back(NormalizePhone(ph.number));
      RETURN_IF_ERROR(
          collect("SELECT customer_id FROM customer_phones WHERE normalized = ? "
                  "LIMIT 50",
                  {me.phones.back()}));
    }
    if (c.tax_id) {
      me.tax_id = FoldForSearch(*c.tax_id);  // as the repository stores tax_id_norm
      RETURN_IF_ERROR(
          collect("SELECT id FROM customers WHERE tax_id_norm = ? LIMIT 50", {me.tax_id}));
    }
    // Name: the exact folded name, and each longer word of it through the name index.
    RETURN_IF_ERROR(collect("SELECT id FROM customers WHERE name_folded = ? LIMIT 50", {me.name}));
    std::vector<std::string> words;
    for (std::size_t start = 0; start < me.name.size();) {
      auto sp = me.name.find(' ', start);
      if (sp == std::string::npos) sp = me.name.size();
      if (sp - start >= 4) words.push_back(me.name.substr(start, sp - start));
      start = sp + 1;
    }
    std::sort(words.begin(), words.end(),
              [](const std::string& x, const std::string& y) { return x.size() > y.size(); });
    if (words.size() > 2) words.resize(2);
    for (const auto& w : words) {
      RETURN_IF_ERROR(collect("SELECT id FROM customers c WHERE " +
                                  tx.dialect().CustomerNameLike("c.id", "%" + w + "%") +
                                  " LIMIT 100",
                              {"%" + w + "%"}));
    }
    std::vector<std::int64_t> list(ids.begin(), ids.end());
    ASSIGN_OR_RETURN(auto features, LoadFeatures(tx, list));
    std::vector<std::pair<double, json::object>> scored;
    for (auto& [id, f] : features) {
      auto s = domain::ScorePair(me, f);
      if (s.score < domain::kDuplicateThreshold) continue;
      json::array reasons;
      for (const auto& r : s.reasons) reasons.push_back(json::string(r));
      ASSIGN_OR_RETURN(auto row, tx.Query("SELECT name, kind FROM customers WHERE id = ?", {id}));
      scored.emplace_back(s.score, json::object{{"id", id},
                                                {"name", row.front().Text(0)},
                                                {"kind", row.front().Text(1)},
                                                {"score", s.score},
                                                {"reasons", std::move(reasons)}});
    }
    std::sort(scored.begin(), scored.end(),
              [](const auto& x, const auto& y) { return x.first > y.first; });
    for (std::size_t i = 0; i < scored.size() && i < 10; ++i)
      out.push_back(std::move(scored[i].second));
    return Ok();
  }));
  return out;
}

}  // namespace chaincrm::services
