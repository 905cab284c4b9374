#include "services/task_service.h"

#include "services/json_util.h"
#include "services/sales_common.h"
#include "services/user_ref.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::Resource;
using store::Tx;

namespace {

struct Task {
  std::int64_t id = 0;
  std::string title;
  std::optional<std::string> notes;
  Millis due_at = 0;
  std::optional<std::int64_t> assignee_id;
  std::string status = "open";
  std::int64_t customer_id = 0;
  std::optional<std::int64_t> opportunity_id;
  std::optional<Millis> done_at;
  std::int64_t version = 0;
  Millis created_at = 0, updated_at = 0;
};

constexpr std::string_view kSelect =
    "SELECT id, title, notes, due_at, assignee_id, status, customer_id, opportunity_id, done_at, "
    "version, created_at, updated_at FROM tasks ";

Task FromRow(const store::Row& r) {
  Task t;
  t.id = r.Int(0);
  t.title = r.Text(1);
  t.notes = r.OptText(2);
  t.due_at = r.Int(3);
  t.assignee_id = r.OptInt(4);
  t.status = r.Text(5);
  t.customer_id = r.Int(6);
  t.opportunity_id = r.OptInt(7);
  t.done_at = r.OptInt(8);
  t.version = r.Int(9);
  t.created_at = r.Int(10);
  t.updated_at = r.Int(11);
  return t;
}

json::object ToJson(const Task& t, Millis now) {
  return {{"id", t.id},
          {"title", t.title},
          {"notes", OptJson(t.notes)},
          {"due_at", FormatTime(t.due_at)},
          {"assignee_id", OptJson(t.assignee_id)},
          {"status", t.status},
          {"overdue", t.status == "open" && t.due_at < now},
          {"customer_id", t.customer_id},
          {"opportunity_id", OptJson(t.opportunity_id)},
          {"done_at", OptTime(t.done_at)},
          {"version", t.version},
          {"created_at", FormatTime(t.created_at)},
          {"updated_at", FormatTime(t.updated_at)}};
}

std::vector<FieldError> ReadFields(const json::object& body, bool create, Task& t) {
  JsonReader r(body);
  r.Known({"title", "notes", "due_at", "assignee_id", "status", "customer_id", "opportunity_id"});
  if (auto v = r.Str("title")) {
    if (v->empty() || v->size() > 200) r.Error("title", "must be 1 to 200 characters");
    t.title = *v;
  } else if (create && !r.Has("title")) {
    r.Error("title", "is required");
  }
  if (r.IsNull("notes"))
    t.notes.reset();
  else if (auto v = r.Str("notes"))
    t.notes = *v;
  if (auto v = r.Time("due_at"))
    t.due_at = *v;
  else if (create && !r.Has("due_at"))
    r.Error("due_at", "is required");
  if (r.IsNull("assignee_id"))
    t.assignee_id.reset();
  else if (auto v = r.Int("assignee_id"))
    t.assignee_id = *v;
  if (auto v = r.Str("status")) {
    if (*v != "open" && *v != "done")
      r.Error("status", "must be open or done");
    else
      t.status = *v;
  }
  if (create) {
    if (auto v = r.Int("customer_id")) t.customer_id = *v;
    if (auto v = r.Int("opportunity_id")) t.opportunity_id = *v;
    if (!r.Has("customer_id") && !r.Has("opportunity_id"))
      r.Error("customer_id", "a customer_id or an opportunity_id is required");
  } else {
    if (r.Has("customer_id")) r.Error("customer_id", "cannot be changed");
    if (r.Has("opportunity_id")) r.Error("opportunity_id", "cannot be changed");
  }
  return std::move(r.errors());
}

Result<Task> Load(Tx& tx, std::int64_t id) {
  ASSIGN_OR_RETURN(auto row, tx.QueryOne(std::string(kSelect) + "WHERE id = ?", {id},
                                         "task " + std::to_string(id) + " not found"));
  return FromRow(row);
}

// Sales may change the tasks assigned to them (kOwn); others follow the matrix.
Status CheckTask(const Actor& actor, Action action, const Task& t) {
  return CheckScope(actor, Resource::kTasks, action, t.customer_id, t.assignee_id);
}

}  // namespace

Result<json::object> CreateTask(const Env& env, const Actor& actor, const json::object& body) {
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    Task t;
    auto errs = ReadFields(body, true, t);
    RETURN_IF_ERROR(ErrorsToStatus(std::move(errs)));
    if (t.opportunity_id) {
      ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT customer_id FROM opportunities WHERE id = ?",
                                           {*t.opportunity_id}));
      if (rows.empty()) {
        return Fail(Error::InvalidArgument(
            "the opportunity does not exist",
            {{"opportunity_id",
              "opportunity " + std::to_string(*t.opportunity_id) + " does not exist"}}));
      }
      if (t.customer_id && t.customer_id != rows.front().Int(0)) {
        return Fail(
            Error::InvalidArgument("the opportunity belongs to another customer",
                                   {{"opportunity_id", "is not an opportunity of this customer"}}));
      }
      t.customer_id = rows.front().Int(0);
    }
    RETURN_IF_ERROR(
        CheckCustomerAccess(tx, actor, Resource::kTasks, Action::kCreate, t.customer_id));
    if (!t.assignee_id && actor.user_id) t.assignee_id = actor.user_id;
    if (t.assignee_id) {
      ASSIGN_OR_RETURN(bool exists, UserExists(tx, *t.assignee_id));
      if (!exists) {
        return Fail(Error::InvalidArgument(
            "the assignee does not exist",
            {{"assignee_id", "user " + std::to_string(*t.assignee_id) + " does not exist"}}));
      }
    }
    const Millis now = env.clock.Now();
    if (t.status == "done") t.done_at = now;
    t.created_at = t.updated_at = now;
    t.version = 1;
    ASSIGN_OR_RETURN(
        auto rows,
        tx.Query(
            "INSERT INTO tasks (title, notes, due_at, assignee_id, status, customer_id, "
            "opportunity_id, done_at, version, created_at, updated_at) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
            {t.title, store::OrNull(t.notes), t.due_at, store::OrNull(t.assignee_id), t.status,
             t.customer_id, store::OrNull(t.opportunity_id), store::OrNull(t.done_at), now, now}));
    t.id = rows.front().Int(0);
    out = ToJson(t, now);
    return LogSalesChange(tx, env, actor, "task", t.id, t.customer_id, "create", "", out);
  }));
  return out;
}

Result<json::object> GetTask(const Env& env, const Actor& actor, std::int64_t id) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto t, Load(tx, id));
    RETURN_IF_ERROR(CheckTask(actor, Action::kRead, t));
    out = ToJson(t, env.clock.Now());
    return Ok();
  }));
  return out;
}

Result<json::object> PatchTask(const Env& env, const Actor& actor, std::int64_t id,
                               const json::object& patch, std::int64_t if_match) {
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto t, Load(tx, id));
    RETURN_IF_ERROR(CheckTask(actor, Action::kRead, t));
    RETURN_IF_ERROR(CheckTask(actor, Action::kUpdate, t));
    if (t.version != if_match)
      return Fail(Error::FailedPrecondition("the task was changed since you read it"));
    const Millis now = env.clock.Now();
    const json::object before = ToJson(t, now);
    Task u = t;
    auto errs = ReadFields(patch, false, u);
    if (u.assignee_id && u.assignee_id != t.assignee_id) {
      ASSIGN_OR_RETURN(bool exists, UserExists(tx, *u.assignee_id));
      if (!exists)
        errs.push_back(
            {"assignee_id", "user " + std::to_string(*u.assignee_id) + " does not exist"});
    }
    RETURN_IF_ERROR(ErrorsToStatus(std::move(errs)));
    if (u.status != t.status) u.done_at = u.status == "done" ? std::optional(now) : std::nullopt;
    u.version = t.version + 1;
    u.updated_at = now;
    ASSIGN_OR_RETURN(
        auto n, tx.Exec("UPDATE tasks SET title = ?, notes = ?, due_at = ?, assignee_id = ?, "
                        "status = ?, done_at = ?, version = ?, updated_at = ? "
                        "WHERE id = ? AND version = ?",
                        {u.title, store::OrNull(u.notes), u.due_at, store::OrNull(u.assignee_id),
                         u.status, store::OrNull(u.done_at), u.version, now, id, if_match}));
    if (n != 1) return Fail(Error::FailedPrecondition("the task was changed since you read it"));
    out = ToJson(u, now);
    return LogSalesChange(tx, env, actor, "task", id, u.customer_id, "update",
                          json::serialize(before), out);
  }));
  return out;
}

Result<json::object> ListTasks(const Env& env, const Actor& actor, const TaskListQuery& q) {
  if (domain::Allowed(actor.role, Resource::kTasks, Action::kRead) == domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not read tasks"));
  RETURN_IF_ERROR(CheckListLimit(q.limit));
  if (q.status && *q.status != "open" && *q.status != "done") {
    return Fail(Error::InvalidArgument("filter[status] must be open or done",
                                       {{"filter[status]", "must be open or done"}}));
  }
  // The cursor is the offset of the next page: the order (overdue first) is not a keyset.
  std::int64_t offset = 0;
  if (!q.cursor.empty()) {
    ASSIGN_OR_RETURN(auto c, ParseIdCursor(q.cursor));
    offset = c.value_or(0);
  }
  const Millis now = env.clock.Now();
  std::string sql = std::string(kSelect) + "WHERE 1 = 1";
  store::Params params;
  const auto add = [&](const char* cond, store::Value v) {
    sql += cond;
    params.push_back(std::move(v));
  };
  if (q.assignee_id) add(" AND assignee_id = ?", *q.assignee_id);
  if (q.customer_id) add(" AND customer_id = ?", *q.customer_id);
  if (q.opportunity_id) add(" AND opportunity_id = ?", *q.opportunity_id);
  if (q.status) add(" AND status = ?", *q.status);
  sql +=
      " ORDER BY CASE WHEN status = 'open' AND due_at < ? THEN 0 WHEN status = 'open' THEN 1 "
      "ELSE 2 END, due_at, id LIMIT ? OFFSET ?";
  params.push_back(now);
  params.push_back(std::int64_t{q.limit} + 1);
  params.push_back(offset);
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto rows, tx.Query(sql, params));
    const bool more = rows.size() > static_cast<std::size_t>(q.limit);
    if (more) rows.pop_back();
    json::array data;
    for (const auto& r : rows) data.push_back(ToJson(FromRow(r), now));
    out["data"] = std::move(data);
    out["next_cursor"] =
        more ? json::value(std::to_string(offset + q.limit)) : json::value(nullptr);
    return Ok();
  }));
  return out;
}

}  // namespace chaincrm::services
