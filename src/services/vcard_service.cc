#include "services/vcard_service.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"
#include "services/activity_json.h"
#include "services/organise_common.h"
#include "store/activity_repository.h"
#include "store/customer_repository.h"

namespace chaincrm::services {

namespace json = boost::json;
namespace vc = domain::vcard;
using domain::Action;
using domain::Resource;
using store::Tx;

namespace {

constexpr std::size_t kMaxCardBytes = 64u << 20;  // a file larger than this is refused

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

std::vector<std::string> SplitLabel(const std::string& label) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= label.size()) {
    const auto comma = label.find(',', start);
    const auto end = comma == std::string::npos ? label.size() : comma;
    std::string t(Trim(std::string_view(label).substr(start, end - start)));
    if (!t.empty()) out.push_back(std::move(t));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// BDAY as YYYY-MM-DD: "1980-01-02", "19800102", "1980-01-02T...". Empty otherwise.
std::string BirthDate(std::string_view v) {
  std::string digits;
  for (char c : v.substr(0, std::min<std::size_t>(v.size(), 10)))
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  if (v.size() >= 8 && digits.size() == 8 && v[0] != '-')
    return digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2);
  return "";
}

// A vCard country (free text) as the ISO 3166 code the customer record keeps: a two-letter
// code as is, a few common names by table; "" when unknown.
std::string CountryCode(const std::string& country) {
  static constexpr std::pair<const char*, const char*> kNames[] = {
      {"usa", "US"},         {"united states", "US"}, {"united states of america", "US"},
      {"u.s.a.", "US"},      {"america", "US"},       {"germany", "DE"},
      {"deutschland", "DE"}, {"france", "FR"},        {"united kingdom", "GB"},
      {"uk", "GB"},          {"great britain", "GB"}, {"england", "GB"},
      {"china", "CN"},       {"中国", "CN"},          {"canada", "CA"},
      {"italy", "IT"},       {"italia", "IT"},        {"spain", "ES"},
      {"españa", "ES"},      {"espana", "ES"},        {"netherlands", "NL"},
      {"nederland", "NL"},   {"austria", "AT"},       {"österreich", "AT"},
      {"osterreich", "AT"},  {"switzerland", "CH"},   {"schweiz", "CH"},
      {"suisse", "CH"},      {"japan", "JP"},         {"日本", "JP"},
      {"korea", "KR"},       {"south korea", "KR"},   {"australia", "AU"},
      {"brazil", "BR"},      {"brasil", "BR"},        {"india", "IN"},
      {"russia", "RU"},      {"россия", "RU"},        {"ukraine", "UA"},
      {"україна", "UA"},     {"poland", "PL"},        {"polska", "PL"},
      {"greece", "GR"},      {"ελλάδα", "GR"},        {"israel", "IL"},
      {"ישראל", "IL"},       {"belgium", "BE"},       {"sweden", "SE"},
      {"norway", "NO"},      {"denmark", "DK"},       {"finland", "FI"},
      {"ireland", "IE"},     {"portugal", "PT"},      {"mexico", "MX"},
      {"méxico", "MX"},      {"hong kong", "HK"},     {"taiwan", "TW"},
      {"singapore", "SG"},   {"new zealand", "NZ"}};
  const std::string t(Trim(country));
  if (t.size() == 2 && std::isalpha(static_cast<unsigned char>(t[0])) &&
      std::isalpha(static_cast<unsigned char>(t[1]))) {
    std::string up = t;
    for (auto& ch : up) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return up;
  }
  const std::string folded = FoldForSearch(t);
  for (const auto& [name, code] : kNames)
    if (folded == FoldForSearch(name)) return code;
  return "";
}

// The values of a card that the customer record can hold, with warnings for the others.
struct Mapped {
  std::vector<domain::Email> emails;
  std::vector<domain::Phone> phones;
  std::vector<domain::Address> addresses;
  std::vector<std::string> email_norms, phone_norms;
};

Mapped MapContactData(const vc::Card& card, std::vector<std::string>& warnings) {
  Mapped m;
  for (const auto& e : card.emails) {
    std::string norm = NormalizeEmail(e.value);
    if (norm.empty()) {
      warnings.push_back("EMAIL '" + e.value.substr(0, 80) + "' is not an email address; skipped");
      continue;
    }
    if (std::find(m.email_norms.begin(), m.email_norms.end(), norm) != m.email_norms.end())
      continue;
    m.email_norms.push_back(norm);
    m.emails.push_back({e.value, Join(e.types, ","), m.emails.empty()});
  }
  for (const auto& t : card.phones) {
    std::string norm = NormalizePhone(t.value);
    if (norm.empty()) {
      warnings.push_back("TEL '" + t.value.substr(0, 40) + "' is not a phone number; skipped");
      continue;
    }
    m.phone_norms.push_back(norm);
    m.phones.push_back({t.value, Join(t.types, ","), ""});
  }
  for (const auto& a : card.addresses) {
    std::string line2 = a.extended;
    if (!a.po_box.empty()) line2 += (line2.empty() ? "" : ", ") + a.po_box;
    std::string region = a.region, country = CountryCode(a.country);
    if (country.empty() && !a.country.empty()) {
      // Unknown country names are kept, in the region, rather than lost.
      region += (region.empty() ? "" : ", ") + a.country;
      warnings.push_back("country '" + a.country.substr(0, 40) +
                         "' is not an ISO 3166 code or a known name; kept in the region");
    }
    m.addresses.push_back(
        {Join(a.types, ","), a.street, line2, a.locality, region, a.postal_code, country});
  }
  return m;
}

// Adds the items of `from` not already in `into` (by `key`).
template <typename T, typename Key>
void Union(std::vector<T>& into, const std::vector<T>& from, Key key) {
  for (const auto& x : from) {
    if (std::none_of(into.begin(), into.end(), [&](const T& y) { return key(y) == key(x); }))
      into.push_back(x);
  }
}

void UnionInto(domain::Customer& c, const Mapped& m) {
  Union(c.emails, m.emails, [](const domain::Email& e) { return NormalizeEmail(e.address); });
  Union(c.phones, m.phones, [](const domain::Phone& p) { return NormalizePhone(p.number); });
  Union(c.addresses, m.addresses, [](const domain::Address& a) {
    return FoldForSearch(a.line1 + "|" + a.line2 + "|" + a.city + "|" + a.postal_code + "|" +
                         a.country);
  });
  for (std::size_t i = 0; i < c.emails.size(); ++i) c.emails[i].primary = i == 0;
}

std::string InList(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s;
}

// An active customer of `kind` holding one of the emails, else one of the phones.
Result<std::optional<std::int64_t>> FindByKeys(Tx& tx, const std::string& kind, const Mapped& m) {
  if (!m.email_norms.empty()) {
    store::Params p(m.email_norms.begin(), m.email_norms.end());
    p.push_back(kind);
    ASSIGN_OR_RETURN(auto rows,
                     tx.Query("SELECT c.id FROM customer_emails e JOIN customers c ON "
                              "c.id = e.customer_id WHERE e.address_norm IN (" +
                                  InList(m.email_norms.size()) +
                                  ") AND c.kind = ? AND c.status = 'active' ORDER BY c.id LIMIT 1",
                              p));
    if (!rows.empty()) return std::optional(rows.front().Int(0));
  }
  if (!m.phone_norms.empty()) {
    store::Params p(m.phone_norms.begin(), m.phone_norms.end());
    p.push_back(kind);
    ASSIGN_OR_RETURN(auto rows,
                     tx.Query("SELECT c.id FROM customer_phones ph JOIN customers c ON "
                              "c.id = ph.customer_id WHERE ph.normalized IN (" +
                                  InList(m.phone_norms.size()) +
                                  ") AND c.kind = ? AND c.status = 'active' ORDER BY c.id LIMIT 1",
                              p));
    if (!rows.empty()) return std::optional(rows.front().Int(0));
  }
  return std::optional<std::int64_t>{};
}

Result<std::optional<std::int64_t>> FindOrganisationByName(Tx& tx, const std::string& name) {
  ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id FROM customers WHERE name_folded = ? AND "
                                       "kind = 'organization' AND status = 'active' "
                                       "ORDER BY id LIMIT 1",
                                       {FoldForSearch(name)}));
  if (rows.empty()) return std::optional<std::int64_t>{};
  return std::optional(rows.front().Int(0));
}

struct Ctx {
  const Env& env;
  const Actor& actor;
  std::vector<domain::CustomFieldDef> defs;
};

// Creates or updates a customer of `kind` from the card; fills `out`.
Status UpsertCustomer(Tx& tx, Ctx& ctx, const vc::Card& card, const std::string& kind,
                      const std::string& name, const Mapped& m,
                      std::optional<std::int64_t> existing, VcardOutcome& out) {
  const Millis now = ctx.env.clock.Now();
  domain::Customer c;
  std::string before;
  if (existing) {
    ASSIGN_OR_RETURN(c, store::LoadCustomer(tx, *existing, ctx.defs));
    RETURN_IF_ERROR(CheckScope(ctx.actor, Resource::kCustomers, Action::kUpdate, c.id, c.owner_id));
    ASSIGN_OR_RETURN(auto b, CustomerLogJson(tx, c));
    before = json::serialize(b);
  } else {
    c.kind = kind;
    c.created_at = now;
    if (ctx.actor.role == domain::Role::kSales) c.owner_id = ctx.actor.user_id;
  }
  c.name = name;
  UnionInto(c, m);
  if (kind == "person" && !card.bday.empty()) {
    std::string bd = BirthDate(card.bday);
    if (!bd.empty())
      c.birth_date = bd;
    else
      out.warnings.push_back("BDAY '" + card.bday.substr(0, 30) + "' has no year; skipped");
  }
  if (!card.note.empty()) c.notes = card.note;
  auto errs = domain::ValidateCustomer(c);
  if (!errs.empty()) return Fail(Error::InvalidArgument("the card is not a valid customer", errs));
  c.updated_at = now;
  if (existing) {
    RETURN_IF_ERROR(store::UpdateCustomer(tx, c, c.version, ctx.defs));
    RETURN_IF_ERROR(LogCustomer(tx, ctx.env, ctx.actor, c, "update", before));
  } else {
    RETURN_IF_ERROR(store::InsertCustomer(tx, c, ctx.defs));
    RETURN_IF_ERROR(LogCustomer(tx, ctx.env, ctx.actor, c, "create", ""));
  }
  out.action = existing ? "updated" : "created";
  out.entity = "customer";
  out.id = out.customer_id = c.id;
  out.name = c.name;
  return Ok();
}

Status UpsertContact(Tx& tx, Ctx& ctx, const vc::Card& card, std::int64_t org_id, const Mapped& m,
                     VcardOutcome& out) {
  const Millis now = ctx.env.clock.Now();
  std::optional<domain::Contact> found;
  // The same person at the same organisation: by email, else by name.
  if (!m.email_norms.empty()) {
    store::Params p{org_id};
    p.insert(p.end(), m.email_norms.begin(), m.email_norms.end());
    ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id FROM contacts WHERE customer_id = ? AND "
                                         "archived_at IS NULL AND email_norm IN (" +
                                             InList(m.email_norms.size()) + ") ORDER BY id LIMIT 1",
                                         p));
    if (!rows.empty()) {
      ASSIGN_OR_RETURN(found, store::LoadContact(tx, rows.front().Int(0)));
    }
  } else {
    ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id FROM contacts WHERE customer_id = ? AND "
                                         "archived_at IS NULL AND name = ? ORDER BY id LIMIT 1",
                                         {org_id, card.DisplayName()}));
    if (!rows.empty()) {
      ASSIGN_OR_RETURN(found, store::LoadContact(tx, rows.front().Int(0)));
    }
  }
  domain::Contact c = found.value_or(domain::Contact{});
  const std::string before = found ? json::serialize(ContactToJson(c)) : "";
  c.customer_id = org_id;
  c.name = card.DisplayName();
  if (!card.title.empty()) c.title = card.title;
  if (!m.emails.empty()) c.email = m.emails.front().address;
  if (!m.phones.empty()) c.phone = m.phones.front().number;
  if (!card.note.empty()) c.notes = card.note;
  if (m.emails.size() > 1 || m.phones.size() > 1) {
    out.warnings.push_back("a contact keeps one email and one phone; the first of each was kept");
  }
  auto errs = domain::ValidateContact(c);
  if (!errs.empty()) return Fail(Error::InvalidArgument("the card is not a valid contact", errs));
  c.updated_at = now;
  if (found) {
    RETURN_IF_ERROR(store::UpdateContact(tx, c, c.version));
  } else {
    c.created_at = now;
    RETURN_IF_ERROR(store::InsertContact(tx, c));
  }
  RETURN_IF_ERROR(LogEntry(tx, ctx.env, ctx.actor, "contact", c.id, org_id,
                           found ? "update" : "create", before, json::serialize(ContactToJson(c))));
  out.action = found ? "updated" : "created";
  out.entity = "contact";
  out.id = c.id;
  out.customer_id = org_id;
  out.name = c.name;
  return Ok();
}

Status ImportCard(Tx& tx, Ctx& ctx, const vc::Card& card, VcardOutcome& out) {
  ASSIGN_OR_RETURN(ctx.defs, store::LoadCustomFieldDefs(tx));
  out.warnings = card.warnings;
  Mapped m = MapContactData(card, out.warnings);
  if (card.IsOrganisation()) {
    const std::string name = card.org.empty() ? card.DisplayName() : card.org.front();
    ASSIGN_OR_RETURN(auto existing, FindByKeys(tx, "organization", m));
    if (!existing) {
      ASSIGN_OR_RETURN(existing, FindOrganisationByName(tx, name));
    }
    return UpsertCustomer(tx, ctx, card, "organization", name, m, existing, out);
  }
  if (!card.org.empty()) {
    ASSIGN_OR_RETURN(auto org_id, FindOrganisationByName(tx, card.org.front()));
    if (!org_id) {
      domain::Customer org;
      org.kind = "organization";
      org.name = card.org.front();
      org.created_at = org.updated_at = ctx.env.clock.Now();
      if (ctx.actor.role == domain::Role::kSales) org.owner_id = ctx.actor.user_id;
      auto errs = domain::ValidateCustomer(org);
      if (!errs.empty())
        return Fail(Error::InvalidArgument("ORG is not a valid organisation", errs));
      RETURN_IF_ERROR(store::InsertCustomer(tx, org, ctx.defs));
      RETURN_IF_ERROR(LogCustomer(tx, ctx.env, ctx.actor, org, "create", ""));
      org_id = org.id;
      out.warnings.push_back("created organisation customer " + std::to_string(org.id) + " '" +
                             org.name + "'");
    }
    return UpsertContact(tx, ctx, card, *org_id, m, out);
  }
  ASSIGN_OR_RETURN(auto existing, FindByKeys(tx, "person", m));
  return UpsertCustomer(tx, ctx, card, "person", card.DisplayName(), m, existing, out);
}

}  // namespace

Result<VcardReport> ImportVcards(const Env& env, const Actor& actor, std::string_view bytes) {
  if (domain::Allowed(actor.role, Resource::kCustomers, Action::kCreate) == domain::Scope::kNone ||
      domain::Allowed(actor.role, Resource::kContacts, Action::kCreate) == domain::Scope::kNone) {
    return Fail(Error::PermissionDenied("your role may not import customers and contacts"));
  }
  if (bytes.size() > kMaxCardBytes) {
    return Fail(
        Error::InvalidArgument("the file is larger than 64 MiB", {{"file", "at most 64 MiB"}}));
  }
  VcardReport report;
  const auto parsed = vc::Parse(bytes);
  std::vector<VcardOutcome> rejected;
  for (const auto& p : parsed.problems) {
    VcardOutcome o;
    o.card = p.card;
    o.line = p.line;
    o.action = "rejected";
    o.message = p.message;
    rejected.push_back(std::move(o));
  }
  Ctx ctx{env, actor, {}};
  for (const auto& card : parsed.cards) {
    VcardOutcome o;
    o.card = card.number;
    o.line = card.line;
    Status st = env.db.Write([&](Tx& tx) -> Status {
      o.warnings.clear();
      return ImportCard(tx, ctx, card, o);
    });
    if (!st) {
      const Code code = st.error().code();
      if (code == Code::kUnavailable || code == Code::kInternal) return Fail(st.error());
      o.action = "rejected";
      o.entity.clear();
      o.id = o.customer_id = 0;
      o.message = ErrorText(st.error());
    }
    report.outcomes.push_back(std::move(o));
  }
  for (auto& r : rejected) report.outcomes.push_back(std::move(r));
  std::stable_sort(report.outcomes.begin(), report.outcomes.end(),
                   [](const VcardOutcome& a, const VcardOutcome& b) { return a.line < b.line; });
  for (const auto& o : report.outcomes) {
    if (o.action == "created") ++report.created;
    if (o.action == "updated") ++report.updated;
    if (o.action == "rejected") ++report.rejected;
  }
  return report;
}

std::vector<vc::Card> CustomerCards(const domain::Customer& c,
                                    const std::vector<domain::Contact>& contacts) {
  std::vector<vc::Card> out;
  vc::Card card;
  card.fn = c.name;
  if (c.kind == "organization") {
    card.kind = "org";
    card.org = {c.name};
  } else {
    card.kind = "individual";
    if (const auto sp = c.name.rfind(' '); sp != std::string::npos) {
      card.n.given = c.name.substr(0, sp);
      card.n.family = c.name.substr(sp + 1);
    } else {
      card.n.family = c.name;
    }
    if (c.birth_date) card.bday = *c.birth_date;
  }
  for (const auto& e : c.emails) card.emails.push_back({e.address, SplitLabel(e.label)});
  for (const auto& p : c.phones) card.phones.push_back({p.number, SplitLabel(p.label)});
  for (const auto& a : c.addresses) {
    vc::Adr adr;
    adr.types = SplitLabel(a.label);
    adr.street = a.line1;
    adr.extended = a.line2;
    adr.locality = a.city;
    adr.region = a.region;
    adr.postal_code = a.postal_code;
    adr.country = a.country;
    card.addresses.push_back(std::move(adr));
  }
  if (c.notes) card.note = *c.notes;
  out.push_back(std::move(card));
  for (const auto& k : contacts) {
    vc::Card kc;
    kc.kind = "individual";
    kc.fn = k.name;
    if (const auto sp = k.name.rfind(' '); sp != std::string::npos) {
      kc.n.given = k.name.substr(0, sp);
      kc.n.family = k.name.substr(sp + 1);
    } else {
      kc.n.family = k.name;
    }
    kc.org = {c.name};
    if (k.title) kc.title = *k.title;
    if (k.email) kc.emails.push_back({*k.email, {"work"}});
    if (k.phone) kc.phones.push_back({*k.phone, {"work"}});
    if (k.notes) kc.note = *k.notes;
    out.push_back(std::move(kc));
  }
  return out;
}

Result<std::string> ExportVcards(const Env& env, const Actor& actor, std::int64_t customer_id) {
  std::string out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto defs, store::LoadCustomFieldDefs(tx));
    ASSIGN_OR_RETURN(auto c, store::LoadCustomer(tx, customer_id, defs));
    RETURN_IF_ERROR(CheckScope(actor, Resource::kContacts, Action::kRead, c.id, c.owner_id));
    ASSIGN_OR_RETURN(auto contacts, store::ListContacts(tx, customer_id));
    for (const auto& card : CustomerCards(c, contacts)) out += vc::Write(card);
    return Ok();
  }));
  return out;
}

}  // namespace chaincrm::services
