#include "services/return_service.h"

#include <charconv>

#include "services/customer_service.h"
#include "services/json_util.h"
#include "store/case_repository.h"
#include "store/change_log.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::Resource;
using store::Tx;

namespace {

constexpr std::string_view kColumns =
    "id, customer_id, purchase_id, order_line_id, case_id, reason, decision, status, quantity, "
    "amount, currency, version, created_at, updated_at, decided_at, completed_at";

struct Return {
  std::int64_t id = 0, customer_id = 0;
  std::optional<std::int64_t> purchase_id, order_line_id, case_id;
  std::string reason;
  std::optional<std::string> decision;
  std::string status;
  double quantity = 1;
  std::int64_t amount = 0;
  std::string currency;
  std::int64_t version = 0;
  Millis created_at = 0, updated_at = 0;
  std::optional<Millis> decided_at, completed_at;
};

Return FromRow(const store::Row& r) {
  return {r.Int(0),     r.Int(1),  r.OptInt(2),  r.OptInt(3), r.OptInt(4), r.Text(5),
          r.OptText(6), r.Text(7), r.Real(8),    r.Int(9),    r.Text(10),  r.Int(11),
          r.Int(12),    r.Int(13), r.OptInt(14), r.OptInt(15)};
}

json::object ToJson(const Return& x) {
  return {{"id", x.id},
          {"customer_id", x.customer_id},
          {"purchase_id", OptJson(x.purchase_id)},
          {"order_line_id", OptJson(x.order_line_id)},
          {"case_id", OptJson(x.case_id)},
          {"reason", x.reason},
          {"decision", OptJson(x.decision)},
          {"status", x.status},
          {"quantity", x.quantity},
          {"amount", MoneyJson(x.amount, x.currency)},
          {"version", x.version},
          {"created_at", FormatTime(x.created_at)},
          {"updated_at", FormatTime(x.updated_at)},
          {"decided_at", OptTime(x.decided_at)},
          {"completed_at", OptTime(x.completed_at)}};
}

Result<Return> Load(Tx& tx, std::int64_t id) {
  ASSIGN_OR_RETURN(
      auto rows, tx.Query("SELECT " + std::string(kColumns) + " FROM returns WHERE id = ?", {id}));
  if (rows.empty()) return Fail(Error::NotFound("return " + std::to_string(id) + " not found"));
  return FromRow(rows.front());
}

Status Check(const Actor& actor, Action action, std::int64_t customer_id) {
  RETURN_IF_ERROR(CheckScope(actor, Resource::kReturns, Action::kRead, customer_id, std::nullopt));
  return CheckScope(actor, Resource::kReturns, action, customer_id, std::nullopt);
}

Status Log(Tx& tx, const Env& env, const Actor& actor, const Return& x, const std::string& op,
           const std::string& before) {
  store::ChangeEntry e;
  e.at = env.clock.Now();
  e.actor = actor.Label();
  e.entity = "return";
  e.entity_id = x.id;
  e.customer_id = x.customer_id;
  e.op = op;
  e.before_json = before;
  e.after_json = json::serialize(ToJson(x));
  e.request_id = actor.request_id;
  RETURN_IF_ERROR(store::AppendChange(tx, e));
  return Ok();
}

bool TransitionAllowed(const std::string& from, const std::string& to) {
  return (from == "requested" && (to == "approved" || to == "rejected")) ||
         (from == "approved" && to == "completed");
}

// Reads the editable fields onto `x`.
void ReadFields(JsonReader& r, bool create, Return& x) {
  if (create || r.Has("reason")) {
    auto reason = r.Str("reason");
    if (!reason || reason->empty() || reason->size() > 500) {
      r.Error("reason", "is required (1 to 500 characters)");
    } else {
      x.reason = *reason;
    }
  }
  if (create || r.Has("quantity")) {
    auto q = r.Num("quantity");
    if (!q && create && !r.Has("quantity")) {
      x.quantity = 1;
    } else if (!q || !(*q > 0) || *q > 1e9) {
      r.Error("quantity", "must be a positive number");
    } else {
      x.quantity = *q;
    }
  }
  if (r.Has("amount")) {
    auto m = r.Money("amount");
    if (m && m->first < 0) {
      r.Error("amount", "must not be negative");
    } else if (m) {
      x.amount = m->first;
      x.currency = m->second;
    }
  }
  if (r.Has("decision")) {
    auto d = r.Str("decision");
    if (!d || (*d != "refund" && *d != "replace" && *d != "repair" && *d != "reject")) {
      r.Error("decision", "must be one of refund, replace, repair, reject");
    } else {
      x.decision = d;
    }
  }
}

}  // namespace

Result<ReturnView> CreateReturn(const Env& env, const Actor& actor, const json::object& body) {
  if (domain::Allowed(actor.role, Resource::kReturns, Action::kCreate) == domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not record returns"));
  ReturnView view;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    JsonReader r(body);
    r.Known({"customer_id", "case_id", "purchase_id", "order_line_id", "reason", "quantity",
             "amount", "decision"});
    Return x;
    ASSIGN_OR_RETURN(x.currency, LedgerCurrencyOrDefault(tx));
    const auto customer_id = r.Int("customer_id");
    if (!customer_id) r.Error("customer_id", "is required");
    x.case_id = r.Int("case_id");
    x.purchase_id = r.Int("purchase_id");
    x.order_line_id = r.Int("order_line_id");
    ReadFields(r, true, x);
    if (r.Has("decision")) r.Error("decision", "is given when the return is approved or rejected");
    RETURN_IF_ERROR(ErrorsToStatus(std::move(r.errors())));
    x.customer_id = *customer_id;
    ASSIGN_OR_RETURN(auto cust, tx.Query("SELECT id FROM customers WHERE id = ?", {x.customer_id}));
    if (cust.empty())
      return Fail(Error::NotFound("customer " + std::to_string(x.customer_id) + " not found"));
    RETURN_IF_ERROR(Check(actor, Action::kCreate, x.customer_id));
    std::vector<FieldError> errs;
    if (x.case_id) {
      auto c = store::LoadCase(tx, *x.case_id);
      if (!c || c->customer_id != x.customer_id)
        errs.push_back({"case_id", "is not a case of this customer"});
    }
    if (x.purchase_id) {
      ASSIGN_OR_RETURN(
          auto p, tx.Query("SELECT customer_id FROM purchases WHERE id = ?", {*x.purchase_id}));
      if (p.empty() || p.front().Int(0) != x.customer_id)
        errs.push_back({"purchase_id", "is not a purchase of this customer"});
    }
    RETURN_IF_ERROR(ErrorsToStatus(std::move(errs)));
    x.status = "requested";
    x.created_at = x.updated_at = env.clock.Now();
    ASSIGN_OR_RETURN(
        auto rows,
        tx.Query("INSERT INTO returns (customer_id, purchase_id, order_line_id, case_id, reason, "
                 "status, quantity, amount, currency, version, created_by, created_at, "
                 "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id",
                 {x.customer_id, store::OrNull(x.purchase_id), store::OrNull(x.order_line_id),
                  store::OrNull(x.case_id), x.reason, x.status, x.quantity, x.amount, x.currency,
                  actor.user_id ? store::Value(actor.user_id) : store::Null(), x.created_at,
                  x.updated_at}));
    x.id = rows.front().Int(0);
    x.version = 1;
    RETURN_IF_ERROR(Log(tx, env, actor, x, "create", ""));
    view = {ToJson(x), x.id, x.version};
    return Ok();
  }));
  return view;
}

Result<ReturnView> GetReturn(const Env& env, const Actor& actor, std::int64_t id) {
  ReturnView view;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto x, Load(tx, id));
    RETURN_IF_ERROR(Check(actor, Action::kRead, x.customer_id));
    view = {ToJson(x), x.id, x.version};
    return Ok();
  }));
  return view;
}

Result<ReturnView> PatchReturn(const Env& env, const Actor& actor, std::int64_t id,
                               const json::object& patch, std::int64_t if_match) {
  ReturnView view;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto x, Load(tx, id));
    RETURN_IF_ERROR(Check(actor, Action::kUpdate, x.customer_id));
    if (x.version != if_match)
      return Fail(Error::FailedPrecondition("the return was changed since you read it"));
    const std::string before = json::serialize(ToJson(x));
    JsonReader r(patch);
    r.Known({"status", "decision", "reason", "quantity", "amount"});
    ReadFields(r, false, x);
    const auto status = r.Str("status");
    RETURN_IF_ERROR(ErrorsToStatus(std::move(r.errors())));
    const Millis now = env.clock.Now();
    if (status && *status != x.status) {
      if (!TransitionAllowed(x.status, *status)) {
        return Fail(Error::InvalidArgument(
            "a return cannot move from '" + x.status + "' to '" + *status + "'",
            {{"status", "cannot change from '" + x.status + "' to '" + *status + "'"}}));
      }
      if (*status == "approved" && (!x.decision || *x.decision == "reject")) {
        return Fail(Error::InvalidArgument("approving needs a decision",
                                           {{"decision", "must be refund, replace or repair"}}));
      }
      if (*status == "rejected") x.decision = "reject";
      if (*status == "approved" || *status == "rejected") x.decided_at = now;
      if (*status == "completed") x.completed_at = now;
      x.status = *status;
    }
    x.updated_at = now;
    ASSIGN_OR_RETURN(
        std::int64_t n,
        tx.Exec("UPDATE returns SET reason = ?, decision = ?, status = ?, quantity = ?, amount = "
                "?, currency = ?, decided_at = ?, completed_at = ?, updated_at = ?, version = "
                "version + 1 WHERE id = ? AND version = ?",
                {x.reason, store::OrNull(x.decision), x.status, x.quantity, x.amount, x.currency,
                 store::OrNull(x.decided_at), store::OrNull(x.completed_at), x.updated_at, x.id,
                 if_match}));
    if (n == 0) return Fail(Error::FailedPrecondition("the return was changed since you read it"));
    x.version = if_match + 1;
    RETURN_IF_ERROR(Log(tx, env, actor, x, status ? "transition" : "update", before));
    view = {ToJson(x), x.id, x.version};
    return Ok();
  }));
  return view;
}

Result<json::object> ListReturnsPage(const Env& env, const Actor& actor, const ReturnListQuery& q) {
  if (q.limit < 1 || q.limit > 500) {
    return Fail(Error::InvalidArgument("limit must be between 1 and 500",
                                       {{"limit", "must be between 1 and 500"}}));
  }
  const auto scope = domain::Allowed(actor.role, Resource::kReturns, Action::kRead);
  if (scope == domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not read returns"));
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
  std::string sql = "SELECT " + std::string(kColumns) + " FROM returns WHERE 1 = 1";
  store::Params p;
  if (customer_id) {
    sql += " AND customer_id = ?";
    p.push_back(*customer_id);
  }
  if (q.case_id) {
    sql += " AND case_id = ?";
    p.push_back(*q.case_id);
  }
  if (q.status) {
    sql += " AND status = ?";
    p.push_back(*q.status);
  }
  if (before > 0) {
    sql += " AND id < ?";
    p.push_back(before);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  p.push_back(static_cast<std::int64_t>(q.limit + 1));
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto rows, tx.Query(sql, p));
    const bool more = rows.size() > static_cast<std::size_t>(q.limit);
    if (more) rows.pop_back();
    json::array data;
    for (const auto& r : rows) data.push_back(ToJson(FromRow(r)));
    out["data"] = std::move(data);
    out["next_cursor"] =
        more ? json::value(std::to_string(rows.back().Int(0))) : json::value(nullptr);
    return Ok();
  }));
  return out;
}

}  // namespace chaincrm::services
