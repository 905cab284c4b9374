#include "services/custom_field_service.h"

#include "services/json_util.h"
#include "store/change_log.h"
#include "store/customer_repository.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::CustomFieldDef;
using domain::Resource;

namespace {

json::object DefToJson(const CustomFieldDef& d) {
  json::array allowed;
  for (const auto& v : d.allowed_values) allowed.emplace_back(v);
  return {{"id", d.id},
          {"entity", d.entity},
          {"key", d.key},
          {"label", d.label},
          {"type", d.type},
          {"required", d.required},
          {"allowed_values", std::move(allowed)}};
}

void ReadDef(JsonReader& r, CustomFieldDef& d) {
  if (r.Has("label")) d.label = r.Str("label").value_or("");
  if (r.Has("required")) d.required = r.Bool("required").value_or(false);
  if (r.Has("allowed_values")) {
    d.allowed_values.clear();
    const auto* v = r.Get("allowed_values");
    if (v->is_array()) {
      for (const auto& x : v->as_array()) {
        if (x.is_string())
          d.allowed_values.emplace_back(x.as_string());
        else
          r.Error("allowed_values", "must be an array of strings");
      }
    } else if (!v->is_null()) {
      r.Error("allowed_values", "must be an array of strings");
    }
  }
}

Status Require(const Actor& actor, Action action) {
  if (domain::Allowed(actor.role, Resource::kCustomFields, action) == domain::Scope::kNone) {
    return Fail(Error::PermissionDenied("your role may not manage custom fields"));
  }
  return Ok();
}

Status Log(store::Tx& tx, const Env& env, const Actor& actor, std::int64_t id,
           const std::string& op, const std::string& before, const std::string& after) {
  store::ChangeEntry e{0,  env.clock.Now(), actor.Label(), "custom_field",  id, std::nullopt,
                       op, before,          after,         actor.request_id};
  RETURN_IF_ERROR(store::AppendChange(tx, e));
  return Ok();
}

}  // namespace

Result<json::object> ListCustomFields(const Env& env, const Actor& actor) {
  RETURN_IF_ERROR(Require(actor, Action::kRead));
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto defs, store::LoadCustomFieldDefs(tx));
    json::array data;
    for (const auto& d : defs) data.push_back(DefToJson(d));
    out["data"] = std::move(data);
    return Ok();
  }));
  return out;
}

Result<json::object> CreateCustomField(const Env& env, const Actor& actor,
                                       const json::object& body) {
  RETURN_IF_ERROR(Require(actor, Action::kCreate));
  JsonReader r(body);
  r.Known({"entity", "key", "label", "type", "required", "allowed_values"});
  CustomFieldDef d;
  d.entity = r.Str("entity").value_or("customer");
  d.key = r.Str("key").value_or("");
  d.type = r.Str("type").value_or("");
  ReadDef(r, d);
  auto errs = std::move(r.errors());
  for (auto& e : domain::ValidateCustomFieldDef(d)) errs.push_back(std::move(e));
  RETURN_IF_ERROR(ErrorsToStatus(std::move(errs)));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(CustomFieldDef created, store::InsertCustomFieldDef(tx, d, env.clock.Now()));
    out = DefToJson(created);
    return Log(tx, env, actor, created.id, "create", "", json::serialize(out));
  }));
  return out;
}

Result<json::object> PatchCustomField(const Env& env, const Actor& actor, std::int64_t id,
                                      const json::object& patch) {
  RETURN_IF_ERROR(Require(actor, Action::kUpdate));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto defs, store::LoadCustomFieldDefs(tx));
    auto it = std::find_if(defs.begin(), defs.end(), [&](const auto& d) { return d.id == id; });
    if (it == defs.end()) return Fail(Error::NotFound("custom field not found"));
    const std::string before = json::serialize(DefToJson(*it));
    JsonReader r(patch);
    r.Known({"label", "required", "allowed_values"});
    ReadDef(r, *it);
    auto errs = std::move(r.errors());
    for (auto& e : domain::ValidateCustomFieldDef(*it)) errs.push_back(std::move(e));
    RETURN_IF_ERROR(ErrorsToStatus(std::move(errs)));
    RETURN_IF_ERROR(store::UpdateCustomFieldDef(tx, *it));
    out = DefToJson(*it);
    return Log(tx, env, actor, id, "update", before, json::serialize(out));
  }));
  return out;
}

Status DeleteCustomField(const Env& env, const Actor& actor, std::int64_t id) {
  RETURN_IF_ERROR(Require(actor, Action::kDelete));
  return env.db.Write([&](store::Tx& tx) -> Status {
    RETURN_IF_ERROR(store::DeleteCustomFieldDef(tx, id));
    return Log(tx, env, actor, id, "delete", "", "");
  });
}

}  // namespace chaincrm::services
