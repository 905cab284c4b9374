#include "services/customer_service.h"

#include "services/activity_json.h"
#include "services/analysis_service.h"
#include "services/case_service.h"
#include "services/customer_json.h"
#include "services/json_util.h"
#include "services/order_service.h"
#include "store/activity_repository.h"
#include "store/analysis_repository.h"
#include "store/change_log.h"
#include "store/customer_repository.h"
#include "store/user_repository.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::Resource;
using store::Tx;

namespace {

// Full visibility for the change log: it keeps before/after for admins and history.
constexpr domain::SensitiveVisibility kAll{true, true, true};

Status Check(const Actor& actor, Action action, const domain::Customer& c) {
  return CheckScope(actor, Resource::kCustomers, action, c.id, c.owner_id);
}

Result<CustomerView> View(Tx& tx, const Actor& actor, const domain::Customer& c) {
  ASSIGN_OR_RETURN(std::string currency, LedgerCurrencyOrDefault(tx));
  return CustomerView{CustomerToJson(c, domain::SensitiveFor(actor.role), currency), c.id,
                      c.version};
}

Status LogChange(Tx& tx, const Env& env, const Actor& actor, const domain::Customer& c,
                 std::string op, const std::string& before) {
  ASSIGN_OR_RETURN(std::string currency, LedgerCurrencyOrDefault(tx));
  store::ChangeEntry e;
  e.at = env.clock.Now();
  e.actor = actor.Label();
  e.entity = "customer";
  e.entity_id = c.id;
  e.customer_id = c.id;
  e.op = std::move(op);
  e.before_json = before;
  e.after_json = json::serialize(CustomerToJson(c, kAll, currency));
  e.request_id = actor.request_id;
  RETURN_IF_ERROR(store::AppendChange(tx, e));
  return Ok();
}

Status CheckReferences(Tx& tx, const domain::Customer& c) {
  std::vector<FieldError> errs;
  if (c.parent_id) {
    ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id FROM customers WHERE id = ?", {*c.parent_id}));
    if (rows.empty())
      errs.push_back({"parent_id", "customer " + std::to_string(*c.parent_id) + " does not exist"});
  }
  if (c.owner_id) {
    ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id FROM users WHERE id = ?", {*c.owner_id}));
    if (rows.empty())
      errs.push_back({"owner_id", "user " + std::to_string(*c.owner_id) + " does not exist"});
  }
  return ErrorsToStatus(std::move(errs));
}

}  // namespace

Result<std::string> LedgerCurrencyOrDefault(Tx& tx) {
  ASSIGN_OR_RETURN(auto currency, store::LedgerCurrency(tx));
  return currency.value_or("USD");
}

Result<CustomerView> CreateCustomer(const Env& env, const Actor& actor, const json::object& body,
                                    const std::optional<IdempotencyKey>& idem) {
  if (domain::Allowed(actor.role, Resource::kCustomers, Action::kCreate) == domain::Scope::kNone) {
    return Fail(Error::PermissionDenied("your role may not create customers"));
  }
  CustomerView view;
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
    ASSIGN_OR_RETURN(auto defs, store::LoadCustomFieldDefs(tx));
    domain::Customer c;
    RETURN_IF_ERROR(ErrorsToStatus(CustomerFromJson(body, defs, c)));
    if (actor.role == domain::Role::kSales && !c.owner_id) c.owner_id = actor.user_id;
    RETURN_IF_ERROR(CheckReferences(tx, c));
    c.created_at = c.updated_at = env.clock.Now();
    RETURN_IF_ERROR(store::InsertCustomer(tx, c, defs));
    RETURN_IF_ERROR(LogChange(tx, env, actor, c, "create", ""));
    ASSIGN_OR_RETURN(view, View(tx, actor, c));
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

Result<CustomerView> GetCustomer(const Env& env, const Actor& actor, std::int64_t id) {
  CustomerView view;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto defs, store::LoadCustomFieldDefs(tx));
    ASSIGN_OR_RETURN(auto c, store::LoadCustomer(tx, id, defs));
    RETURN_IF_ERROR(Check(actor, Action::kRead, c));
    ASSIGN_OR_RETURN(view, View(tx, actor, c));
    return Ok();
  }));
  return view;
}

Result<CustomerView> PatchCustomer(const Env& env, const Actor& actor, std::int64_t id,
                                   const json::object& patch, std::int64_t if_match) {
  CustomerView view;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto defs, store::LoadCustomFieldDefs(tx));
    ASSIGN_OR_RETURN(auto c, store::LoadCustomer(tx, id, defs));
    RETURN_IF_ERROR(Check(actor, Action::kRead, c));
    RETURN_IF_ERROR(Check(actor, Action::kUpdate, c));
    if (c.version != if_match) {
      return Fail(Error::FailedPrecondition("the customer was changed since you read it (version " +
                                            std::to_string(c.version) + ")"));
    }
    ASSIGN_OR_RETURN(std::string currency, LedgerCurrencyOrDefault(tx));
    const json::object before = CustomerToJson(c, kAll, currency);
    json::object merged = before;
    MergePatch(merged, patch);
    domain::Customer updated = c;
    RETURN_IF_ERROR(ErrorsToStatus(CustomerFromJson(merged, defs, updated)));
    RETURN_IF_ERROR(CheckReferences(tx, updated));
    updated.updated_at = env.clock.Now();
    RETURN_IF_ERROR(store::UpdateCustomer(tx, updated, if_match, defs));
    RETURN_IF_ERROR(LogChange(tx, env, actor, updated, "update", json::serialize(before)));
    ASSIGN_OR_RETURN(view, View(tx, actor, updated));
    return Ok();
  }));
  return view;
}

Result<CustomerView> ArchiveCustomer(const Env& env, const Actor& actor, std::int64_t id,
                                     bool archive) {
  CustomerView view;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto defs, store::LoadCustomFieldDefs(tx));
    ASSIGN_OR_RETURN(auto c, store::LoadCustomer(tx, id, defs));
    RETURN_IF_ERROR(Check(actor, Action::kRead, c));
    RETURN_IF_ERROR(Check(actor, Action::kDelete, c));
    ASSIGN_OR_RETURN(std::string currency, LedgerCurrencyOrDefault(tx));
    const std::string before = json::serialize(CustomerToJson(c, kAll, currency));
    RETURN_IF_ERROR(store::SetCustomerStatus(tx, id, archive, env.clock.Now()));
    ASSIGN_OR_RETURN(c, store::LoadCustomer(tx, id, defs));
    RETURN_IF_ERROR(LogChange(tx, env, actor, c, archive ? "archive" : "restore", before));
    ASSIGN_OR_RETURN(view, View(tx, actor, c));
    return Ok();
  }));
  return view;
}

Result<CustomerPage> ListCustomers(const Env& env, const Actor& actor, ListQuery q) {
  const auto scope = domain::Allowed(actor.role, Resource::kCustomers, Action::kRead);
  if (scope == domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not list customers"));
  if (scope == domain::Scope::kSelf) q.only_customer_id = actor.customer_id.value_or(-1);
  CustomerPage page;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto defs, store::LoadCustomFieldDefs(tx));
    ASSIGN_OR_RETURN(CompiledQuery cq, CompileCustomerQuery(q, defs, env.db.dialect()));
    ASSIGN_OR_RETURN(store::Rows rows, tx.Query(cq.select_sql, cq.select_params));
    const bool more = rows.size() > static_cast<std::size_t>(q.limit);
    if (more) {
      rows.erase(rows.begin() + q.limit, rows.end());
      page.next_cursor = EncodeCursor(rows.back(), cq);
    }
    std::vector<std::int64_t> ids;
    for (const auto& r : rows) ids.push_back(r.Int(0));
    ASSIGN_OR_RETURN(auto customers, store::LoadCustomers(tx, ids, defs));
    ASSIGN_OR_RETURN(std::string currency, LedgerCurrencyOrDefault(tx));
    const auto vis = domain::SensitiveFor(actor.role);
    // Scores ride along so that list views can show them (null when unscored).
    ASSIGN_OR_RETURN(auto scores, store::LoadScores(tx, ids));
    for (const auto& c : customers) {
      json::object row = CustomerToJson(c, vis, currency);
      auto it = scores.find(c.id);
      row["scores"] = it == scores.end() ? json::value(nullptr) : ScoreJson(it->second);
      page.data.push_back(std::move(row));
    }
    if (q.total) {
      ASSIGN_OR_RETURN(store::Rows n, tx.Query(cq.count_sql, cq.count_params));
      page.total = n.front().Int(0);
    }
    return Ok();
  }));
  return page;
}

Result<json::object> Customer360(const Env& env, const Actor& actor, std::int64_t id) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto defs, store::LoadCustomFieldDefs(tx));
    ASSIGN_OR_RETURN(auto c, store::LoadCustomer(tx, id, defs));
    RETURN_IF_ERROR(Check(actor, Action::kRead, c));
    ASSIGN_OR_RETURN(CustomerView view, View(tx, actor, c));
    ASSIGN_OR_RETURN(auto contacts, store::ListContacts(tx, id));
    ASSIGN_OR_RETURN(auto interactions, store::ListInteractions(tx, {id, std::nullopt, 20}));
    ASSIGN_OR_RETURN(auto purchases, store::ListPurchases(tx, {id, std::nullopt, 20}));
    json::array jc, ji, jp;
    for (const auto& x : contacts) jc.push_back(ContactToJson(x));
    for (const auto& x : interactions) ji.push_back(InteractionToJson(x));
    for (const auto& x : purchases) jp.push_back(PurchaseToJson(x));
    out["stats"] = view.json.at("stats");
    out["customer"] = std::move(view.json);
    out["contacts"] = std::move(jc);
    out["interactions"] = std::move(ji);
    out["purchases"] = std::move(jp);
    ASSIGN_OR_RETURN(out["scores"], CustomerScoresJson(tx, id));
    ASSIGN_OR_RETURN(out["cases"], OpenCasesJson(tx, id));
    ASSIGN_OR_RETURN(out["orders"], RecentOrdersJson(tx, id, 10));
    return Ok();
  }));
  return out;
}

Result<json::object> History(const Env& env, const Actor& actor, const HistoryQuery& q) {
  if (q.limit < 1 || q.limit > 500) {
    return Fail(Error::InvalidArgument("limit must be between 1 and 500",
                                       {{"limit", "must be between 1 and 500"}}));
  }
  store::ChangeQuery cq;
  cq.customer_id = q.customer_id;
  cq.entity = q.entity;
  cq.actor = q.actor;
  cq.limit = q.limit + 1;
  if (!q.cursor.empty()) {
    try {
      cq.before_seq = std::stoll(q.cursor);
    } catch (...) {
      return Fail(Error::InvalidArgument("cursor is not valid",
                                         {{"cursor", "is not a cursor from this list"}}));
    }
  }
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    if (q.customer_id) {
      ASSIGN_OR_RETURN(auto rows,
                       tx.Query("SELECT owner_id FROM customers WHERE id = ?", {*q.customer_id}));
      if (rows.empty()) return Fail(Error::NotFound("customer not found"));
      RETURN_IF_ERROR(CheckScope(actor, Resource::kCustomers, Action::kRead, *q.customer_id,
                                 rows.front().OptInt(0)));
    } else if (domain::Allowed(actor.role, Resource::kAudit, Action::kRead) ==
               domain::Scope::kNone) {
      return Fail(Error::PermissionDenied("your role may not read the audit log"));
    }
    ASSIGN_OR_RETURN(auto entries, store::ListChanges(tx, cq));
    const bool more = entries.size() > static_cast<std::size_t>(q.limit);
    if (more) entries.resize(static_cast<std::size_t>(q.limit));
    const auto vis = domain::SensitiveFor(actor.role);
    json::array data;
    for (const auto& e : entries) {
      boost::system::error_code ec1, ec2;
      json::value b =
          e.before_json.empty() ? json::value(json::object()) : json::parse(e.before_json, ec1);
      json::value a =
          e.after_json.empty() ? json::value(json::object()) : json::parse(e.after_json, ec2);
      if (ec1 || !b.is_object()) b = json::object();
      if (ec2 || !a.is_object()) a = json::object();
      for (auto* o : {&b.as_object(), &a.as_object()}) {
        if (!vis.measurements) o->erase("measurements");
        if (!vis.birth_date) o->erase("birth_date");
        if (!vis.income_band) o->erase("income_band");
      }
      data.push_back(json::object{{"seq", e.seq},
                                  {"at", FormatTime(e.at)},
                                  {"actor", e.actor},
                                  {"entity", e.entity},
                                  {"entity_id", e.entity_id},
                                  {"customer_id", OptJson(e.customer_id)},
                                  {"op", e.op},
                                  {"request_id", e.request_id},
                                  {"changes", DiffObjects(b.as_object(), a.as_object())}});
    }
    out["data"] = std::move(data);
    out["next_cursor"] =
        more ? json::value(std::to_string(entries.back().seq)) : json::value(nullptr);
    return Ok();
  }));
  return out;
}

}  // namespace chaincrm::services
