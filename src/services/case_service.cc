#include "services/case_service.h"

#include <charconv>

#include "domain/activity.h"
#include "services/case_json.h"
#include "services/json_util.h"
#include "services/sla.h"
#include "services/survey_service.h"
#include "store/activity_repository.h"
#include "store/case_repository.h"
#include "store/change_log.h"
#include "store/user_repository.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::Resource;
using store::Tx;

namespace {

bool IsPortal(const Actor& actor) { return actor.role == domain::Role::kCustomer; }

Status CheckCase(const Actor& actor, Action action, const domain::Case& c) {
  // Reading first, so that a portal user gets 404 for another customer's case.
  RETURN_IF_ERROR(CheckScope(actor, Resource::kCases, Action::kRead, c.customer_id, c.owner_id));
  return CheckScope(actor, Resource::kCases, action, c.customer_id, c.owner_id);
}

Status Log(Tx& tx, const Env& env, const Actor& actor, const std::string& entity, std::int64_t id,
           std::int64_t customer_id, const std::string& op, const std::string& before,
           const json::object& after) {
  store::ChangeEntry e;
  e.at = env.clock.Now();
  e.actor = actor.Label();
  e.entity = entity;
  e.entity_id = id;
  e.customer_id = customer_id;
  e.op = op;
  e.before_json = before;
  e.after_json = json::serialize(after);
  e.request_id = actor.request_id;
  RETURN_IF_ERROR(store::AppendChange(tx, e));
  return Ok();
}

// The time a change happened: `given` (staff back-dating) or now. Not in the future and
// not before the case was opened.
Result<Millis> ChangeTime(const Env& env, const std::optional<Millis>& given, Millis not_before,
                          const char* field) {
  const Millis now = env.clock.Now();
  if (!given) return std::max(now, not_before);
  if (*given > now + 60'000) {
    return Fail(Error::InvalidArgument("the time is in the future",
                                       {{field, "must not be in the future"}}));
  }
  if (*given < not_before) {
    return Fail(Error::InvalidArgument("the time is too early",
                                       {{field, "must not be before the case was opened"}}));
  }
  return *given;
}

Status CheckReferences(Tx& tx, const domain::Case& c) {
  std::vector<FieldError> errs;
  if (c.contact_id) {
    ASSIGN_OR_RETURN(auto rows,
                     tx.Query("SELECT customer_id FROM contacts WHERE id = ?", {*c.contact_id}));
    if (rows.empty() || rows.front().Int(0) != c.customer_id)
      errs.push_back({"contact_id", "is not a contact of this customer"});
  }
  if (c.owner_id) {
    ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id FROM users WHERE id = ?", {*c.owner_id}));
    if (rows.empty())
      errs.push_back({"owner_id", "user " + std::to_string(*c.owner_id) + " does not exist"});
  }
  if (c.purchase_id) {
    ASSIGN_OR_RETURN(auto rows,
                     tx.Query("SELECT customer_id FROM purchases WHERE id = ?", {*c.purchase_id}));
    if (rows.empty() || rows.front().Int(0) != c.customer_id)
      errs.push_back({"purchase_id", "is not a purchase of this customer"});
  }
  return ErrorsToStatus(std::move(errs));
}

Result<json::object> FullJson(Tx& tx, const domain::Case& c) {
  json::object o = CaseToJson(c);
  ASSIGN_OR_RETURN(o["sla"], CaseSlaJson(tx, c.id));
  return o;
}

Result<std::optional<std::pair<Millis, std::int64_t>>> ParseCursor(const std::string& s) {
  if (s.empty()) return std::optional<std::pair<Millis, std::int64_t>>{};
  const auto dot = s.find('.');
  std::int64_t t = 0, id = 0;
  if (dot == std::string::npos || std::from_chars(s.data(), s.data() + dot, t).ec != std::errc() ||
      std::from_chars(s.data() + dot + 1, s.data() + s.size(), id).ec != std::errc()) {
    return Fail(Error::InvalidArgument("cursor is not valid",
                                       {{"cursor", "is not a cursor from this list"}}));
  }
  return std::optional(std::make_pair(t, id));
}

}  // namespace

Result<domain::Case> InsertCaseTx(Tx& tx, const Env& env, const Actor& actor, domain::Case c,
                                  Millis at) {
  c.status = "new";
  c.created_at = c.updated_at = at;
  if (actor.user_id) c.created_by = actor.user_id;
  RETURN_IF_ERROR(store::InsertCase(tx, c));
  // The case on the customer's timeline.
  domain::Interaction i;
  i.customer_id = c.customer_id;
  i.contact_id = c.contact_id;
  i.type = "case";
  i.direction = "inbound";
  i.channel = c.channel;
  i.occurred_at = at;
  i.subject = c.number + " " + c.subject;
  i.links.push_back({"case", c.id});
  i.created_by = c.created_by;
  i.created_at = at;
  RETURN_IF_ERROR(store::InsertInteraction(tx, i));
  c.interaction_id = i.id;
  const std::int64_t version = c.version;
  RETURN_IF_ERROR(store::UpdateCase(tx, c, version));
  RETURN_IF_ERROR(StartCaseSla(tx, {c.id, c.customer_id, c.priority, at}));
  RETURN_IF_ERROR(Log(tx, env, actor, "case", c.id, c.customer_id, "create", "", CaseToJson(c)));
  return c;
}

Status TransitionCaseTx(Tx& tx, const Env& env, const Actor& actor, domain::Case& c,
                        const std::string& to, Millis at) {
  const std::string from = c.status;
  if (!domain::CaseTransitionAllowed(from, to)) {
    return Fail(
        Error::InvalidArgument("a case cannot move from '" + from + "' to '" + to + "'",
                               {{"status", "cannot change from '" + from + "' to '" + to + "'"}}));
  }
  const json::object before = {{"status", from}};
  c.status = to;
  if (to == "resolved") {
    c.resolved_at = at;
    if (actor.user_id) c.resolved_by = actor.user_id;
  } else if (to == "closed") {
    c.closed_at = at;
  } else if (domain::IsReopen(from, to)) {
    ++c.reopen_count;
    c.resolved_at.reset();
    c.resolved_by.reset();
    c.closed_at.reset();
  }
  c.updated_at = std::max(c.updated_at, at);
  const std::int64_t version = c.version;
  RETURN_IF_ERROR(store::UpdateCase(tx, c, version));
  RETURN_IF_ERROR(OnCaseStatusChange(tx, c.id, from, to, at));
  if (to == "resolved") {
    ASSIGN_OR_RETURN(std::int64_t survey_id, IssueSurvey(tx, c.customer_id, "case", c.id, at));
    (void)survey_id;
  }
  json::object after = {{"status", to}, {"at", FormatTime(at)}, {"number", c.number}};
  return Log(tx, env, actor, "case", c.id, c.customer_id, "transition", json::serialize(before),
             after);
}

Result<domain::CaseNote> AddCaseNoteTx(Tx& tx, const Env& env, const Actor& actor, domain::Case& c,
                                       const std::string& body, const std::string& visibility,
                                       Millis at) {
  domain::CaseNote n;
  n.case_id = c.id;
  n.visibility = IsPortal(actor) ? "customer" : visibility;
  n.author_kind = IsPortal(actor) ? "customer" : "staff";
  if (actor.user_id) n.author_user_id = actor.user_id;
  n.author_label = actor.email.empty() ? actor.Label() : actor.email;
  n.body = body;
  n.created_at = at;
  RETURN_IF_ERROR(store::InsertCaseNote(tx, n));
  if (n.author_kind == "staff" && n.visibility == "customer" && !c.first_response_at) {
    c.first_response_at = at;
    c.updated_at = std::max(c.updated_at, at);
    const std::int64_t version = c.version;
    RETURN_IF_ERROR(store::UpdateCase(tx, c, version));
    RETURN_IF_ERROR(OnCaseFirstResponse(tx, c.id, at));
  }
  RETURN_IF_ERROR(
      Log(tx, env, actor, "case_note", n.id, c.customer_id, "create", "", CaseNoteToJson(n)));
  if (n.author_kind == "customer" && c.status == "pending_customer") {
    RETURN_IF_ERROR(TransitionCaseTx(tx, env, actor, c, "open", at));
  }
  return n;
}

Result<CaseView> CreateCase(const Env& env, const Actor& actor, const json::object& body,
                            const std::optional<IdempotencyKey>& idem) {
  if (domain::Allowed(actor.role, Resource::kCases, Action::kCreate) == domain::Scope::kNone) {
    return Fail(Error::PermissionDenied("your role may not open cases"));
  }
  CaseView view;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    if (idem) {
      ASSIGN_OR_RETURN(auto prior, store::FindIdempotent(tx, actor.user_id, idem->key));
      if (prior) {
        if (prior->request_hash != idem->request_hash) {
          return Fail(Error(Code::kInvalidArgument,
                            "the Idempotency-Key was already used with a different request",
                            {{"Idempotency-Key", "was already used with a different request"}}));
        }
        boost::system::error_code ec;
        auto v = json::parse(prior->body, ec);
        if (ec || !v.is_object())
          return Fail(Error::Internal("stored idempotent response is unreadable"));
        view = {std::move(v.as_object()), 0, std::stoll(prior->etag), true};
        view.id = view.json.at("id").as_int64();
        return Ok();
      }
    }
    domain::Case c;
    RETURN_IF_ERROR(ErrorsToStatus(CaseFromJson(body, true, IsPortal(actor), c)));
    JsonReader r(body);
    const auto customer_id = r.Int("customer_id");
    const auto opened_at = r.Time("opened_at");
    if (IsPortal(actor)) {
      if (customer_id && customer_id != actor.customer_id) {
        return Fail(Error::NotFound("customer " + std::to_string(*customer_id) + " not found"));
      }
      c.customer_id = actor.customer_id.value_or(-1);
    } else if (!customer_id) {
      return Fail(
          Error::InvalidArgument("customer_id is required", {{"customer_id", "is required"}}));
    } else {
      c.customer_id = *customer_id;
    }
    ASSIGN_OR_RETURN(auto owner,
                     tx.Query("SELECT owner_id FROM customers WHERE id = ?", {c.customer_id}));
    if (owner.empty()) {
      return Fail(Error::NotFound("customer " + std::to_string(c.customer_id) + " not found"));
    }
    RETURN_IF_ERROR(CheckScope(actor, Resource::kCases, Action::kCreate, c.customer_id,
                               owner.front().OptInt(0)));
    RETURN_IF_ERROR(CheckReferences(tx, c));
    ASSIGN_OR_RETURN(Millis at, ChangeTime(env, opened_at, 0, "opened_at"));
    ASSIGN_OR_RETURN(c, InsertCaseTx(tx, env, actor, std::move(c), at));
    ASSIGN_OR_RETURN(view.json, FullJson(tx, c));
    view.id = c.id;
    view.version = c.version;
    if (idem) {
      RETURN_IF_ERROR(store::SaveIdempotent(
          tx, actor.user_id, idem->key,
          {idem->request_hash, 201, "", std::to_string(c.version), json::serialize(view.json)},
          env.clock.Now()));
    }
    return Ok();
  }));
  return view;
}

Result<CaseView> GetCase(const Env& env, const Actor& actor, std::int64_t id) {
  CaseView view;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto c, store::LoadCase(tx, id));
    RETURN_IF_ERROR(CheckCase(actor, Action::kRead, c));
    ASSIGN_OR_RETURN(view.json, FullJson(tx, c));
    ASSIGN_OR_RETURN(auto notes, store::ListCaseNotes(tx, id, !IsPortal(actor)));
    json::array jn;
    for (const auto& n : notes) jn.push_back(CaseNoteToJson(n));
    view.json["notes"] = std::move(jn);
    view.id = c.id;
    view.version = c.version;
    return Ok();
  }));
  return view;
}

Result<CaseView> PatchCase(const Env& env, const Actor& actor, std::int64_t id,
                           const json::object& patch, std::int64_t if_match) {
  CaseView view;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto c, store::LoadCase(tx, id));
    RETURN_IF_ERROR(CheckCase(actor, Action::kUpdate, c));
    if (IsPortal(actor)) {
      return Fail(Error::PermissionDenied("customers reply to a case with a note"));
    }
    if (c.version != if_match)
      return Fail(Error::FailedPrecondition("the case was changed since you read it"));
    const json::object before = CaseToJson(c);
    const std::string old_priority = c.priority;
    RETURN_IF_ERROR(ErrorsToStatus(CaseFromJson(patch, false, false, c)));
    JsonReader r(patch);
    if (r.Has("customer_id") && r.Int("customer_id") != c.customer_id) {
      return Fail(Error::InvalidArgument("a case cannot move to another customer",
                                         {{"customer_id", "cannot be changed"}}));
    }
    const auto status = r.Str("status");
    ASSIGN_OR_RETURN(Millis at, ChangeTime(env, r.Time("at"), c.created_at, "at"));
    RETURN_IF_ERROR(CheckReferences(tx, c));
    c.updated_at = std::max(c.updated_at, at);
    const std::string new_status = status.value_or(c.status);
    RETURN_IF_ERROR(store::UpdateCase(tx, c, if_match));
    if (c.priority != old_priority) {
      RETURN_IF_ERROR(OnCasePriorityChange(tx, c.id, c.priority, at));
    }
    const json::object after_fields = CaseToJson(c);
    // A field edit is logged as an update; the bookkeeping columns alone are not one.
    const auto edited = [&] {
      json::object a = after_fields, b = before;
      for (const char* k : {"updated_at", "version"}) {
        a.erase(k);
        b.erase(k);
      }
      return a != b;
    };
    if (edited()) {
      RETURN_IF_ERROR(Log(tx, env, actor, "case", c.id, c.customer_id, "update",
                          json::serialize(before), after_fields));
    }
    if (new_status != c.status)
      RETURN_IF_ERROR(TransitionCaseTx(tx, env, actor, c, new_status, at));
    ASSIGN_OR_RETURN(view.json, FullJson(tx, c));
    view.id = c.id;
    view.version = c.version;
    return Ok();
  }));
  return view;
}

Result<json::object> ListCasesPage(const Env& env, const Actor& actor, const CaseListQuery& q) {
  if (q.limit < 1 || q.limit > 500) {
    return Fail(Error::InvalidArgument("limit must be between 1 and 500",
                                       {{"limit", "must be between 1 and 500"}}));
  }
  const auto scope = domain::Allowed(actor.role, Resource::kCases, Action::kRead);
  if (scope == domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not read cases"));
  store::CaseFilter f;
  f.status = q.status;
  f.queue = q.queue;
  f.category = q.category;
  f.priority = q.priority;
  f.owner_id = q.owner_id;
  f.customer_id = q.customer_id;
  f.limit = q.limit + 1;
  ASSIGN_OR_RETURN(f.before, ParseCursor(q.cursor));
  if (scope == domain::Scope::kSelf) {
    if (q.customer_id && q.customer_id != actor.customer_id) {
      return Fail(Error::NotFound("customer " + std::to_string(*q.customer_id) + " not found"));
    }
    f.customer_id = actor.customer_id.value_or(-1);
  }
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto cases, store::ListCases(tx, f));
    const bool more = cases.size() > static_cast<std::size_t>(q.limit);
    if (more) cases.pop_back();
    json::array data;
    for (const auto& c : cases) {
      ASSIGN_OR_RETURN(auto o, FullJson(tx, c));
      data.push_back(std::move(o));
    }
    out["data"] = std::move(data);
    out["next_cursor"] = more ? json::value(std::to_string(cases.back().created_at) + "." +
                                            std::to_string(cases.back().id))
                              : json::value(nullptr);
    return Ok();
  }));
  return out;
}

Result<json::object> AddCaseNote(const Env& env, const Actor& actor, std::int64_t case_id,
                                 const json::object& body) {
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto c, store::LoadCase(tx, case_id));
    RETURN_IF_ERROR(CheckCase(actor, Action::kUpdate, c));
    JsonReader r(body);
    if (IsPortal(actor)) {
      r.Known({"body"});
    } else {
      r.Known({"body", "visibility", "at"});
    }
    const auto text = r.Str("body");
    if (!text || text->empty() || text->size() > 20000) {
      r.Error("body", "is required (1 to 20000 characters)");
    }
    const std::string visibility = r.Str("visibility").value_or("internal");
    if (!domain::OneOf(visibility, domain::kNoteVisibilities)) {
      r.Error("visibility", "must be internal or customer");
    }
    const auto given = r.Time("at");
    RETURN_IF_ERROR(ErrorsToStatus(std::move(r.errors())));
    ASSIGN_OR_RETURN(Millis at, ChangeTime(env, given, c.created_at, "at"));
    ASSIGN_OR_RETURN(auto n, AddCaseNoteTx(tx, env, actor, c, *text, visibility, at));
    out = CaseNoteToJson(n);
    return Ok();
  }));
  return out;
}

Result<json::object> ListCaseNotes(const Env& env, const Actor& actor, std::int64_t case_id) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto c, store::LoadCase(tx, case_id));
    RETURN_IF_ERROR(CheckCase(actor, Action::kRead, c));
    ASSIGN_OR_RETURN(auto notes, store::ListCaseNotes(tx, case_id, !IsPortal(actor)));
    json::array data;
    for (const auto& n : notes) data.push_back(CaseNoteToJson(n));
    out["data"] = std::move(data);
    out["next_cursor"] = nullptr;
    return Ok();
  }));
  return out;
}

Result<json::array> OpenCasesJson(Tx& tx, std::int64_t customer_id, int limit) {
  store::CaseFilter f;
  f.customer_id = customer_id;
  f.open_only = true;
  f.limit = limit;
  ASSIGN_OR_RETURN(auto cases, store::ListCases(tx, f));
  json::array out;
  for (const auto& c : cases) {
    ASSIGN_OR_RETURN(auto o, FullJson(tx, c));
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace chaincrm::services
