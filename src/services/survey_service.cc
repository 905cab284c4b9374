#include "services/survey_service.h"

#include <charconv>
#include <map>
#include <set>

#include "analytics/satisfaction.h"
#include "services/json_util.h"
#include "store/case_repository.h"
#include "store/change_log.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::Resource;
using store::Tx;

namespace {

constexpr std::string_view kSurveyColumns =
    "s.id, s.template_id, s.customer_id, s.source_kind, s.source_id, s.case_id, s.status, "
    "s.issued_at, s.answered_at, s.csat, s.nps, s.comment, s.satisfaction_index, s.gap_index, "
    "t.name, t.attributes, t.ask_csat, t.ask_nps";

json::value OptReal(const store::Row& r, std::size_t i) {
  return r.IsNull(i) ? json::value(nullptr) : json::value(r.Real(i));
}

json::array ParseAttributes(const std::string& text) {
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_array()) return {};
  return v.as_array();
}

Result<json::object> SurveyJson(Tx& tx, const store::Row& r) {
  json::object o{{"id", r.Int(0)},
                 {"template_id", r.Int(1)},
                 {"template", r.Text(14)},
                 {"customer_id", r.Int(2)},
                 {"source_kind", r.Text(3)},
                 {"source_id", r.Int(4)},
                 {"case_id", OptJson(r.OptInt(5))},
                 {"status", r.Text(6)},
                 {"issued_at", FormatTime(r.Int(7))},
                 {"answered_at", OptTime(r.OptInt(8))},
                 {"attributes", ParseAttributes(r.Text(15))},
                 {"ask_csat", r.Int(16) != 0},
                 {"ask_nps", r.Int(17) != 0},
                 {"csat", OptJson(r.OptInt(9))},
                 {"nps", OptJson(r.OptInt(10))},
                 {"comment", OptJson(r.OptText(11))},
                 {"satisfaction_index", OptReal(r, 12)},
                 {"gap_index", OptReal(r, 13)}};
  json::array answers;
  RETURN_IF_ERROR(
      tx.ForEach("SELECT attribute, importance, expectation, perception FROM survey_answers WHERE "
                 "survey_id = ? ORDER BY attribute",
                 {r.Int(0)}, [&](const store::Row& a) -> Status {
                   answers.push_back({{"attribute", a.Text(0)},
                                      {"importance", a.Int(1)},
                                      {"expectation", a.Int(2)},
                                      {"perception", a.Int(3)},
                                      {"gap", a.Int(3) - a.Int(2)}});
                   return Ok();
                 }));
  o["answers"] = std::move(answers);
  return o;
}

Result<store::Row> LoadSurveyRow(Tx& tx, std::int64_t id) {
  ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT " + std::string(kSurveyColumns) +
                                           " FROM surveys s JOIN survey_templates t ON "
                                           "t.id = s.template_id WHERE s.id = ?",
                                       {id}));
  if (rows.empty()) return Fail(Error::NotFound("survey " + std::to_string(id) + " not found"));
  return rows.front();
}

Status CheckSurvey(const Actor& actor, Action action, std::int64_t customer_id) {
  RETURN_IF_ERROR(CheckScope(actor, Resource::kSurveys, Action::kRead, customer_id, std::nullopt));
  return CheckScope(actor, Resource::kSurveys, action, customer_id, std::nullopt);
}

Status Log(Tx& tx, Millis at, const Actor& actor, std::int64_t id, std::int64_t customer_id,
           const std::string& op, const json::object& after) {
  store::ChangeEntry e;
  e.at = at;
  e.actor = actor.Label();
  e.entity = "survey";
  e.entity_id = id;
  e.customer_id = customer_id;
  e.op = op;
  e.after_json = json::serialize(after);
  e.request_id = actor.request_id;
  RETURN_IF_ERROR(store::AppendChange(tx, e));
  return Ok();
}

struct Group {
  std::int64_t surveys = 0;
  std::vector<double> index, gap_index;
  std::vector<int> csat, nps;
};

json::value OptNum(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object GroupJson(const Group& g) {
  const auto mean = [](const std::vector<double>& v) -> std::optional<double> {
    if (v.empty()) return std::nullopt;
    double s = 0;
    for (double x : v) s += x;
    return s / static_cast<double>(v.size());
  };
  const auto gi = mean(g.gap_index);
  return {{"surveys", g.surveys},
          {"index", OptNum(mean(g.index))},
          {"gap_index", OptNum(gi)},
          {"mean_gap", OptNum(gi ? std::optional(*gi * 12.0 / 100.0 - 6.0) : std::nullopt)},
          {"csat", OptNum(analytics::Csat(g.csat))},
          {"csat_responses", static_cast<std::int64_t>(g.csat.size())},
          {"nps", OptNum(analytics::Nps(g.nps))},
          {"nps_responses", static_cast<std::int64_t>(g.nps.size())}};
}

std::string MonthOf(Millis t) { return FormatDate(t).substr(0, 7); }

}  // namespace

Result<std::int64_t> IssueSurvey(Tx& tx, std::int64_t customer_id, std::string_view source_kind,
                                 std::int64_t source_id, Millis at) {
  ASSIGN_OR_RETURN(auto existing,
                   tx.Query("SELECT id FROM surveys WHERE source_kind = ? AND source_id = ?",
                            {std::string(source_kind), source_id}));
  if (!existing.empty()) return existing.front().Int(0);
  ASSIGN_OR_RETURN(auto tmpl, tx.QueryOne("SELECT id FROM survey_templates ORDER BY is_default "
                                          "DESC, id LIMIT 1",
                                          {}, "survey template"));
  ASSIGN_OR_RETURN(
      auto rows,
      tx.Query("INSERT INTO surveys (template_id, customer_id, source_kind, source_id, case_id, "
               "status, issued_at) VALUES (?, ?, ?, ?, ?, 'issued', ?) RETURNING id",
               {tmpl.Int(0), customer_id, std::string(source_kind), source_id,
                source_kind == "case" ? store::Value(source_id) : store::Null(), at}));
  const std::int64_t id = rows.front().Int(0);
  RETURN_IF_ERROR(Log(tx, at, Actor::System(), id, customer_id, "issue",
                      {{"source_kind", source_kind}, {"source_id", source_id}}));
  return id;
}

Result<json::object> ListSurveyTemplates(const Env& env, const Actor& actor) {
  if (domain::Allowed(actor.role, Resource::kSurveys, Action::kRead) == domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not read surveys"));
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    json::array data;
    RETURN_IF_ERROR(
        tx.ForEach("SELECT id, name, attributes, ask_csat, ask_nps, is_default, created_at FROM "
                   "survey_templates ORDER BY id",
                   {}, [&](const store::Row& r) -> Status {
                     data.push_back({{"id", r.Int(0)},
                                     {"name", r.Text(1)},
                                     {"attributes", ParseAttributes(r.Text(2))},
                                     {"ask_csat", r.Int(3) != 0},
                                     {"ask_nps", r.Int(4) != 0},
                                     {"is_default", r.Int(5) != 0},
                                     {"created_at", FormatTime(r.Int(6))}});
                     return Ok();
                   }));
    out["data"] = std::move(data);
    out["next_cursor"] = nullptr;
    return Ok();
  }));
  return out;
}

Result<json::object> CreateSurveyTemplate(const Env& env, const Actor& actor,
                                          const json::object& body) {
  if (domain::Allowed(actor.role, Resource::kServiceConfig, Action::kCreate) ==
      domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not define survey templates"));
  JsonReader r(body);
  r.Known({"name", "attributes", "ask_csat", "ask_nps", "is_default"});
  const auto name = r.Str("name");
  if (!name || name->empty() || name->size() > 100) r.Error("name", "is required (1 to 100)");
  json::array attributes;
  const auto* a = r.Get("attributes");
  if (!a || !a->is_array() || a->as_array().empty() || a->as_array().size() > 30) {
    r.Error("attributes", "must be a list of 1 to 30 attribute names");
  } else {
    std::set<std::string> seen;
    for (const auto& v : a->as_array()) {
      if (!v.is_string() || v.as_string().empty() || v.as_string().size() > 60 ||
          !seen.insert(std::string(v.as_string())).second) {
        r.Error("attributes", "names must be distinct non-empty strings of at most 60 characters");
        break;
      }
      attributes.push_back(v);
    }
  }
  const bool ask_csat = r.Bool("ask_csat").value_or(true);
  const bool ask_nps = r.Bool("ask_nps").value_or(true);
  const bool is_default = r.Bool("is_default").value_or(false);
  RETURN_IF_ERROR(ErrorsToStatus(std::move(r.errors())));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    const Millis now = env.clock.Now();
    if (is_default) RETURN_IF_ERROR(tx.Exec("UPDATE survey_templates SET is_default = 0"));
    ASSIGN_OR_RETURN(
        auto rows,
        tx.Query("INSERT INTO survey_templates (name, attributes, ask_csat, ask_nps, is_default, "
                 "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                 {*name, json::serialize(attributes), std::int64_t{ask_csat}, std::int64_t{ask_nps},
                  std::int64_t{is_default}, now}));
    out = {{"id", rows.front().Int(0)},    {"name", *name},      {"attributes", attributes},
           {"ask_csat", ask_csat},         {"ask_nps", ask_nps}, {"is_default", is_default},
           {"created_at", FormatTime(now)}};
    store::ChangeEntry e;
    e.at = now;
    e.actor = actor.Label();
    e.entity = "survey_template";
    e.entity_id = rows.front().Int(0);
    e.op = "create";
    e.after_json = json::serialize(out);
    e.request_id = actor.request_id;
    RETURN_IF_ERROR(store::AppendChange(tx, e));
    return Ok();
  }));
  return out;
}

Result<json::object> CreateSurvey(const Env& env, const Actor& actor, const json::object& body) {
  JsonReader r(body);
  r.Known({"customer_id", "source_kind", "source_id"});
  const auto customer_id = r.Int("customer_id");
  if (!customer_id) r.Error("customer_id", "is required");
  const auto kind = r.Str("source_kind");
  if (!kind || (*kind != "case" && *kind != "order"))
    r.Error("source_kind", "must be case or order");
  const auto source_id = r.Int("source_id");
  if (!source_id || *source_id <= 0) r.Error("source_id", "is required (a positive id)");
  RETURN_IF_ERROR(ErrorsToStatus(std::move(r.errors())));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto cust, tx.Query("SELECT id FROM customers WHERE id = ?", {*customer_id}));
    if (cust.empty())
      return Fail(Error::NotFound("customer " + std::to_string(*customer_id) + " not found"));
    RETURN_IF_ERROR(CheckSurvey(actor, Action::kCreate, *customer_id));
    if (*kind == "case") {
      ASSIGN_OR_RETURN(auto c, store::LoadCase(tx, *source_id));
      if (c.customer_id != *customer_id) {
        return Fail(Error::InvalidArgument("the case is another customer's",
                                           {{"source_id", "is not a case of this customer"}}));
      }
    }
    ASSIGN_OR_RETURN(std::int64_t id,
                     IssueSurvey(tx, *customer_id, *kind, *source_id, env.clock.Now()));
    ASSIGN_OR_RETURN(auto row, LoadSurveyRow(tx, id));
    ASSIGN_OR_RETURN(out, SurveyJson(tx, row));
    return Ok();
  }));
  return out;
}

Result<json::object> GetSurvey(const Env& env, const Actor& actor, std::int64_t id) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto row, LoadSurveyRow(tx, id));
    RETURN_IF_ERROR(CheckSurvey(actor, Action::kRead, row.Int(2)));
    ASSIGN_OR_RETURN(out, SurveyJson(tx, row));
    return Ok();
  }));
  return out;
}

Result<json::object> ListSurveysPage(const Env& env, const Actor& actor, const SurveyListQuery& q) {
  if (q.limit < 1 || q.limit > 500) {
    return Fail(Error::InvalidArgument("limit must be between 1 and 500",
                                       {{"limit", "must be between 1 and 500"}}));
  }
  const auto scope = domain::Allowed(actor.role, Resource::kSurveys, Action::kRead);
  if (scope == domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not read surveys"));
  std::optional<std::int64_t> customer_id = q.customer_id;
  if (scope == domain::Scope::kSelf) {
    if (q.customer_id && q.customer_id != actor.customer_id)
      return Fail(Error::NotFound("customer " + std::to_string(*q.customer_id) + " not found"));
    customer_id = actor.customer_id.value_or(-1);
  }
  std::int64_t before = 0;
  if (!q.cursor.empty() &&
      std::from_chars(q.cursor.data(), q.cursor.data() + q.cursor.size(), before).ec !=
          std::errc()) {
    return Fail(Error::InvalidArgument("cursor is not valid",
                                       {{"cursor", "is not a cursor from this list"}}));
  }
  if (q.status && *q.status != "issued" && *q.status != "answered") {
    return Fail(Error::InvalidArgument("filter[status] must be issued or answered",
                                       {{"filter[status]", "must be issued or answered"}}));
  }
  std::string sql = "SELECT " + std::string(kSurveyColumns) +
                    " FROM surveys s JOIN survey_templates t ON t.id = s.template_id WHERE 1 = 1";
  store::Params p;
  if (customer_id) {
    sql += " AND s.customer_id = ?";
    p.push_back(*customer_id);
  }
  if (q.status) {
    sql += " AND s.status = ?";
    p.push_back(*q.status);
  }
  if (before > 0) {
    sql += " AND s.id < ?";
    p.push_back(before);
  }
  sql += " ORDER BY s.id DESC LIMIT ?";
  p.push_back(static_cast<std::int64_t>(q.limit + 1));
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto rows, tx.Query(sql, p));
    const bool more = rows.size() > static_cast<std::size_t>(q.limit);
    if (more) rows.pop_back();
    json::array data;
    for (const auto& r : rows) {
      ASSIGN_OR_RETURN(auto o, SurveyJson(tx, r));
      data.push_back(std::move(o));
    }
    out["data"] = std::move(data);
    out["next_cursor"] =
        more ? json::value(std::to_string(rows.back().Int(0))) : json::value(nullptr);
    return Ok();
  }));
  return out;
}

Status StoreSurveyAnswersTx(Tx& tx, std::int64_t id,
                            const std::vector<analytics::AttributeRating>& ratings,
                            std::optional<std::int64_t> csat, std::optional<std::int64_t> nps,
                            const std::optional<std::string>& text, Millis now,
                            std::optional<std::int64_t> author_user_id) {
  ASSIGN_OR_RETURN(const auto score, analytics::ScoreSurvey(ratings));
  ASSIGN_OR_RETURN(auto cases, tx.Query("SELECT case_id FROM surveys WHERE id = ?", {id}));
  if (cases.empty()) return Fail(Error::NotFound("survey " + std::to_string(id) + " not found"));
  ASSIGN_OR_RETURN(
      std::int64_t n,
      tx.Exec("UPDATE surveys SET status = 'answered', answered_at = ?, csat = ?, nps = ?, "
              "comment = ?, satisfaction_index = ?, gap_index = ? WHERE id = ? AND status = "
              "'issued'",
              {now, store::OrNull(csat), store::OrNull(nps), store::OrNull(text), score.index,
               score.gap_index, id}));
  if (n == 0) return Fail(Error::AlreadyExists("the survey was already answered"));
  for (const auto& rating : ratings) {
    RETURN_IF_ERROR(
        tx.Exec("INSERT INTO survey_answers (survey_id, attribute, importance, expectation, "
                "perception) VALUES (?, ?, ?, ?, ?)",
                {id, rating.attribute, std::int64_t{rating.importance},
                 std::int64_t{rating.expectation}, std::int64_t{rating.perception}}));
  }
  // The comment is kept with the case it is about, as the customer's note.
  if (text && !cases.front().IsNull(0)) {
    domain::CaseNote note;
    note.case_id = cases.front().Int(0);
    note.visibility = "customer";
    note.author_kind = "customer";
    note.author_user_id = author_user_id;
    note.author_label = "survey " + std::to_string(id);
    note.body = *text;
    note.created_at = now;
    RETURN_IF_ERROR(store::InsertCaseNote(tx, note));
  }
  return Ok();
}

Result<json::object> AnswerSurvey(const Env& env, const Actor& actor, std::int64_t id,
                                  const json::object& body) {
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto row, LoadSurveyRow(tx, id));
    const std::int64_t customer_id = row.Int(2);
    RETURN_IF_ERROR(CheckSurvey(actor, Action::kCreate, customer_id));
    if (row.Text(6) != "issued")
      return Fail(Error::AlreadyExists("the survey was already answered"));
    std::set<std::string> allowed;
    for (const auto& a : ParseAttributes(row.Text(15)))
      if (a.is_string()) allowed.insert(std::string(a.as_string()));
    JsonReader r(body);
    r.Known({"answers", "csat", "nps", "comment"});
    std::vector<analytics::AttributeRating> ratings;
    const auto* answers = r.Get("answers");
    if (!answers || !answers->is_array() || answers->as_array().empty()) {
      r.Error("answers", "rate at least one attribute");
    } else {
      std::set<std::string> seen;
      std::size_t i = 0;
      for (const auto& v : answers->as_array()) {
        const std::string prefix = "answers[" + std::to_string(i++) + "]";
        if (!v.is_object()) {
          r.Error(prefix, "must be an object");
          continue;
        }
        JsonReader a(v.as_object(), prefix);
        a.Known({"attribute", "importance", "expectation", "perception"});
        analytics::AttributeRating rating;
        const auto attr = a.Str("attribute");
        if (!attr || !allowed.contains(*attr)) {
          a.Error("attribute", "is not an attribute of this survey");
        } else if (!seen.insert(*attr).second) {
          a.Error("attribute", "is rated twice");
        } else {
          rating.attribute = *attr;
        }
        for (auto [key, slot] : {std::pair{"importance", &rating.importance},
                                 std::pair{"expectation", &rating.expectation},
                                 std::pair{"perception", &rating.perception}}) {
          const auto n = a.Int(key);
          if (!n || *n < analytics::kRatingMin || *n > analytics::kRatingMax) {
            a.Error(key, "must be a whole number from 1 to 7");
          } else {
            *slot = static_cast<int>(*n);
          }
        }
        for (auto& e : a.errors()) r.errors().push_back(e);
        ratings.push_back(rating);
      }
    }
    const auto csat = r.Int("csat");
    if (csat && (*csat < 1 || *csat > 5)) r.Error("csat", "must be a whole number from 1 to 5");
    if (!csat && row.Int(16) != 0) r.Error("csat", "is required (1 to 5)");
    const auto nps = r.Int("nps");
    if (nps && (*nps < 0 || *nps > 10)) r.Error("nps", "must be a whole number from 0 to 10");
    if (!nps && row.Int(17) != 0) r.Error("nps", "is required (0 to 10)");
    const auto comment = r.Str("comment");
    if (comment && comment->size() > 5000) r.Error("comment", "must be at most 5000 characters");
    RETURN_IF_ERROR(ErrorsToStatus(std::move(r.errors())));
    const Millis now = env.clock.Now();
    const std::optional<std::string> text =
        comment && !comment->empty() ? comment : std::optional<std::string>{};
    RETURN_IF_ERROR(
        StoreSurveyAnswersTx(tx, id, ratings, csat, nps, text, now,
                             actor.user_id ? std::optional(actor.user_id) : std::nullopt));
    ASSIGN_OR_RETURN(auto updated, LoadSurveyRow(tx, id));
    ASSIGN_OR_RETURN(out, SurveyJson(tx, updated));
    return Log(tx, now, actor, id, customer_id, "answer", out);
  }));
  return out;
}

Result<json::object> SatisfactionReport(const Env& env, const Actor& actor,
                                        const SatisfactionQuery& q) {
  if (domain::Allowed(actor.role, Resource::kSurveys, Action::kRead) != domain::Scope::kAll)
    return Fail(Error::PermissionDenied("your role may not read satisfaction reports"));
  if (!q.group_by.empty() && q.group_by != "customer" && q.group_by != "segment" &&
      q.group_by != "month") {
    return Fail(Error::InvalidArgument("group_by must be customer, segment or month",
                                       {{"group_by", "must be customer, segment or month"}}));
  }
  std::string sql =
      "SELECT s.id, s.customer_id, s.answered_at, s.csat, s.nps, s.satisfaction_index, "
      "s.gap_index, COALESCE(sc.value_class, 'unscored') FROM surveys s LEFT JOIN "
      "customer_scores sc ON sc.customer_id = s.customer_id WHERE s.status = 'answered'";
  store::Params p;
  if (q.from) {
    sql += " AND s.answered_at >= ?";
    p.push_back(*q.from);
  }
  if (q.to) {
    sql += " AND s.answered_at < ?";
    p.push_back(*q.to);
  }
  if (q.customer_id) {
    sql += " AND s.customer_id = ?";
    p.push_back(*q.customer_id);
  }
  Group overall;
  std::map<std::string, Group> groups;
  struct Attr {
    double importance = 0, expectation = 0, perception = 0;
    std::int64_t n = 0;
  };
  std::map<std::string, Attr> attrs;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    std::set<std::int64_t> ids;
    RETURN_IF_ERROR(tx.ForEach(sql, p, [&](const store::Row& r) -> Status {
      ids.insert(r.Int(0));
      std::string key;
      if (q.group_by == "customer") key = std::to_string(r.Int(1));
      if (q.group_by == "segment") key = r.Text(7);
      if (q.group_by == "month") key = MonthOf(r.Int(2));
      for (Group* g : {&overall, q.group_by.empty() ? nullptr : &groups[key]}) {
        if (!g) continue;
        ++g->surveys;
        if (!r.IsNull(5)) g->index.push_back(r.Real(5));
        if (!r.IsNull(6)) g->gap_index.push_back(r.Real(6));
        if (!r.IsNull(3)) g->csat.push_back(static_cast<int>(r.Int(3)));
        if (!r.IsNull(4)) g->nps.push_back(static_cast<int>(r.Int(4)));
      }
      return Ok();
    }));
    std::string asql =
        "SELECT a.survey_id, a.attribute, a.importance, a.expectation, a.perception FROM "
        "survey_answers a JOIN surveys s ON s.id = a.survey_id WHERE s.status = 'answered'";
    return tx.ForEach(asql, {}, [&](const store::Row& r) -> Status {
      if (!ids.contains(r.Int(0))) return Ok();
      Attr& a = attrs[r.Text(1)];
      a.importance += static_cast<double>(r.Int(2));
      a.expectation += static_cast<double>(r.Int(3));
      a.perception += static_cast<double>(r.Int(4));
      ++a.n;
      return Ok();
    });
  }));
  json::object out;
  out["overall"] = GroupJson(overall);
  json::array jg;
  for (const auto& [key, g] : groups) {
    json::object o = GroupJson(g);
    o["key"] = key;
    jg.push_back(std::move(o));
  }
  out["group_by"] = q.group_by.empty() ? json::value(nullptr) : json::value(q.group_by);
  out["groups"] = std::move(jg);
  json::array ja;
  for (const auto& [name, a] : attrs) {
    const double n = static_cast<double>(a.n);
    ja.push_back({{"attribute", name},
                  {"responses", a.n},
                  {"mean_importance", a.importance / n},
                  {"mean_expectation", a.expectation / n},
                  {"mean_perception", a.perception / n},
                  {"mean_gap", (a.perception - a.expectation) / n}});
  }
  out["attributes"] = std::move(ja);
  return out;
}

}  // namespace chaincrm::services
