// The configurator: validate, price and store a customer's configuration.

#include "services/json_util.h"
#include "services/product_service.h"
#include "services/sales_common.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::Resource;
using store::Tx;

namespace {

Result<domain::Selection> SelectionFromJson(const json::object& body) {
  std::vector<FieldError> errs;
  domain::Selection s;
  if (const auto* o = body.if_contains("options"); o && !o->is_null()) {
    if (!o->is_object()) {
      errs.push_back({"options", "must be an object {group: option}"});
    } else {
      for (const auto& [k, v] : o->as_object()) {
        if (v.is_string()) {
          s.choices[std::string(k)] = std::string(v.as_string());
        } else {
          errs.push_back({"options." + std::string(k), "must be an option code"});
        }
      }
    }
  }
  if (const auto* m = body.if_contains("measurements"); m && !m->is_null()) {
    if (!m->is_object()) {
      errs.push_back({"measurements", "must be an object {group: number}"});
    } else {
      for (const auto& [k, v] : m->as_object()) {
        if (v.is_number()) {
          s.measurements[std::string(k)] = v.to_number<double>();
        } else {
          errs.push_back({"measurements." + std::string(k), "must be a number"});
        }
      }
    }
  }
  RETURN_IF_ERROR(ErrorsToStatus(std::move(errs)));
  return s;
}

json::object ConfigurationJson(std::int64_t id, std::int64_t product_id,
                               std::optional<std::int64_t> customer_id, const json::object& sel,
                               std::int64_t price, std::int64_t lead, const std::string& currency,
                               Millis created_at) {
  return {{"id", id == 0 ? json::value(nullptr) : json::value(id)},
          {"product_id", product_id},
          {"customer_id", OptJson(customer_id)},
          {"options", sel.at("options")},
          {"measurements", sel.at("measurements")},
          {"unit_price", MoneyJson(price, currency)},
          {"lead_time_days", lead},
          {"created_at", FormatTime(created_at)}};
}

Result<json::object> LoadConfigurationJson(Tx& tx, std::int64_t id, std::int64_t& customer_id) {
  ASSIGN_OR_RETURN(auto r, tx.QueryOne("SELECT id, product_id, customer_id, selections, "
                                       "unit_price, currency, lead_time_days, created_at FROM "
                                       "configurations WHERE id = ?",
                                       {id}, "configuration " + std::to_string(id) + " not found"));
  ASSIGN_OR_RETURN(auto sel, ParseObject(r.Text(3)));
  customer_id = r.OptInt(2).value_or(0);
  return ConfigurationJson(r.Int(0), r.Int(1), r.OptInt(2), sel, r.Int(4), r.Int(6), r.Text(5),
                           r.Int(7));
}

}  // namespace

json::object SelectionToJson(const domain::Selection& s) {
  json::object opts, meas;
  for (const auto& [k, v] : s.choices) opts[k] = v;
  for (const auto& [k, v] : s.measurements) meas[k] = v;
  return {{"options", std::move(opts)}, {"measurements", std::move(meas)}};
}

Result<std::int64_t> InsertConfiguration(Tx& tx, const Product& p, std::int64_t customer_id,
                                         const domain::Selection& selection,
                                         const domain::PricedConfiguration& priced,
                                         const std::string& created_by, Millis now) {
  ASSIGN_OR_RETURN(
      auto rows,
      tx.Query("INSERT INTO configurations (product_id, customer_id, selections, unit_price, "
               "unit_cost, currency, lead_time_days, created_by, created_at) VALUES (?, ?, ?, ?, "
               "?, ?, ?, ?, ?) RETURNING id",
               {p.id, customer_id, json::serialize(SelectionToJson(selection)), priced.unit_price,
                priced.unit_cost, p.currency, priced.lead_time_days, created_by, now}));
  return rows.front().Int(0);
}

Result<json::object> ConfigureProduct(const Env& env, const Actor& actor, std::int64_t product_id,
                                      const json::object& body) {
  JsonReader r(body);
  r.Known({"options", "measurements", "customer_id", "save"});
  std::optional<std::int64_t> customer_id = r.Int("customer_id");
  const std::optional<bool> save_flag = r.Bool("save");
  RETURN_IF_ERROR(ErrorsToStatus(r.errors()));
  ASSIGN_OR_RETURN(auto selection, SelectionFromJson(body));
  if (actor.role == domain::Role::kCustomer) {
    if (customer_id && customer_id != actor.customer_id)
      return Fail(Error::NotFound("customer " + std::to_string(*customer_id) + " not found"));
    customer_id = actor.customer_id;
  }
  const bool save = save_flag.value_or(customer_id.has_value());
  if (save && !customer_id)
    return Fail(Error::InvalidArgument("a saved configuration belongs to a customer",
                                       {{"customer_id", "is required to save"}}));
  json::object out;
  auto run = [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto p, LoadProduct(tx, product_id));
    if (!p.active) return Fail(Error::InvalidArgument("product " + p.sku + " is not active"));
    ASSIGN_OR_RETURN(auto priced, domain::EvaluateConfiguration(p.model, selection));
    const json::object sel = SelectionToJson(selection);
    const Millis now = env.clock.Now();
    std::int64_t id = 0;
    if (save) {
      if (actor.role != domain::Role::kCustomer)
        RETURN_IF_ERROR(
            CheckCustomerAccess(tx, actor, Resource::kOrders, Action::kCreate, *customer_id));
      ASSIGN_OR_RETURN(
          id, InsertConfiguration(tx, p, *customer_id, selection, priced, actor.Label(), now));
    }
    out = ConfigurationJson(id, product_id, save ? customer_id : std::nullopt, sel,
                            priced.unit_price, priced.lead_time_days, p.currency, now);
    out["valid"] = true;
    out["base_price"] = MoneyJson(p.model.price, p.currency);
    out["saved"] = save;
    if (!save) return Ok();
    return LogSalesChange(tx, env, actor, "configuration", id, customer_id, "create", "", out);
  };
  RETURN_IF_ERROR(save ? env.db.Write(run) : env.db.Read(run));
  return out;
}

Result<json::object> GetConfiguration(const Env& env, const Actor& actor, std::int64_t id) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    std::int64_t customer_id = 0;
    ASSIGN_OR_RETURN(out, LoadConfigurationJson(tx, id, customer_id));
    return CheckCustomerAccess(tx, actor, Resource::kOrders, Action::kRead, customer_id);
  }));
  return out;
}

Result<json::object> ListConfigurations(const Env& env, const Actor& actor,
                                        std::int64_t customer_id, const std::string& cursor,
                                        int limit) {
  RETURN_IF_ERROR(CheckListLimit(limit));
  ASSIGN_OR_RETURN(auto before, ParseIdCursor(cursor));
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    RETURN_IF_ERROR(CheckCustomerAccess(tx, actor, Resource::kOrders, Action::kRead, customer_id));
    ASSIGN_OR_RETURN(auto rows,
                     tx.Query("SELECT id FROM configurations WHERE customer_id = ? AND "
                              "id < ? ORDER BY id DESC LIMIT ?",
                              {customer_id, before.value_or(INT64_MAX), std::int64_t{limit} + 1}));
    const bool more = rows.size() > static_cast<std::size_t>(limit);
    if (more) rows.pop_back();
    json::array data;
    for (const auto& r : rows) {
      std::int64_t cid = 0;
      ASSIGN_OR_RETURN(auto c, LoadConfigurationJson(tx, r.Int(0), cid));
      data.push_back(std::move(c));
    }
    out["data"] = std::move(data);
    out["next_cursor"] =
        more ? json::value(std::to_string(rows.back().Int(0))) : json::value(nullptr);
    return Ok();
  }));
  return out;
}

}  // namespace chaincrm::services
