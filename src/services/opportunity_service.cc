#include "services/opportunity_service.h"

#include "core/money.h"
#include "services/json_util.h"
#include "services/sales_common.h"
#include "services/user_ref.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::Resource;
using domain::Stage;
using store::Tx;

namespace {

struct Opportunity {
  std::int64_t id = 0, customer_id = 0;
  std::string name;
  std::int64_t amount_minor = 0;
  std::string currency;
  std::optional<std::int64_t> owner_id;
  Millis expected_close = 0;
  Stage stage = Stage::kNeedCollection;
  Millis stage_since = 0;
  std::optional<std::string> lost_reason;
  std::optional<Millis> closed_at;
  std::int64_t version = 0;
  Millis created_at = 0, updated_at = 0;
};

constexpr std::string_view kSelect =
    "SELECT id, customer_id, name, amount_minor, currency, owner_id, expected_close, stage, "
    "stage_since, lost_reason, closed_at, version, created_at, updated_at FROM opportunities ";

Opportunity FromRow(const store::Row& r) {
  Opportunity o;
  o.id = r.Int(0);
  o.customer_id = r.Int(1);
  o.name = r.Text(2);
  o.amount_minor = r.Int(3);
  o.currency = r.Text(4);
  o.owner_id = r.OptInt(5);
  o.expected_close = r.Int(6);
  o.stage = domain::ParseStage(r.Text(7)).value_or(Stage::kNeedCollection);
  o.stage_since = r.Int(8);
  o.lost_reason = r.OptText(9);
  o.closed_at = r.OptInt(10);
  o.version = r.Int(11);
  o.created_at = r.Int(12);
  o.updated_at = r.Int(13);
  return o;
}

Result<Opportunity> Load(Tx& tx, std::int64_t id) {
  ASSIGN_OR_RETURN(auto row, tx.QueryOne(std::string(kSelect) + "WHERE id = ?", {id},
                                         "opportunity " + std::to_string(id) + " not found"));
  return FromRow(row);
}

json::object ToJson(const Opportunity& o, const domain::StageProbabilities& p, Millis now) {
  const int percent = p.Percent(o.stage);
  return {{"id", o.id},
          {"customer_id", o.customer_id},
          {"name", o.name},
          {"amount", MoneyJson(o.amount_minor, o.currency)},
          {"owner_id", OptJson(o.owner_id)},
          {"expected_close", FormatDate(o.expected_close)},
          {"stage", domain::StageName(o.stage)},
          {"probability", percent},
          {"weighted_amount", MoneyJson(domain::Weighted(o.amount_minor, percent), o.currency)},
          {"stage_since", FormatTime(o.stage_since)},
          {"days_in_stage", (now - o.stage_since) / kMillisPerDay},
          {"lost_reason", OptJson(o.lost_reason)},
          {"closed_at", OptTime(o.closed_at)},
          {"version", o.version},
          {"created_at", FormatTime(o.created_at)},
          {"updated_at", FormatTime(o.updated_at)}};
}

// Reads the writable fields present in `body` into `o`; `create` makes the required ones
// required.
std::vector<FieldError> ReadFields(const json::object& body, bool create, Opportunity& o) {
  JsonReader r(body);
  r.Known({"customer_id", "name", "amount", "owner_id", "expected_close", "stage", "lost_reason"});
  if (create) {
    if (auto v = r.Int("customer_id"))
      o.customer_id = *v;
    else if (!r.Has("customer_id"))
      r.Error("customer_id", "is required");
  } else if (r.Has("customer_id")) {
    r.Error("customer_id", "cannot be changed");
  }
  if (auto v = r.Str("name")) {
    if (v->empty() || v->size() > 200) r.Error("name", "must be 1 to 200 characters");
    o.name = *v;
  } else if (create && !r.Has("name")) {
    r.Error("name", "is required");
  }
  if (auto m = r.Money("amount")) {
    // The cap keeps amount × percent and the board's sums far from overflow.
    if (m->first < 0 || m->first > 100'000'000'000'000)
      r.Error("amount", "must be from 0 to 1000000000000.00");
    o.amount_minor = m->first;
    o.currency = m->second;
  } else if (create && !r.Has("amount")) {
    r.Error("amount", "is required");
  }
  if (r.IsNull("owner_id"))
    o.owner_id.reset();
  else if (auto v = r.Int("owner_id"))
    o.owner_id = *v;
  if (auto t = r.Time("expected_close"))
    o.expected_close = *t;
  else if (create && !r.Has("expected_close"))
    r.Error("expected_close", "is required");
  if (auto s = r.Str("stage")) {
    if (auto st = domain::ParseStage(*s))
      o.stage = *st;
    else
      r.Error("stage",
              "must be one of need_collection, solution_design, selling, follow_up, won, lost");
  }
  if (r.IsNull("lost_reason"))
    o.lost_reason.reset();
  else if (auto v = r.Str("lost_reason"))
    o.lost_reason = *v;
  return std::move(r.errors());
}

Status Validate(Tx& tx, const Opportunity& o, std::vector<FieldError> errs) {
  if (o.stage == Stage::kLost && (!o.lost_reason || o.lost_reason->empty()))
    errs.push_back({"lost_reason", "is required when the opportunity is lost"});
  if (o.owner_id) {
    ASSIGN_OR_RETURN(bool exists, UserExists(tx, *o.owner_id));
    if (!exists)
      errs.push_back({"owner_id", "user " + std::to_string(*o.owner_id) + " does not exist"});
  }
  return ErrorsToStatus(std::move(errs));
}

Status EnterStage(Tx& tx, const Actor& actor, std::int64_t id, Stage stage, Millis now) {
  RETURN_IF_ERROR(
      tx.Exec("UPDATE opportunity_stage_history SET left_at = ? WHERE opportunity_id = ? AND "
              "left_at IS NULL",
              {now, id}));
  RETURN_IF_ERROR(
      tx.Exec("INSERT INTO opportunity_stage_history (opportunity_id, stage, entered_at, actor) "
              "VALUES (?, ?, ?, ?)",
              {id, std::string(domain::StageName(stage)), now, actor.Label()}));
  return Ok();
}

std::string ProbabilityKey(Stage s) {
  return std::string("pipeline.probability.") + domain::StageName(s);
}

Status CheckAnyRead(const Actor& actor) {
  if (domain::Allowed(actor.role, Resource::kOpportunities, Action::kRead) == domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not read the pipeline"));
  return Ok();
}

}  // namespace

Result<domain::StageProbabilities> LoadStageProbabilities(Tx& tx) {
  domain::StageProbabilities p;
  ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT name, value FROM settings WHERE name LIKE "
                                       "'pipeline.probability.%'"));
  for (const auto& r : rows) {
    const std::string name = r.Text(0).substr(std::string("pipeline.probability.").size());
    auto stage = domain::ParseStage(name);
    if (!stage) continue;
    try {
      p.Set(*stage, std::stoi(r.Text(1)));
    } catch (...) {
      // An unreadable stored value keeps the default.
    }
  }
  return p;
}

Result<json::object> CreateOpportunity(const Env& env, const Actor& actor,
                                       const json::object& body) {
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    Opportunity o;
    auto errs = ReadFields(body, true, o);
    if (!errs.empty()) return ErrorsToStatus(std::move(errs));
    RETURN_IF_ERROR(
        CheckCustomerAccess(tx, actor, Resource::kOpportunities, Action::kCreate, o.customer_id));
    if (actor.role == domain::Role::kSales && !o.owner_id) o.owner_id = actor.user_id;
    RETURN_IF_ERROR(Validate(tx, o, {}));
    const Millis now = env.clock.Now();
    o.stage_since = o.created_at = o.updated_at = now;
    if (domain::IsClosed(o.stage)) o.closed_at = now;
    if (o.stage != Stage::kLost) o.lost_reason.reset();
    o.version = 1;
    ASSIGN_OR_RETURN(
        auto rows,
        tx.Query("INSERT INTO opportunities (customer_id, name, amount_minor, currency, owner_id, "
                 "expected_close, stage, stage_since, lost_reason, closed_at, version, created_at, "
                 "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                 {o.customer_id, o.name, o.amount_minor, o.currency, store::OrNull(o.owner_id),
                  o.expected_close, std::string(domain::StageName(o.stage)), o.stage_since,
                  store::OrNull(o.lost_reason), store::OrNull(o.closed_at), now, now}));
    o.id = rows.front().Int(0);
    RETURN_IF_ERROR(EnterStage(tx, actor, o.id, o.stage, now));
    ASSIGN_OR_RETURN(auto p, LoadStageProbabilities(tx));
    out = ToJson(o, p, now);
    return LogSalesChange(tx, env, actor, "opportunity", o.id, o.customer_id, "create", "", out);
  }));
  return out;
}

Result<json::object> GetOpportunity(const Env& env, const Actor& actor, std::int64_t id) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto o, Load(tx, id));
    RETURN_IF_ERROR(
        CheckScope(actor, Resource::kOpportunities, Action::kRead, o.customer_id, o.owner_id));
    ASSIGN_OR_RETURN(auto p, LoadStageProbabilities(tx));
    const Millis now = env.clock.Now();
    out = ToJson(o, p, now);
    ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT stage, entered_at, left_at, actor FROM "
                                         "opportunity_stage_history WHERE opportunity_id = ? "
                                         "ORDER BY id",
                                         {id}));
    json::array history;
    for (const auto& r : rows) {
      const Millis entered = r.Int(1);
      const auto left = r.OptInt(2);
      const Millis ms = left.value_or(now) - entered;
      history.push_back(
          json::object{{"stage", r.Text(0)},
                       {"entered_at", FormatTime(entered)},
                       {"left_at", OptTime(left)},
                       {"duration_ms", ms},
                       {"days", static_cast<double>(ms) / static_cast<double>(kMillisPerDay)},
                       {"actor", r.Text(3)}});
    }
    out["stage_history"] = std::move(history);
    return Ok();
  }));
  return out;
}

Result<json::object> PatchOpportunity(const Env& env, const Actor& actor, std::int64_t id,
                                      const json::object& patch, std::int64_t if_match) {
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto o, Load(tx, id));
    RETURN_IF_ERROR(
        CheckScope(actor, Resource::kOpportunities, Action::kRead, o.customer_id, o.owner_id));
    RETURN_IF_ERROR(
        CheckScope(actor, Resource::kOpportunities, Action::kUpdate, o.customer_id, o.owner_id));
    if (o.version != if_match) {
      return Fail(
          Error::FailedPrecondition("the opportunity was changed since you read it (version " +
                                    std::to_string(o.version) + ")"));
    }
    ASSIGN_OR_RETURN(auto p, LoadStageProbabilities(tx));
    const Millis now = env.clock.Now();
    const json::object before = ToJson(o, p, now);
    Opportunity u = o;
    auto errs = ReadFields(patch, false, u);
    RETURN_IF_ERROR(Validate(tx, u, std::move(errs)));
    const bool moved = u.stage != o.stage;
    if (u.stage != Stage::kLost) u.lost_reason.reset();
    if (moved) {
      u.stage_since = now;
      u.closed_at = domain::IsClosed(u.stage) ? std::optional(now) : std::nullopt;
      RETURN_IF_ERROR(EnterStage(tx, actor, id, u.stage, now));
    }
    u.updated_at = now;
    u.version = o.version + 1;
    ASSIGN_OR_RETURN(
        auto n, tx.Exec("UPDATE opportunities SET name = ?, amount_minor = ?, currency = ?, "
                        "owner_id = ?, expected_close = ?, stage = ?, stage_since = ?, "
                        "lost_reason = ?, closed_at = ?, version = ?, updated_at = ? "
                        "WHERE id = ? AND version = ?",
                        {u.name, u.amount_minor, u.currency, store::OrNull(u.owner_id),
                         u.expected_close, std::string(domain::StageName(u.stage)), u.stage_since,
                         store::OrNull(u.lost_reason), store::OrNull(u.closed_at), u.version, now,
                         id, if_match}));
    if (n != 1)
      return Fail(Error::FailedPrecondition("the opportunity was changed since you read it"));
    out = ToJson(u, p, now);
    return LogSalesChange(tx, env, actor, "opportunity", id, u.customer_id,
                          moved ? "stage" : "update", json::serialize(before), out);
  }));
  return out;
}

Result<json::object> ListOpportunities(const Env& env, const Actor& actor,
                                       const OpportunityListQuery& q) {
  RETURN_IF_ERROR(CheckAnyRead(actor));
  RETURN_IF_ERROR(CheckListLimit(q.limit));
  ASSIGN_OR_RETURN(auto after, ParseIdCursor(q.cursor));
  std::string sql = std::string(kSelect) + "WHERE 1 = 1";
  store::Params params;
  if (q.stage) {
    sql += " AND stage = ?";
    params.push_back(std::string(domain::StageName(*q.stage)));
  }
  if (q.owner_id) {
    sql += " AND owner_id = ?";
    params.push_back(*q.owner_id);
  }
  if (q.customer_id) {
    sql += " AND customer_id = ?";
    params.push_back(*q.customer_id);
  }
  if (after) {
    sql += " AND id < ?";
    params.push_back(*after);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.push_back(std::int64_t{q.limit} + 1);
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto rows, tx.Query(sql, params));
    ASSIGN_OR_RETURN(auto p, LoadStageProbabilities(tx));
    const bool more = rows.size() > static_cast<std::size_t>(q.limit);
    if (more) rows.pop_back();
    json::array data;
    for (const auto& r : rows) data.push_back(ToJson(FromRow(r), p, env.clock.Now()));
    out["data"] = std::move(data);
    out["next_cursor"] =
        more ? json::value(std::to_string(rows.back().Int(0))) : json::value(nullptr);
    return Ok();
  }));
  return out;
}

Result<json::object> PipelineBoard(const Env& env, const Actor& actor) {
  RETURN_IF_ERROR(CheckAnyRead(actor));
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto p, LoadStageProbabilities(tx));
    ASSIGN_OR_RETURN(auto rows,
                     tx.Query("SELECT stage, currency, amount_minor FROM opportunities"));
    json::array stages;
    for (Stage s : domain::kAllStages) {
      std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_currency;
      std::int64_t count = 0;
      for (const auto& r : rows) {
        if (r.Text(0) != domain::StageName(s)) continue;
        ++count;
        auto& [amount, weighted] = by_currency[r.Text(1)];
        amount += r.Int(2);
        weighted += domain::Weighted(r.Int(2), p.Percent(s));
      }
      json::array totals;
      for (const auto& [cur, v] : by_currency) {
        totals.push_back(json::object{{"currency", cur},
                                      {"amount", FormatAmount(v.first)},
                                      {"weighted_amount", FormatAmount(v.second)}});
      }
      stages.push_back(json::object{{"stage", domain::StageName(s)},
                                    {"probability", p.Percent(s)},
                                    {"count", count},
                                    {"totals", std::move(totals)}});
    }
    out["stages"] = std::move(stages);
    return Ok();
  }));
  return out;
}

Result<json::object> PipelineForecast(const Env& env, const Actor& actor, const ForecastQuery& q) {
  RETURN_IF_ERROR(CheckAnyRead(actor));
  const std::string& g = q.group_by;
  if (g != "month" && g != "owner" && g != "segment" && g != "abc") {
    return Fail(Error::InvalidArgument("group_by must be month, owner, segment or abc"));
  }
  std::string sql =
      "SELECT o.expected_close, o.owner_id, c.kind, s.abc_class, o.currency, o.amount_minor, "
      "o.stage FROM opportunities o JOIN customers c ON c.id = o.customer_id "
      "LEFT JOIN customer_scores s ON s.customer_id = o.customer_id WHERE 1 = 1";
  store::Params params;
  if (q.from) {
    sql += " AND o.expected_close >= ?";
    params.push_back(*q.from);
  }
  if (q.to) {
    sql += " AND o.expected_close < ?";
    params.push_back(*q.to);
  }
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto p, LoadStageProbabilities(tx));
    ASSIGN_OR_RETURN(auto rows, tx.Query(sql, params));
    std::vector<domain::ForecastInput> items;
    for (const auto& r : rows) {
      domain::ForecastInput in;
      if (g == "month")
        in.group = FormatDate(r.Int(0)).substr(0, 7);
      else if (g == "owner")
        in.group = r.IsNull(1) ? "unassigned" : std::to_string(r.Int(1));
      else if (g == "segment")
        in.group = r.Text(2);
      else
        in.group = r.IsNull(3) ? "unscored" : r.Text(3);
      in.currency = r.Text(4);
      in.amount_minor = r.Int(5);
      in.stage = domain::ParseStage(r.Text(6)).value_or(Stage::kNeedCollection);
      items.push_back(std::move(in));
    }
    json::array data;
    for (const auto& row : domain::WeightedForecast(items, p)) {
      data.push_back(json::object{{"group", row.group},
                                  {"currency", row.currency},
                                  {"count", row.count},
                                  {"amount", FormatAmount(row.amount_minor)},
                                  {"weighted_amount", FormatAmount(row.weighted_minor)}});
    }
    json::object probs;
    for (Stage s : domain::kAllStages) probs[domain::StageName(s)] = p.Percent(s);
    out["group_by"] = g;
    out["probabilities"] = std::move(probs);
    out["data"] = std::move(data);
    return Ok();
  }));
  return out;
}

Result<json::object> GetStageProbabilities(const Env& env, const Actor& actor) {
  RETURN_IF_ERROR(CheckAnyRead(actor));
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto p, LoadStageProbabilities(tx));
    for (Stage s : domain::kAllStages) out[domain::StageName(s)] = p.Percent(s);
    return Ok();
  }));
  return out;
}

Result<json::object> SetStageProbabilities(const Env& env, const Actor& actor,
                                           const json::object& body) {
  if (actor.role != domain::Role::kAdmin && actor.role != domain::Role::kManager)
    return Fail(Error::PermissionDenied("only admins and managers may change stage probabilities"));
  JsonReader r(body);
  r.Known({"need_collection", "solution_design", "selling", "follow_up"});
  std::vector<std::pair<Stage, int>> changes;
  for (Stage s : domain::kOpenStages) {
    auto v = r.Int(domain::StageName(s));
    if (!v) continue;
    if (*v < 0 || *v > 100)
      r.Error(domain::StageName(s), "must be a whole percent from 0 to 100");
    else
      changes.emplace_back(s, static_cast<int>(*v));
  }
  RETURN_IF_ERROR(ErrorsToStatus(std::move(r.errors())));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto p, LoadStageProbabilities(tx));
    json::object before;
    for (Stage s : domain::kAllStages) before[domain::StageName(s)] = p.Percent(s);
    for (const auto& [s, percent] : changes) {
      RETURN_IF_ERROR(tx.Exec("DELETE FROM settings WHERE name = ?", {ProbabilityKey(s)}));
      RETURN_IF_ERROR(tx.Exec("INSERT INTO settings (name, value) VALUES (?, ?)",
                              {ProbabilityKey(s), std::to_string(percent)}));
      p.Set(s, percent);
    }
    for (Stage s : domain::kAllStages) out[domain::StageName(s)] = p.Percent(s);
    return LogSalesChange(tx, env, actor, "pipeline_probabilities", 0, std::nullopt, "update",
                          json::serialize(before), out);
  }));
  return out;
}

}  // namespace chaincrm::services
