#include "services/sla_config.h"

#include <array>
#include <string_view>
#include <vector>

#include "services/json_util.h"
#include "store/change_log.h"

namespace chaincrm::services {

namespace json = boost::json;
using store::Tx;

namespace {

constexpr std::array<std::string_view, 7> kDays = {"monday", "tuesday",  "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 6> kTiers = {"any",     "key",   "potential",
                                                    "general", "large", "small"};
constexpr std::array<std::string_view, 5> kPriorities = {"any", "low", "normal", "high", "urgent"};

template <std::size_t N>
bool OneOf(const std::array<std::string_view, N>& set, std::string_view v) {
  for (auto s : set)
    if (s == v) return true;
  return false;
}

Status Log(Tx& tx, const Env& env, const Actor& actor, std::string entity, std::int64_t id,
           std::string op, const std::string& before, const std::string& after) {
  store::ChangeEntry e;
  e.at = env.clock.Now();
  e.actor = actor.Label();
  e.entity = std::move(entity);
  e.entity_id = id;
  e.op = std::move(op);
  e.before_json = before;
  e.after_json = after;
  e.request_id = actor.request_id;
  RETURN_IF_ERROR(store::AppendChange(tx, e));
  return Ok();
}

// ---- calendars ------------------------------------------------------------------------

struct Calendar {
  std::int64_t id = 0;
  std::string name;
  analytics::BusinessCalendarSpec spec;
  std::vector<std::pair<std::string, std::string>> holidays;  // date, name
  bool is_default = false;
  std::int64_t version = 1;
  Millis created_at = 0, updated_at = 0;
};

json::object HoursJson(const analytics::BusinessCalendarSpec& spec) {
  json::object o;
  for (std::size_t d = 0; d < 7; ++d) o[kDays[d]] = analytics::FormatWorkingHours(spec.week[d]);
  return o;
}

json::object CalendarJson(const Calendar& c) {
  json::array holidays;
  for (const auto& [day, name] : c.holidays)
    holidays.push_back(json::object{{"date", day}, {"name", name}});
  return {{"id", c.id},
          {"name", c.name},
          {"time_zone", c.spec.time_zone},
          {"working_hours", HoursJson(c.spec)},
          {"holidays", std::move(holidays)},
          {"is_default", c.is_default},
          {"version", c.version},
          {"created_at", FormatTime(c.created_at)},
          {"updated_at", FormatTime(c.updated_at)}};
}

// Reads the JSON working-hours object into spec.week; errors are named after the day.
void ReadHours(const json::value& v, analytics::BusinessCalendarSpec& spec, JsonReader& r) {
  if (!v.is_object()) {
    r.Error("working_hours", "must be an object from weekday to \"HH:MM-HH:MM,...\"");
    return;
  }
  for (auto& d : spec.week) d.clear();
  for (const auto& [key, val] : v.as_object()) {
    std::size_t day = 7;
    for (std::size_t i = 0; i < 7; ++i)
      if (kDays[i] == std::string_view(key)) day = i;
    const std::string field = "working_hours." + std::string(key);
    if (day == 7) {
      r.errors().push_back({field, "is not a weekday (monday ... sunday)"});
      continue;
    }
    if (val.is_null()) continue;
    if (!val.is_string()) {
      r.errors().push_back({field, "must be a string like \"09:00-12:00,13:00-18:00\""});
      continue;
    }
    auto parsed = analytics::ParseWorkingHours(val.as_string());
    if (!parsed) {
      r.errors().push_back({field, parsed.error().message()});
      continue;
    }
    spec.week[day] = std::move(*parsed);
  }
}

void ReadHolidays(const json::value& v, Calendar& c, JsonReader& r) {
  if (!v.is_array()) {
    r.Error("holidays", "must be an array of dates or {date, name}");
    return;
  }
  c.holidays.clear();
  for (std::size_t i = 0; i < v.as_array().size(); ++i) {
    const auto& h = v.as_array()[i];
    const std::string field = "holidays[" + std::to_string(i) + "]";
    std::string date, name;
    if (h.is_string()) {
      date = h.as_string();
    } else if (h.is_object() && h.as_object().if_contains("date") &&
               h.as_object().at("date").is_string()) {
      date = h.as_object().at("date").as_string();
      if (const auto* n = h.as_object().if_contains("name"); n && n->is_string())
        name = n->as_string();
    } else {
      r.errors().push_back({field, "must be a date YYYY-MM-DD or {date, name}"});
      continue;
    }
    if (date.size() != 10 || !ParseDate(date)) {
      r.errors().push_back({field, "must be a date YYYY-MM-DD"});
      continue;
    }
    c.holidays.emplace_back(date, name);
  }
}

// Applies the body's fields to c, validating everything (a clock must be constructible).
Status ApplyCalendar(const json::object& body, Calendar& c, bool create) {
  JsonReader r(body);
  r.Known({"name", "time_zone", "working_hours", "holidays", "is_default"});
  if (auto v = r.Str("name")) c.name = *v;
  if (auto v = r.Str("time_zone")) c.spec.time_zone = *v;
  if (const auto* v = r.Get("working_hours")) ReadHours(*v, c.spec, r);
  if (const auto* v = r.Get("holidays")) ReadHolidays(*v, c, r);
  if (auto v = r.Bool("is_default")) c.is_default = *v;
  if (create && !r.Has("name")) r.Error("name", "is required");
  if (create && !r.Has("working_hours")) r.Error("working_hours", "is required");
  if (c.name.empty() || c.name.size() > 200) r.Error("name", "must be 1 to 200 characters");
  if (r.errors().empty()) {
    c.spec.holidays.clear();
    for (const auto& [day, name] : c.holidays)
      c.spec.holidays.push_back(*ParseDate(day) / kMillisPerDay);
    auto clock = analytics::BusinessClock::Make(c.spec);
    if (!clock) return Fail(clock.error());
  }
  return ErrorsToStatus(std::move(r.errors()));
}

Result<Calendar> LoadCalendar(Tx& tx, std::int64_t id) {
  ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT id, name, time_zone, working_hours, is_default, "
                                         "version, created_at, updated_at FROM business_calendars "
                                         "WHERE id = ?",
                                         {id}, "calendar " + std::to_string(id)));
  Calendar c;
  c.id = row.Int(0);
  c.name = row.Text(1);
  c.spec.time_zone = row.Text(2);
  JsonReader dummy(json::object{});
  std::error_code ec;
  const json::value hours = json::parse(row.Text(3), ec);
  if (ec) return Fail(Error::Internal("stored working hours do not parse"));
  ReadHours(hours, c.spec, dummy);
  c.is_default = row.Int(4) != 0;
  c.version = row.Int(5);
  c.created_at = row.Int(6);
  c.updated_at = row.Int(7);
  ASSIGN_OR_RETURN(auto hs,
                   tx.Query("SELECT day, name FROM calendar_holidays WHERE calendar_id = ? "
                            "ORDER BY day",
                            {id}));
  for (const auto& h : hs) {
    c.holidays.emplace_back(h.Text(0), h.Text(1));
    c.spec.holidays.push_back(*ParseDate(h.Text(0)) / kMillisPerDay);
  }
  return c;
}

Status SaveCalendar(Tx& tx, Calendar& c, bool create, Millis now) {
  const std::string hours = json::serialize(HoursJson(c.spec));
  if (c.is_default) RETURN_IF_ERROR(tx.Exec("UPDATE business_calendars SET is_default = 0"));
  if (create) {
    ASSIGN_OR_RETURN(
        auto rows,
        tx.Query("INSERT INTO business_calendars (name, time_zone, working_hours, "
                 "is_default, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                 "RETURNING id",
                 {c.name, c.spec.time_zone, hours, std::int64_t{c.is_default}, now, now}));
    c.id = rows.front().Int(0);
    c.created_at = now;
  } else {
    ++c.version;
    RETURN_IF_ERROR(tx.Exec(
        "UPDATE business_calendars SET name = ?, time_zone = ?, working_hours = ?, "
        "is_default = ?, version = ?, updated_at = ? WHERE id = ?",
        {c.name, c.spec.time_zone, hours, std::int64_t{c.is_default}, c.version, now, c.id}));
    RETURN_IF_ERROR(tx.Exec("DELETE FROM calendar_holidays WHERE calendar_id = ?", {c.id}));
  }
  c.updated_at = now;
  for (const auto& [day, name] : c.holidays) {
    RETURN_IF_ERROR(
        tx.Exec("INSERT INTO calendar_holidays (calendar_id, day, name) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                {c.id, day, name}));
  }
  return Ok();
}

// ---- policies -------------------------------------------------------------------------

json::object PolicyJson(const SlaPolicy& p, std::int64_t version, Millis created, Millis updated) {
  return {{"id", p.id},
          {"name", p.name},
          {"tier", p.tier},
          {"priority", p.priority},
          {"calendar_id", p.calendar_id},
          {"first_response_minutes", p.first_response_minutes},
          {"resolution_minutes", p.resolution_minutes},
          {"warning_percent", p.warning_percent},
          {"escalation_owner_id", OptJson(p.escalation_owner_id)},
          {"escalation_queue", OptJson(p.escalation_queue)},
          {"version", version},
          {"created_at", FormatTime(created)},
          {"updated_at", FormatTime(updated)}};
}

constexpr std::string_view kPolicyColumns =
    "id, name, tier, priority, calendar_id, first_response_minutes, resolution_minutes, "
    "warning_percent, escalation_owner_id, escalation_queue, version, created_at, updated_at";

SlaPolicy PolicyFromRow(const store::Row& r) {
  SlaPolicy p;
  p.id = r.Int(0);
  p.name = r.Text(1);
  p.tier = r.Text(2);
  p.priority = r.Text(3);
  p.calendar_id = r.Int(4);
  p.first_response_minutes = r.Int(5);
  p.resolution_minutes = r.Int(6);
  p.warning_percent = r.Int(7);
  p.escalation_owner_id = r.OptInt(8);
  p.escalation_queue = r.OptText(9);
  return p;
}

Result<json::object> PolicyJsonById(Tx& tx, std::int64_t id) {
  ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT " + std::string(kPolicyColumns) +
                                             " FROM sla_policies WHERE id = ?",
                                         {id}, "SLA policy " + std::to_string(id)));
  return PolicyJson(PolicyFromRow(row), row.Int(10), row.Int(11), row.Int(12));
}

Status ApplyPolicy(Tx& tx, const json::object& body, SlaPolicy& p, bool create) {
  JsonReader r(body);
  r.Known({"name", "tier", "priority", "calendar_id", "first_response_minutes",
           "resolution_minutes", "warning_percent", "escalation_owner_id", "escalation_queue"});
  if (auto v = r.Str("name")) p.name = *v;
  if (auto v = r.Str("tier")) p.tier = *v;
  if (auto v = r.Str("priority")) p.priority = *v;
  if (auto v = r.Int("calendar_id")) p.calendar_id = *v;
  if (auto v = r.Int("first_response_minutes")) p.first_response_minutes = *v;
  if (auto v = r.Int("resolution_minutes")) p.resolution_minutes = *v;
  if (auto v = r.Int("warning_percent")) p.warning_percent = *v;
  if (r.IsNull("escalation_owner_id"))
    p.escalation_owner_id.reset();
  else if (auto v = r.Int("escalation_owner_id"))
    p.escalation_owner_id = *v;
  if (r.IsNull("escalation_queue"))
    p.escalation_queue.reset();
  else if (auto v = r.Str("escalation_queue"))
    p.escalation_queue = *v;
  if (create) {
    for (auto key : {"name", "first_response_minutes", "resolution_minutes"})
      if (!r.Has(key)) r.Error(key, "is required");
  }
  if (p.name.empty() || p.name.size() > 200) r.Error("name", "must be 1 to 200 characters");
  if (!OneOf(kTiers, p.tier))
    r.Error("tier", "must be any, key, potential, general, large or small");
  if (!OneOf(kPriorities, p.priority))
    r.Error("priority", "must be any, low, normal, high or urgent");
  if (p.first_response_minutes < 1 || p.first_response_minutes > 525600)
    r.Error("first_response_minutes", "must be 1 to 525600");
  if (p.resolution_minutes < 1 || p.resolution_minutes > 5256000)
    r.Error("resolution_minutes", "must be 1 to 5256000");
  else if (p.resolution_minutes < p.first_response_minutes)
    r.Error("resolution_minutes", "must not be shorter than first_response_minutes");
  if (p.warning_percent < 1 || p.warning_percent > 99)
    r.Error("warning_percent", "must be 1 to 99");
  if (p.escalation_queue && p.escalation_queue->size() > 100)
    r.Error("escalation_queue", "must be at most 100 characters");
  if (r.errors().empty()) {
    ASSIGN_OR_RETURN(auto cal,
                     tx.Query("SELECT id FROM business_calendars WHERE id = ?", {p.calendar_id}));
    if (cal.empty())
      r.Error("calendar_id", "calendar " + std::to_string(p.calendar_id) + " does not exist");
    if (p.escalation_owner_id) {
      ASSIGN_OR_RETURN(auto u,
                       tx.Query("SELECT id FROM users WHERE id = ?", {*p.escalation_owner_id}));
      if (u.empty()) r.Error("escalation_owner_id", "user does not exist");
    }
  }
  return ErrorsToStatus(std::move(r.errors()));
}

Result<std::int64_t> DefaultCalendarId(Tx& tx) {
  ASSIGN_OR_RETURN(auto rows,
                   tx.Query("SELECT id FROM business_calendars ORDER BY is_default DESC, "
                            "id LIMIT 1"));
  if (rows.empty())
    return Fail(Error::InvalidArgument("no calendar exists", {{"calendar_id", "is required"}}));
  return rows.front().Int(0);
}

Status CheckVersion(std::int64_t have, std::int64_t if_match) {
  if (have != if_match)
    return Fail(Error::FailedPrecondition("the record changed (version " + std::to_string(have) +
                                          "); reload it and try again"));
  return Ok();
}

}  // namespace

Result<json::object> CreateCalendar(const Env& env, const Actor& actor, const json::object& body) {
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    Calendar c;
    c.spec.time_zone = "UTC";
    RETURN_IF_ERROR(ApplyCalendar(body, c, true));
    RETURN_IF_ERROR(SaveCalendar(tx, c, true, env.clock.Now()));
    out = CalendarJson(c);
    return Log(tx, env, actor, "business_calendar", c.id, "create", "", json::serialize(out));
  }));
  return out;
}

Result<json::object> GetCalendar(const Env& env, std::int64_t id) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Calendar c, LoadCalendar(tx, id));
    out = CalendarJson(c);
    return Ok();
  }));
  return out;
}

Result<json::object> ListCalendars(const Env& env) {
  json::array data;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id FROM business_calendars ORDER BY id"));
    for (const auto& r : rows) {
      ASSIGN_OR_RETURN(Calendar c, LoadCalendar(tx, r.Int(0)));
      data.push_back(CalendarJson(c));
    }
    return Ok();
  }));
  return json::object{{"data", std::move(data)}};
}

Result<json::object> PatchCalendar(const Env& env, const Actor& actor, std::int64_t id,
                                   const json::object& patch, std::int64_t if_match) {
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Calendar c, LoadCalendar(tx, id));
    RETURN_IF_ERROR(CheckVersion(c.version, if_match));
    const std::string before = json::serialize(CalendarJson(c));
    RETURN_IF_ERROR(ApplyCalendar(patch, c, false));
    RETURN_IF_ERROR(SaveCalendar(tx, c, false, env.clock.Now()));
    out = CalendarJson(c);
    return Log(tx, env, actor, "business_calendar", c.id, "update", before, json::serialize(out));
  }));
  return out;
}

Status DeleteCalendar(const Env& env, const Actor& actor, std::int64_t id) {
  return env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Calendar c, LoadCalendar(tx, id));
    if (c.is_default) return Fail(Error::AlreadyExists("the default calendar cannot be deleted"));
    ASSIGN_OR_RETURN(auto used,
                     tx.Query("SELECT id FROM sla_policies WHERE calendar_id = ? LIMIT 1", {id}));
    if (!used.empty())
      return Fail(Error::AlreadyExists("calendar " + std::to_string(id) +
                                       " is used by SLA policy " +
                                       std::to_string(used.front().Int(0))));
    RETURN_IF_ERROR(tx.Exec("UPDATE case_sla SET calendar_id = NULL WHERE calendar_id = ?", {id}));
    RETURN_IF_ERROR(tx.Exec("DELETE FROM business_calendars WHERE id = ?", {id}));
    return Log(tx, env, actor, "business_calendar", id, "delete", json::serialize(CalendarJson(c)),
               "");
  });
}

Result<json::object> CreatePolicy(const Env& env, const Actor& actor, const json::object& body) {
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    SlaPolicy p;
    p.tier = "any";
    p.priority = "any";
    ASSIGN_OR_RETURN(p.calendar_id, DefaultCalendarId(tx));
    RETURN_IF_ERROR(ApplyPolicy(tx, body, p, true));
    ASSIGN_OR_RETURN(auto dup,
                     tx.Query("SELECT id FROM sla_policies WHERE tier = ? AND priority = ?",
                              {p.tier, p.priority}));
    if (!dup.empty())
      return Fail(Error::AlreadyExists("SLA policy " + std::to_string(dup.front().Int(0)) +
                                       " already covers tier " + p.tier + " and priority " +
                                       p.priority));
    const Millis now = env.clock.Now();
    ASSIGN_OR_RETURN(
        auto rows,
        tx.Query("INSERT INTO sla_policies (name, tier, priority, calendar_id, "
                 "first_response_minutes, resolution_minutes, warning_percent, "
                 "escalation_owner_id, escalation_queue, created_at, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {p.name, p.tier, p.priority, p.calendar_id, p.first_response_minutes,
                  p.resolution_minutes, p.warning_percent, store::OrNull(p.escalation_owner_id),
                  store::OrNull(p.escalation_queue), now, now}));
    ASSIGN_OR_RETURN(out, PolicyJsonById(tx, rows.front().Int(0)));
    return Log(tx, env, actor, "sla_policy", rows.front().Int(0), "create", "",
               json::serialize(out));
  }));
  return out;
}

Result<json::object> GetPolicy(const Env& env, std::int64_t id) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(out, PolicyJsonById(tx, id));
    return Ok();
  }));
  return out;
}

Result<json::object> ListPolicies(const Env& env) {
  json::array data;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT " + std::string(kPolicyColumns) +
                                         " FROM sla_policies ORDER BY id"));
    for (const auto& r : rows)
      data.push_back(PolicyJson(PolicyFromRow(r), r.Int(10), r.Int(11), r.Int(12)));
    return Ok();
  }));
  return json::object{{"data", std::move(data)}};
}

Result<json::object> PatchPolicy(const Env& env, const Actor& actor, std::int64_t id,
                                 const json::object& patch, std::int64_t if_match) {
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT " + std::string(kPolicyColumns) +
                                               " FROM sla_policies WHERE id = ?",
                                           {id}, "SLA policy " + std::to_string(id)));
    SlaPolicy p = PolicyFromRow(row);
    RETURN_IF_ERROR(CheckVersion(row.Int(10), if_match));
    const std::string before =
        json::serialize(PolicyJson(p, row.Int(10), row.Int(11), row.Int(12)));
    RETURN_IF_ERROR(ApplyPolicy(tx, patch, p, false));
    ASSIGN_OR_RETURN(auto dup,
                     tx.Query("SELECT id FROM sla_policies WHERE tier = ? AND priority = ? "
                              "AND id <> ?",
                              {p.tier, p.priority, id}));
    if (!dup.empty())
      return Fail(Error::AlreadyExists("SLA policy " + std::to_string(dup.front().Int(0)) +
                                       " already covers tier " + p.tier + " and priority " +
                                       p.priority));
    RETURN_IF_ERROR(
        tx.Exec("UPDATE sla_policies SET name = ?, tier = ?, priority = ?, calendar_id = ?, "
                "first_response_minutes = ?, resolution_minutes = ?, warning_percent = ?, "
                "escalation_owner_id = ?, escalation_queue = ?, version = version + 1, "
                "updated_at = ? WHERE id = ?",
                {p.name, p.tier, p.priority, p.calendar_id, p.first_response_minutes,
                 p.resolution_minutes, p.warning_percent, store::OrNull(p.escalation_owner_id),
                 store::OrNull(p.escalation_queue), env.clock.Now(), id}));
    ASSIGN_OR_RETURN(out, PolicyJsonById(tx, id));
    return Log(tx, env, actor, "sla_policy", id, "update", before, json::serialize(out));
  }));
  return out;
}

Status DeletePolicy(const Env& env, const Actor& actor, std::int64_t id) {
  return env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(json::object before, PolicyJsonById(tx, id));
    RETURN_IF_ERROR(tx.Exec("DELETE FROM sla_policies WHERE id = ?", {id}));
    return Log(tx, env, actor, "sla_policy", id, "delete", json::serialize(before), "");
  });
}

Result<analytics::BusinessClock> LoadBusinessClock(Tx& tx, std::int64_t calendar_id) {
  ASSIGN_OR_RETURN(Calendar c, LoadCalendar(tx, calendar_id));
  return analytics::BusinessClock::Make(c.spec);
}

Result<SlaPolicy> LoadPolicy(Tx& tx, std::int64_t id) {
  ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT " + std::string(kPolicyColumns) +
                                             " FROM sla_policies WHERE id = ?",
                                         {id}, "SLA policy " + std::to_string(id)));
  return PolicyFromRow(row);
}

Result<std::optional<SlaPolicy>> SelectPolicy(Tx& tx, const std::optional<std::string>& value_class,
                                              const std::optional<std::string>& account_size,
                                              std::string_view priority) {
  std::vector<std::string> tiers;
  if (value_class) tiers.push_back(*value_class);
  if (account_size) tiers.push_back(*account_size);
  tiers.push_back("any");
  for (const std::string& prio : {std::string(priority), std::string("any")}) {
    for (const auto& tier : tiers) {
      ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT " + std::string(kPolicyColumns) +
                                               " FROM sla_policies WHERE tier = ? AND priority = ?",
                                           {tier, prio}));
      if (!rows.empty()) return std::optional<SlaPolicy>(PolicyFromRow(rows.front()));
    }
  }
  return std::optional<SlaPolicy>();
}

}  // namespace chaincrm::services
