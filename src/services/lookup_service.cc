#include "services/lookup_service.h"

#include <map>
#include <set>

#include "core/text.h"
#include "store/case_repository.h"

namespace chaincrm::services {

namespace json = boost::json;
using store::Params;
using store::Tx;

namespace {

struct Hit {
  std::int64_t id;
  std::string matched_by, matched_value;
};

std::string NextPrefix(std::string s) {
  // The smallest string greater than every string starting with s (digits only here).
  while (!s.empty()) {
    if (s.back() < '9') {
      ++s.back();
      return s;
    }
    s.pop_back();
  }
  return ":";  // after '9'
}

std::string AsciiUpper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

}  // namespace

Result<json::object> Lookup(const Env& env, const Actor& actor, std::string_view raw, int limit) {
  if (domain::Allowed(actor.role, domain::Resource::kLookup, domain::Action::kRead) ==
          domain::Scope::kNone &&
      actor.role != domain::Role::kCustomer) {
    return Fail(Error::PermissionDenied("your role may not use lookup"));
  }
  const std::string q(Trim(raw));
  if (q.empty()) {
    return Fail(Error::InvalidArgument("q is required",
                                       {{"q", "type a phone, email, serial, id or name"}}));
  }
  if (q.size() > 200)
    return Fail(Error::InvalidArgument("q is too long", {{"q", "must be at most 200 characters"}}));
  std::vector<Hit> hits;
  std::set<std::int64_t> seen;
  auto add = [&](Tx& tx, const std::string& sql, const Params& p, const std::string& by) -> Status {
    return tx.ForEach(sql, p, [&](const store::Row& r) -> Status {
      if (static_cast<int>(hits.size()) < limit && seen.insert(r.Int(0)).second) {
        hits.push_back({r.Int(0), by, r.Text(1)});
      }
      return Ok();
    });
  };
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    const Params lim{static_cast<std::int64_t>(limit)};
    // A case number ("CS-000123") pops the case's customer.
    if (q.size() > 3 && (q[0] == 'C' || q[0] == 'c') && (q[1] == 'S' || q[1] == 's') &&
        q[2] == '-') {
      ASSIGN_OR_RETURN(auto found, store::FindCaseByNumber(tx, q));
      if (found) {
        seen.insert(found->customer_id);
        hits.push_back({found->customer_id, "case_number", found->number});
      }
    }
    const std::string email = NormalizeEmail(q);
    if (!email.empty()) {
      RETURN_IF_ERROR(
          add(tx, "SELECT customer_id, address FROM customer_emails WHERE address_norm = ? LIMIT ?",
              {email, lim[0]}, "email"));
      RETURN_IF_ERROR(add(tx,
                          "SELECT customer_id, email FROM contacts WHERE email_norm = ? AND "
                          "archived_at IS NULL LIMIT ?",
                          {email, lim[0]}, "email"));
    }
    // Order and shipment numbers ("SO-000123", "SH-000045") from a delivery note come
    // first: they are mostly digits and would otherwise be tried as phone numbers.
    const std::string upper = AsciiUpper(q);
    if (upper.rfind("SO-", 0) == 0) {
      RETURN_IF_ERROR(add(tx, "SELECT customer_id, number FROM orders WHERE number = ? LIMIT ?",
                          {upper, lim[0]}, "order_number"));
    } else if (upper.rfind("SH-", 0) == 0) {
      RETURN_IF_ERROR(add(tx, "SELECT customer_id, number FROM shipments WHERE number = ? LIMIT ?",
                          {upper, lim[0]}, "shipment_number"));
    }
    const std::string phone = NormalizePhone(q);
    // Only treat the query as a phone number when it is mostly digits.
    std::size_t digits = 0;
    for (char c : q) digits += (c >= '0' && c <= '9');
    if (!phone.empty() && digits * 2 > q.size() && hits.empty()) {
      RETURN_IF_ERROR(
          add(tx, "SELECT customer_id, number FROM customer_phones WHERE normalized = ? LIMIT ?",
              {phone, lim[0]}, "phone"));
      // A number typed without country or trunk prefix matches the stored number's end.
      std::string local = phone;
      if (local.size() > 7 && local[0] == '0') local.erase(0, 1);
      if (local.size() >= 7) {
        const std::string rev = ReversedDigits(local);
        RETURN_IF_ERROR(add(tx,
                            "SELECT customer_id, number FROM customer_phones WHERE reversed >= ? "
                            "AND reversed < ? LIMIT ?",
                            {rev, NextPrefix(rev), lim[0]}, "phone"));
        RETURN_IF_ERROR(add(tx,
                            "SELECT customer_id, phone FROM contacts WHERE phone_reversed >= ? AND "
                            "phone_reversed < ? "
                            "AND archived_at IS NULL LIMIT ?",
                            {rev, NextPrefix(rev), lim[0]}, "phone"));
      }
    }
    // A number that matched a phone, or an address that matched an email, is the screen
    // pop's common case: the remaining probes cannot do better, so they are skipped.
    if (hits.empty()) {
      RETURN_IF_ERROR(
          add(tx, "SELECT customer_id, serial FROM customer_serials WHERE serial = ? LIMIT ?",
              {q, lim[0]}, "serial"));
      RETURN_IF_ERROR(add(tx,
                          "SELECT customer_id, system || ' ' || value FROM customer_external_ids "
                          "WHERE value = ? LIMIT ?",
                          {q, lim[0]}, "external_id"));
      RETURN_IF_ERROR(add(tx, "SELECT id, tax_id FROM customers WHERE tax_id_norm = ? LIMIT ?",
                          {FoldForSearch(q), lim[0]}, "tax_id"));
      // A carrier's tracking number from a parcel label.
      RETURN_IF_ERROR(add(tx,
                          "SELECT customer_id, tracking_number FROM shipments WHERE "
                          "tracking_number = ? LIMIT ?",
                          {q, lim[0]}, "tracking_number"));
      if (digits == q.size() && q.size() < 16) {
        RETURN_IF_ERROR(add(tx, "SELECT id, CAST(id AS TEXT) FROM customers WHERE id = ?",
                            {std::stoll(q)}, "id"));
      }
    }
    const std::string folded = FoldForSearch(q);
    const bool mostly_digits = digits * 2 > q.size();
    if (static_cast<int>(hits.size()) < limit && (!mostly_digits || hits.empty())) {
      std::string pattern;
      for (char c : folded) {
        if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
        pattern.push_back(c);
      }
      // Prefix matches rank before matches inside the name.
      RETURN_IF_ERROR(
          add(tx,
              "SELECT c.id, c.name FROM customers c WHERE " +
                  env.db.dialect().CustomerNameLike("c.id", "%" + pattern + "%") +
                  " ORDER BY CASE WHEN c.name_folded LIKE ? ESCAPE '\\' THEN 0 ELSE 1 END, "
                  "c.status, LENGTH(c.name_folded), c.id LIMIT ?",
              {"%" + pattern + "%", pattern + "%", lim[0]}, "name"));
    }
    // The names of all hits in one statement; the portal scope applies here.
    std::vector<Hit> visible;
    std::string in;
    Params ids;
    for (const auto& h : hits) {
      if (actor.role == domain::Role::kCustomer && actor.customer_id != h.id) continue;
      visible.push_back(h);
      in += in.empty() ? "?" : ", ?";
      ids.push_back(h.id);
    }
    std::map<std::int64_t, store::Row> by_id;
    if (!visible.empty()) {
      RETURN_IF_ERROR(
          tx.ForEach("SELECT id, name, kind, status FROM customers WHERE id IN (" + in + ")", ids,
                     [&](const store::Row& r) -> Status {
                       by_id.emplace(r.Int(0), r);
                       return Ok();
                     }));
    }
    json::array data;
    for (const auto& h : visible) {
      auto it = by_id.find(h.id);
      if (it == by_id.end()) continue;
      data.push_back(json::object{{"id", h.id},
                                  {"name", it->second.Text(1)},
                                  {"kind", it->second.Text(2)},
                                  {"status", it->second.Text(3)},
                                  {"matched_by", h.matched_by},
                                  {"matched_value", h.matched_value}});
    }
    out["data"] = std::move(data);
    return Ok();
  }));
  return out;
}

}  // namespace chaincrm::services
