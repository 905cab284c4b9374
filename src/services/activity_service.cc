#include "services/activity_service.h"

#include <charconv>

#include "services/activity_json.h"
#include "services/customer_json.h"
#include "services/json_util.h"
#include "services/ledger.h"
#include "store/activity_repository.h"
#include "store/change_log.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::Resource;
using store::Tx;

namespace {

// Checks the actor may act on records of `customer_id` (NotFound if it does not exist).
Status CheckCustomer(Tx& tx, const Actor& actor, Resource resource, Action action,
                     std::int64_t customer_id) {
  ASSIGN_OR_RETURN(auto rows,
                   tx.Query("SELECT owner_id FROM customers WHERE id = ?", {customer_id}));
  if (rows.empty()) {
    return Fail(Error(Code::kNotFound, "customer " + std::to_string(customer_id) + " not found"));
  }
  if (action != Action::kRead) {
    RETURN_IF_ERROR(
        CheckScope(actor, resource, Action::kRead, customer_id, rows.front().OptInt(0)));
  }
  return CheckScope(actor, resource, action, customer_id, rows.front().OptInt(0));
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

// Activity cursors are "<occurred_at>.<id>" of the last row of a page.
Result<std::optional<std::pair<Millis, std::int64_t>>> ParseActivityCursor(const std::string& s) {
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

Status CheckLimit(int limit) {
  if (limit < 1 || limit > 500) {
    return Fail(Error::InvalidArgument("limit must be between 1 and 500",
                                       {{"limit", "must be between 1 and 500"}}));
  }
  return Ok();
}

// Shared list logic: scope to the actor, page newest first, map to JSON.
template <typename LoadFn, typename ToJson>
Result<json::object> ListPage(const Env& env, const Actor& actor, Resource resource,
                              const ActivityListQuery& q, LoadFn&& load, ToJson&& to_json) {
  RETURN_IF_ERROR(CheckLimit(q.limit));
  ASSIGN_OR_RETURN(auto before, ParseActivityCursor(q.cursor));
  const auto scope = domain::Allowed(actor.role, resource, Action::kRead);
  if (scope == domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not read these records"));
  store::ActivityPage page{q.customer_id, before, q.limit + 1};
  if (scope == domain::Scope::kSelf) {
    if (q.customer_id && q.customer_id != actor.customer_id) {
      return Fail(Error::NotFound("customer " + std::to_string(*q.customer_id) + " not found"));
    }
    page.customer_id = actor.customer_id.value_or(-1);
  }
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    if (page.customer_id && scope != domain::Scope::kSelf) {
      RETURN_IF_ERROR(CheckCustomer(tx, actor, resource, Action::kRead, *page.customer_id));
    }
    ASSIGN_OR_RETURN(auto items, load(tx, page));
    const bool more = items.size() > static_cast<std::size_t>(q.limit);
    if (more) items.pop_back();
    json::array data;
    for (const auto& x : items) data.push_back(to_json(x));
    out["data"] = std::move(data);
    out["next_cursor"] = more ? json::value(std::to_string(items.back().occurred_at) + "." +
                                            std::to_string(items.back().id))
                              : json::value(nullptr);
    return Ok();
  }));
  return out;
}

}  // namespace

Result<json::object> ListContactsOf(const Env& env, const Actor& actor, std::int64_t customer_id) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    RETURN_IF_ERROR(CheckCustomer(tx, actor, Resource::kContacts, Action::kRead, customer_id));
    ASSIGN_OR_RETURN(auto contacts, store::ListContacts(tx, customer_id));
    json::array data;
    for (const auto& c : contacts) data.push_back(ContactToJson(c));
    out["data"] = std::move(data);
    out["next_cursor"] = nullptr;
    return Ok();
  }));
  return out;
}

Result<json::object> CreateContact(const Env& env, const Actor& actor, std::int64_t customer_id,
                                   const json::object& body) {
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    RETURN_IF_ERROR(CheckCustomer(tx, actor, Resource::kContacts, Action::kCreate, customer_id));
    domain::Contact c;
    RETURN_IF_ERROR(ErrorsToStatus(ContactFromJson(body, c)));
    c.customer_id = customer_id;
    c.created_at = c.updated_at = env.clock.Now();
    RETURN_IF_ERROR(store::InsertContact(tx, c));
    out = ContactToJson(c);
    return Log(tx, env, actor, "contact", c.id, customer_id, "create", "", out);
  }));
  return out;
}

Result<json::object> GetContact(const Env& env, const Actor& actor, std::int64_t id) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto c, store::LoadContact(tx, id));
    RETURN_IF_ERROR(CheckCustomer(tx, actor, Resource::kContacts, Action::kRead, c.customer_id));
    out = ContactToJson(c);
    return Ok();
  }));
  return out;
}

Result<json::object> PatchContact(const Env& env, const Actor& actor, std::int64_t id,
                                  const json::object& patch, std::int64_t if_match) {
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto c, store::LoadContact(tx, id));
    RETURN_IF_ERROR(CheckCustomer(tx, actor, Resource::kContacts, Action::kUpdate, c.customer_id));
    if (c.version != if_match)
      return Fail(Error::FailedPrecondition("the contact was changed since you read it"));
    const json::object before = ContactToJson(c);
    json::object merged = before;
    MergePatch(merged, patch);
    RETURN_IF_ERROR(ErrorsToStatus(ContactFromJson(merged, c)));
    c.updated_at = env.clock.Now();
    RETURN_IF_ERROR(store::UpdateContact(tx, c, if_match));
    out = ContactToJson(c);
    return Log(tx, env, actor, "contact", c.id, c.customer_id, "update", json::serialize(before),
               out);
  }));
  return out;
}

Result<json::object> ArchiveContactById(const Env& env, const Actor& actor, std::int64_t id) {
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto c, store::LoadContact(tx, id));
    RETURN_IF_ERROR(CheckCustomer(tx, actor, Resource::kContacts, Action::kDelete, c.customer_id));
    RETURN_IF_ERROR(store::ArchiveContact(tx, id, env.clock.Now()));
    out = ContactToJson(c);
    out["archived"] = true;
    return Log(tx, env, actor, "contact", id, c.customer_id, "archive",
               json::serialize(ContactToJson(c)), out);
  }));
  return out;
}

Result<json::object> CreateInteraction(const Env& env, const Actor& actor,
                                       const json::object& body) {
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    domain::Interaction i;
    const Millis now = env.clock.Now();
    RETURN_IF_ERROR(ErrorsToStatus(InteractionFromJson(body, now, i)));
    RETURN_IF_ERROR(
        CheckCustomer(tx, actor, Resource::kInteractions, Action::kCreate, i.customer_id));
    if (i.contact_id) {
      auto contact = store::LoadContact(tx, *i.contact_id);
      if (!contact || contact->customer_id != i.customer_id) {
        return Fail(Error::InvalidArgument("contact does not belong to the customer",
                                           {{"contact_id", "is not a contact of this customer"}}));
      }
    }
    i.created_at = now;
    if (actor.user_id) i.created_by = actor.user_id;
    RETURN_IF_ERROR(store::InsertInteraction(tx, i));
    out = InteractionToJson(i);
    return Log(tx, env, actor, "interaction", i.id, i.customer_id, "create", "", out);
  }));
  return out;
}

Result<json::object> ListInteractionsPage(const Env& env, const Actor& actor,
                                          const ActivityListQuery& q) {
  return ListPage(
      env, actor, Resource::kInteractions, q,
      [](Tx& tx, const store::ActivityPage& p) { return store::ListInteractions(tx, p); },
      [](const domain::Interaction& i) { return InteractionToJson(i); });
}

Result<json::object> CreatePurchase(const Env& env, const Actor& actor, const json::object& body) {
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    domain::Purchase p;
    const Millis now = env.clock.Now();
    RETURN_IF_ERROR(ErrorsToStatus(PurchaseFromJson(body, now, p)));
    RETURN_IF_ERROR(CheckCustomer(tx, actor, Resource::kPurchases, Action::kCreate, p.customer_id));
    p.created_at = now;
    ASSIGN_OR_RETURN(bool inserted, PostPurchase(tx, p));
    out = PurchaseToJson(p);
    out["posted"] = inserted;
    if (!inserted) return Ok();
    return Log(tx, env, actor, "purchase", p.id, p.customer_id, "create", "", out);
  }));
  return out;
}

Result<json::object> ListPurchasesPage(const Env& env, const Actor& actor,
                                       const ActivityListQuery& q) {
  return ListPage(
      env, actor, Resource::kPurchases, q,
      [](Tx& tx, const store::ActivityPage& p) { return store::ListPurchases(tx, p); },
      [](const domain::Purchase& p) { return PurchaseToJson(p); });
}

}  // namespace chaincrm::services
