#include "services/privacy_service.h"

#include <algorithm>
#include <map>
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

constexpr const char* kChannels[] = {"email",  "phone",    "sms",  "post",
                                     "wechat", "whatsapp", "push", "fax"};
constexpr const char* kPurposes[] = {"marketing", "service",     "analytics",
                                     "profiling", "third_party", "newsletter"};

template <std::size_t N>
bool OneOf(const std::string& v, const char* const (&list)[N]) {
  return std::any_of(std::begin(list), std::end(list), [&](const char* x) { return v == x; });
}

template <std::size_t N>
std::string Listed(const char* const (&list)[N]) {
  std::string s;
  for (std::size_t i = 0; i < N; ++i) s += (i ? ", " : "") + std::string(list[i]);
  return s;
}

Result<std::optional<std::int64_t>> CheckCustomer(Tx& tx, const Actor& actor, Action action,
                                                  std::int64_t customer_id) {
  ASSIGN_OR_RETURN(auto rows,
                   tx.Query("SELECT owner_id FROM customers WHERE id = ?", {customer_id}));
  if (rows.empty())
    return Fail(Error::NotFound("customer " + std::to_string(customer_id) + " not found"));
  RETURN_IF_ERROR(
      CheckScope(actor, Resource::kPrivacy, action, customer_id, rows.front().OptInt(0)));
  return rows.front().OptInt(0);
}

json::object ConsentJson(const store::Row& r) {
  return json::object{{"id", r.Int(0)},
                      {"customer_id", r.Int(1)},
                      {"contact_id", OptJson(r.OptInt(2))},
                      {"channel", r.Text(3)},
                      {"purpose", r.Text(4)},
                      {"status", r.Text(5)},
                      {"source", OptJson(r.OptText(6))},
                      {"occurred_at", FormatTime(r.Int(7))},
                      {"recorded_by", r.Text(8)}};
}

constexpr const char* kConsentColumns =
    "id, customer_id, contact_id, channel, purpose, status, source, occurred_at, recorded_by";

std::vector<std::string> Columns(std::string_view list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < list.size()) {
    auto comma = list.find(',', start);
    if (comma == std::string_view::npos) comma = list.size();
    std::string c(list.substr(start, comma - start));
    c.erase(0, c.find_first_not_of(' '));
    c.erase(c.find_last_not_of(' ') + 1);
    out.push_back(std::move(c));
    start = comma + 1;
  }
  return out;
}

// JSON text columns of the change log are embedded as JSON, not as strings.
json::value ExportValue(const std::string& column, const store::Value& v) {
  if ((column == "before_json" || column == "after_json" || column == "links") &&
      std::holds_alternative<std::string>(v)) {
    boost::system::error_code ec;
    auto parsed = json::parse(std::get<std::string>(v), ec);
    if (!ec) return parsed;
  }
  if ((column == "at" || column.ends_with("_at")) && std::holds_alternative<std::int64_t>(v))
    return json::string(FormatTime(std::get<std::int64_t>(v)));
  return ValueJson(v);
}

// The customer itself and every customer merged into it (their rows live on here).
Result<std::vector<std::int64_t>> ErasureSet(Tx& tx, std::int64_t id) {
  std::vector<std::int64_t> out{id};
  for (std::size_t i = 0; i < out.size() && out.size() < 1000; ++i) {
    ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT customer_id FROM merged_customers WHERE "
                                         "survivor_id = ?",
                                         {out[i]}));
    for (const auto& r : rows) out.push_back(r.Int(0));
  }
  return out;
}

Status EraseOne(Tx& tx, std::int64_t id, Millis now) {
  const std::string name = "Erased customer #" + std::to_string(id);
  RETURN_IF_ERROR(tx.Exec(
      "UPDATE customers SET name = ?, name_folded = ?, tax_id = NULL, tax_id_norm = NULL, "
      "birth_date = NULL, gender = NULL, income_band = NULL, measurements = NULL, notes = NULL, "
      "city = NULL, country = NULL, status = 'erased', archived_at = ?, version = version + 1, "
      "updated_at = ? WHERE id = ?",
      {name, "erased customer #" + std::to_string(id), now, now, id}));
  for (const char* table :
       {"customer_emails", "customer_phones", "customer_addresses", "customer_external_ids",
        "customer_serials", "customer_custom_values"}) {
    RETURN_IF_ERROR(tx.Exec(std::string("DELETE FROM ") + table + " WHERE customer_id = ?", {id}));
  }
  ASSIGN_OR_RETURN(auto contacts, tx.Query("SELECT id FROM contacts WHERE customer_id = ?", {id}));
  for (const auto& r : contacts) {
    RETURN_IF_ERROR(
        tx.Exec("UPDATE contacts SET name = ?, title = NULL, email = NULL, "
                "email_norm = NULL, phone = NULL, phone_norm = NULL, "
                "phone_reversed = NULL, notes = NULL, version = version + 1, "
                "updated_at = ? WHERE id = ?",
                {"Erased contact #" + std::to_string(r.Int(0)), now, r.Int(0)}));
  }
  RETURN_IF_ERROR(
      tx.Exec("UPDATE interactions SET subject = NULL, body = NULL WHERE "
              "customer_id = ?",
              {id}));
  RETURN_IF_ERROR(tx.Exec("UPDATE consents SET source = NULL WHERE customer_id = ?", {id}));
  // Free text and numbers held by service, sales and pipeline records; their amounts,
  // dates and statuses stay for the aggregate figures.
  for (const char* sql : {
           "UPDATE case_notes SET body = '(erased)' WHERE case_id IN "
           "(SELECT id FROM cases WHERE customer_id = ?)",
           "UPDATE cases SET subject = '(erased)', description = NULL, serial = NULL "
           "WHERE customer_id = ?",
           "UPDATE calls SET caller_number = '(erased)', caller_normalized = NULL "
           "WHERE customer_id = ?",
           "UPDATE surveys SET comment = NULL WHERE customer_id = ?",
           "UPDATE orders SET notes = NULL WHERE customer_id = ?",
           "UPDATE tasks SET notes = NULL WHERE customer_id = ?",
       }) {
    RETURN_IF_ERROR(tx.Exec(sql, {id}));
  }
  // Portal accounts of the person: no login, no name, no address.
  ASSIGN_OR_RETURN(auto users, tx.Query("SELECT id, email FROM users WHERE customer_id = ?", {id}));
  for (const auto& r : users) {
    RETURN_IF_ERROR(tx.Exec("DELETE FROM login_attempts WHERE email = ?", {r.Text(1)}));
    RETURN_IF_ERROR(tx.Exec("DELETE FROM auth_tokens WHERE user_id = ?", {r.Int(0)}));
    RETURN_IF_ERROR(
        tx.Exec("UPDATE users SET email = ?, name = 'Erased user', active = 0, "
                "password_hash = '!' WHERE id = ?",
                {"erased-user-" + std::to_string(r.Int(0)) + "@invalid", r.Int(0)}));
  }
  // Stored copies of personal values: the change log's before/after, merge snapshots,
  // replayable create responses, duplicate pairs.
  RETURN_IF_ERROR(
      tx.Exec("UPDATE change_log SET before_json = ?, after_json = ? WHERE "
              "customer_id = ?",
              {"{\"erased\":true}", "{\"erased\":true}", id}));
  RETURN_IF_ERROR(
      tx.Exec("UPDATE merges SET undo_data = NULL WHERE survivor_id = ? OR id IN "
              "(SELECT merge_id FROM merged_customers WHERE customer_id = ?)",
              {id, id}));
  RETURN_IF_ERROR(tx.Exec("DELETE FROM idempotency_keys WHERE body LIKE ?",
                          {"{\"id\":" + std::to_string(id) + ",%"}));
  RETURN_IF_ERROR(
      tx.Exec("DELETE FROM duplicate_pairs WHERE customer_a = ? OR customer_b = ?", {id, id}));
  return Ok();
}

}  // namespace

Result<json::object> ListConsents(const Env& env, const Actor& actor, std::int64_t customer_id) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    RETURN_IF_ERROR(CheckCustomer(tx, actor, Action::kRead, customer_id));
    ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kConsentColumns +
                                             " FROM consents WHERE customer_id = ? "
                                             "ORDER BY occurred_at DESC, id DESC",
                                         {customer_id}));
    json::array history, current;
    std::set<std::string> seen;
    for (const auto& r : rows) {
      json::object o = ConsentJson(r);
      const std::string key = (r.IsNull(2) ? std::string("-") : std::to_string(r.Int(2))) + "|" +
                              r.Text(3) + "|" + r.Text(4);
      if (seen.insert(key).second) current.push_back(o);
      history.push_back(std::move(o));
    }
    out = json::object{{"customer_id", customer_id},
                       {"current", std::move(current)},
                       {"history", std::move(history)}};
    return Ok();
  }));
  return out;
}

Result<json::object> RecordConsent(const Env& env, const Actor& actor, std::int64_t customer_id,
                                   const json::object& body) {
  JsonReader r(body);
  r.Known({"channel", "purpose", "status", "source", "contact_id", "occurred_at"});
  const std::string channel = r.Str("channel").value_or("");
  const std::string purpose = r.Str("purpose").value_or("");
  const std::string status = r.Str("status").value_or("");
  const auto source = r.Str("source");
  const auto contact_id = r.Int("contact_id");
  const Millis now = env.clock.Now();
  const Millis at = r.Time("occurred_at").value_or(now);
  if (!OneOf(channel, kChannels)) r.Error("channel", "must be one of " + Listed(kChannels));
  if (!OneOf(purpose, kPurposes)) r.Error("purpose", "must be one of " + Listed(kPurposes));
  if (status != "granted" && status != "withdrawn")
    r.Error("status", "must be granted or withdrawn");
  if (source && source->size() > 200) r.Error("source", "must be at most 200 characters");
  if (at > now + kMillisPerDay) r.Error("occurred_at", "is in the future");
  RETURN_IF_ERROR(ErrorsToStatus(std::move(r.errors())));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    RETURN_IF_ERROR(CheckCustomer(tx, actor, Action::kCreate, customer_id));
    if (contact_id) {
      ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id FROM contacts WHERE id = ? AND "
                                           "customer_id = ?",
                                           {*contact_id, customer_id}));
      if (rows.empty()) {
        return Fail(Error::InvalidArgument(
            "the contact does not belong to this customer",
            {{"contact_id", "is not a contact of customer " + std::to_string(customer_id)}}));
      }
    }
    ASSIGN_OR_RETURN(auto rows,
                     tx.Query("INSERT INTO consents (customer_id, contact_id, channel, purpose, "
                              "status, source, occurred_at, recorded_by, created_at) VALUES "
                              "(?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                              {customer_id, store::OrNull(contact_id), channel, purpose, status,
                               store::OrNull(source), at, actor.Label(), now}));
    ASSIGN_OR_RETURN(auto row, tx.QueryOne(std::string("SELECT ") + kConsentColumns +
                                               " FROM consents WHERE id = ?",
                                           {rows.front().Int(0)}, "consent"));
    out = ConsentJson(row);
    RETURN_IF_ERROR(LogEntry(tx, env, actor, "consent", out.at("id").as_int64(), customer_id,
                             "create", "", json::serialize(out)));
    return Ok();
  }));
  return out;
}

Result<json::object> DataExport(const Env& env, const Actor& actor, std::int64_t customer_id) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    RETURN_IF_ERROR(CheckCustomer(tx, actor, Action::kRead, customer_id));
    ASSIGN_OR_RETURN(auto defs, store::LoadCustomFieldDefs(tx));
    ASSIGN_OR_RETURN(auto c, store::LoadCustomer(tx, customer_id, defs));
    ASSIGN_OR_RETURN(std::string currency, LedgerCurrencyOrDefault(tx));
    // The data subject (and admins) see every field; other staff as their role allows.
    const bool all = actor.role == domain::Role::kAdmin || actor.role == domain::Role::kCustomer;
    out["format"] = "chaincrm.data-export.v1";
    out["generated_at"] = FormatTime(env.clock.Now());
    out["customer"] = CustomerToJson(
        c, all ? domain::SensitiveVisibility{true, true, true} : domain::SensitiveFor(actor.role),
        currency);
    json::object tables;
    for (const auto& link : store::CustomerLinks()) {
      const auto cols = Columns(link.columns);
      json::array rows_json;
      RETURN_IF_ERROR(tx.ForEach(
          "SELECT " + std::string(link.columns) + " FROM " + std::string(link.table) + " WHERE " +
              std::string(link.column) + " = ? ORDER BY " + std::string(link.order_by),
          {customer_id}, [&](const store::Row& r) -> Status {
            json::object o;
            for (std::size_t i = 0; i < cols.size() && i < r.size(); ++i)
              o[cols[i]] = ExportValue(cols[i], r[i]);
            rows_json.push_back(std::move(o));
            return Ok();
          }));
      const std::string key = link.table == "customers" ? "child_customers"
                              : link.table == "users"   ? "portal_users"
                                                        : std::string(link.table);
      tables[key] = std::move(rows_json);
    }
    out["records"] = std::move(tables);
    return Ok();
  }));
  return out;
}

Result<json::object> EraseCustomer(const Env& env, const Actor& actor, std::int64_t customer_id,
                                   const json::object& body) {
  if (actor.role != domain::Role::kAdmin)
    return Fail(Error::PermissionDenied("only an admin may erase a customer"));
  JsonReader r(body);
  r.Known({"reason"});
  const std::string reason = std::string(Trim(r.Str("reason").value_or("")));
  if (reason.empty()) r.Error("reason", "is required");
  if (reason.size() > 500) r.Error("reason", "must be at most 500 characters");
  RETURN_IF_ERROR(ErrorsToStatus(std::move(r.errors())));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    const Millis now = env.clock.Now();
    ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT status FROM customers WHERE id = ?",
                                           {customer_id}, "customer not found"));
    if (row.Text(0) == "erased") return Fail(Error::Aborted("the customer is already erased"));
    ASSIGN_OR_RETURN(auto ids, ErasureSet(tx, customer_id));
    for (auto id : ids) RETURN_IF_ERROR(EraseOne(tx, id, now));
    ASSIGN_OR_RETURN(auto created, tx.Query("INSERT INTO erasures (customer_id, reason, actor, "
                                            "erased_at) VALUES (?, ?, ?, ?) RETURNING id",
                                            {customer_id, reason, actor.Label(), now}));
    ASSIGN_OR_RETURN(auto totals, tx.Query("SELECT COUNT(*), COALESCE(SUM(revenue), 0) FROM "
                                           "purchases WHERE customer_id = ?",
                                           {customer_id}));
    json::array erased_ids;
    for (auto id : ids) erased_ids.push_back(id);
    out = json::object{{"id", created.front().Int(0)},
                       {"customer_id", customer_id},
                       {"erased_customer_ids", erased_ids},
                       {"reason", reason},
                       {"erased_at", FormatTime(now)},
                       {"kept", json::object{{"purchases", totals.front().Int(0)},
                                             {"revenue_minor", totals.front().Int(1)}}}};
    // The audit entry names who, when and why; never the erased values.
    RETURN_IF_ERROR(
        LogEntry(tx, env, actor, "customer", customer_id, customer_id, "erase", "",
                 json::serialize(json::object{
                     {"erased", true}, {"reason", reason}, {"erased_customer_ids", erased_ids}})));
    return Ok();
  }));
  return out;
}

}  // namespace chaincrm::services
