#include "services/shipment_service.h"

#include <array>
#include <map>

#include "services/json_util.h"
#include "services/sales_common.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::Resource;
using store::Tx;

namespace {

constexpr const char* kShipmentColumns =
    "s.id, s.number, s.order_id, s.customer_id, s.carrier, s.tracking_number, s.status, "
    "s.shipped_at, s.delivered_at, s.last_event_at, s.last_place, s.created_at, s.updated_at, "
    "o.number";
constexpr std::array<std::string_view, 6> kEventStatuses = {
    "picked_up", "in_transit", "out_for_delivery", "delivered", "exception", "returned"};

json::object ShipmentJson(const store::Row& r) {
  return {{"id", r.Int(0)},
          {"number", r.Text(1)},
          {"order_id", r.Int(2)},
          {"order_number", OptJson(r.OptText(13))},
          {"customer_id", r.Int(3)},
          {"carrier", r.Text(4)},
          {"tracking_number", OptJson(r.OptText(5))},
          {"status", r.Text(6)},
          {"shipped_at", OptTime(r.OptInt(7))},
          {"delivered_at", OptTime(r.OptInt(8))},
          {"last_event_at", OptTime(r.OptInt(9))},
          {"last_place", OptJson(r.OptText(10))},
          {"created_at", FormatTime(r.Int(11))},
          {"updated_at", FormatTime(r.Int(12))}};
}

Result<json::object> LoadShipmentJson(Tx& tx, std::int64_t id, std::int64_t& customer_id) {
  ASSIGN_OR_RETURN(auto r, tx.QueryOne(std::string("SELECT ") + kShipmentColumns +
                                           " FROM shipments s JOIN orders o ON o.id = s.order_id "
                                           "WHERE s.id = ?",
                                       {id}, "shipment " + std::to_string(id) + " not found"));
  customer_id = r.Int(3);
  json::object o = ShipmentJson(r);
  json::array events;
  RETURN_IF_ERROR(tx.ForEach(
      "SELECT id, event_id, occurred_at, place, status, source FROM shipment_events WHERE "
      "shipment_id = ? ORDER BY occurred_at, id",
      {id}, [&](const store::Row& e) -> Status {
        events.push_back({{"id", e.Int(0)},
                          {"event_id", OptJson(e.OptText(1))},
                          {"occurred_at", FormatTime(e.Int(2))},
                          {"place", OptJson(e.OptText(3))},
                          {"status", e.Text(4)},
                          {"source", OptJson(e.OptText(5))}});
        return Ok();
      }));
  o["events"] = std::move(events);
  return o;
}

}  // namespace

Result<std::int64_t> InsertShipment(Tx& tx, const Env& env, std::int64_t order_id,
                                    std::int64_t customer_id, const std::string& carrier,
                                    const std::optional<std::string>& tracking_number,
                                    std::optional<Millis> shipped_at) {
  const Millis now = env.clock.Now();
  ASSIGN_OR_RETURN(
      auto ins,
      tx.Query("INSERT INTO shipments (order_id, customer_id, carrier, tracking_number, status, "
               "shipped_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
               {order_id, customer_id, carrier, store::OrNull(tracking_number),
                std::string(shipped_at ? "in_transit" : "created"), store::OrNull(shipped_at), now,
                now}));
  const std::int64_t id = ins.front().Int(0);
  RETURN_IF_ERROR(
      tx.Exec("UPDATE shipments SET number = ? WHERE id = ?", {RecordNumber("SH", id), id}));
  return id;
}

Result<bool> ApplyShipmentEvent(Tx& tx, const Env& env, std::int64_t shipment_id,
                                const ShipmentEvent& e) {
  if (e.event_id) {
    ASSIGN_OR_RETURN(auto prior, tx.Query("SELECT id FROM shipment_events WHERE shipment_id = ? "
                                          "AND event_id = ?",
                                          {shipment_id, *e.event_id}));
    if (!prior.empty()) return false;
  }
  const Millis now = env.clock.Now();
  RETURN_IF_ERROR(
      tx.Exec("INSERT INTO shipment_events (shipment_id, event_id, occurred_at, "
              "place, status, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
              {shipment_id, store::OrNull(e.event_id), e.occurred_at, store::OrNull(e.place),
               e.status, store::OrNull(e.source), now}));
  // The latest event gives the shipment's status and place; delivery and pick-up times
  // come from the first such event.
  RETURN_IF_ERROR(tx.Exec(
      "UPDATE shipments SET status = CASE WHEN last_event_at IS NULL OR last_event_at <= ? "
      "THEN ? ELSE status END, last_place = CASE WHEN last_event_at IS NULL OR "
      "last_event_at <= ? THEN ? ELSE last_place END, last_event_at = CASE WHEN "
      "last_event_at IS NULL OR last_event_at < ? THEN ? ELSE last_event_at END, updated_at "
      "= ? WHERE id = ?",
      {e.occurred_at, e.status, e.occurred_at, store::OrNull(e.place), e.occurred_at, e.occurred_at,
       now, shipment_id}));
  if (e.status == "delivered") {
    RETURN_IF_ERROR(
        tx.Exec("UPDATE shipments SET delivered_at = ? WHERE id = ? AND "
                "(delivered_at IS NULL OR delivered_at > ?)",
                {e.occurred_at, shipment_id, e.occurred_at}));
  } else if (e.status == "picked_up" || e.status == "in_transit") {
    RETURN_IF_ERROR(
        tx.Exec("UPDATE shipments SET shipped_at = ? WHERE id = ? AND "
                "(shipped_at IS NULL OR shipped_at > ?)",
                {e.occurred_at, shipment_id, e.occurred_at}));
  }
  return true;
}

Result<json::object> CreateShipment(const Env& env, const Actor& actor, const json::object& body) {
  JsonReader r(body);
  r.Known({"order_id", "carrier", "tracking_number", "shipped_at"});
  const auto order_id = r.Int("order_id");
  const auto carrier = r.Str("carrier");
  const auto tracking = r.Str("tracking_number");
  const auto shipped_at = r.Time("shipped_at");
  if (!order_id) r.Error("order_id", "is required");
  if (!carrier || carrier->empty() || carrier->size() > 100)
    r.Error("carrier", "is required (1–100 characters)");
  if (tracking && (tracking->empty() || tracking->size() > 100))
    r.Error("tracking_number", "must be 1–100 characters");
  RETURN_IF_ERROR(ErrorsToStatus(r.errors()));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto o,
                     tx.Query("SELECT customer_id, kind FROM orders WHERE id = ?", {*order_id}));
    if (o.empty() || o.front().Text(1) != "order")
      return Fail(Error::InvalidArgument("unknown order", {{"order_id", "is not an order"}}));
    const std::int64_t customer_id = o.front().Int(0);
    RETURN_IF_ERROR(
        CheckCustomerAccess(tx, actor, Resource::kShipments, Action::kCreate, customer_id));
    ASSIGN_OR_RETURN(const std::int64_t id, InsertShipment(tx, env, *order_id, customer_id,
                                                           *carrier, tracking, shipped_at));
    std::int64_t cid = 0;
    ASSIGN_OR_RETURN(out, LoadShipmentJson(tx, id, cid));
    return LogSalesChange(tx, env, actor, "shipment", id, customer_id, "create", "", out);
  }));
  return out;
}

Result<json::object> GetShipment(const Env& env, const Actor& actor, std::int64_t id) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    std::int64_t customer_id = 0;
    ASSIGN_OR_RETURN(out, LoadShipmentJson(tx, id, customer_id));
    return CheckCustomerAccess(tx, actor, Resource::kShipments, Action::kRead, customer_id);
  }));
  return out;
}

Result<json::object> ListShipments(const Env& env, const Actor& actor, const ShipmentListQuery& q) {
  RETURN_IF_ERROR(CheckListLimit(q.limit));
  ASSIGN_OR_RETURN(auto before, ParseIdCursor(q.cursor));
  const auto scope = domain::Allowed(actor.role, Resource::kShipments, Action::kRead);
  std::optional<std::int64_t> customer_id = q.customer_id;
  if (scope == domain::Scope::kSelf) {
    if (customer_id && customer_id != actor.customer_id)
      return Fail(Error::NotFound("customer " + std::to_string(*customer_id) + " not found"));
    customer_id = actor.customer_id.value_or(-1);
  }
  std::string sql = std::string("SELECT ") + kShipmentColumns +
                    " FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.id < ?";
  store::Params params{before.value_or(INT64_MAX)};
  if (customer_id) {
    sql += " AND s.customer_id = ?";
    params.push_back(*customer_id);
  }
  if (q.order_id) {
    sql += " AND s.order_id = ?";
    params.push_back(*q.order_id);
  }
  if (q.carrier) {
    sql += " AND s.carrier = ?";
    params.push_back(*q.carrier);
  }
  sql += " ORDER BY s.id DESC LIMIT ?";
  params.push_back(std::int64_t{q.limit} + 1);
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto rows, tx.Query(sql, params));
    const bool more = rows.size() > static_cast<std::size_t>(q.limit);
    if (more) rows.pop_back();
    json::array data;
    for (const auto& r : rows) data.push_back(ShipmentJson(r));
    out["data"] = std::move(data);
    out["next_cursor"] =
        more ? json::value(std::to_string(rows.back().Int(0))) : json::value(nullptr);
    return Ok();
  }));
  return out;
}

Result<json::object> AddShipmentEvent(const Env& env, const Actor& actor, std::int64_t shipment_id,
                                      const json::object& body) {
  JsonReader r(body);
  r.Known({"event_id", "occurred_at", "place", "status", "source"});
  const auto event_id = r.Str("event_id");
  const auto occurred = r.Time("occurred_at");
  const auto place = r.Str("place");
  const auto status = r.Str("status");
  const auto source = r.Str("source");
  if (!occurred && (!r.Has("occurred_at") || r.IsNull("occurred_at")))
    r.Error("occurred_at", "is required");
  if (!status ||
      std::find(kEventStatuses.begin(), kEventStatuses.end(), *status) == kEventStatuses.end())
    r.Error("status",
            "must be picked_up, in_transit, out_for_delivery, delivered, exception or "
            "returned");
  if (event_id && (event_id->empty() || event_id->size() > 100))
    r.Error("event_id", "must be 1–100 characters");
  if (place && place->size() > 200) r.Error("place", "must be at most 200 characters");
  if (source && *source != "scanner" && *source != "rfid" && *source != "gps" &&
      *source != "carrier" && *source != "manual")
    r.Error("source", "must be scanner, rfid, gps, carrier or manual");
  RETURN_IF_ERROR(ErrorsToStatus(r.errors()));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto s,
                     tx.QueryOne("SELECT customer_id FROM shipments WHERE id = ?", {shipment_id},
                                 "shipment " + std::to_string(shipment_id) + " not found"));
    const std::int64_t customer_id = s.Int(0);
    RETURN_IF_ERROR(
        CheckCustomerAccess(tx, actor, Resource::kShipments, Action::kUpdate, customer_id));
    ASSIGN_OR_RETURN(
        const bool created,
        ApplyShipmentEvent(tx, env, shipment_id, {event_id, place, source, *occurred, *status}));
    std::int64_t cid = 0;
    ASSIGN_OR_RETURN(out, LoadShipmentJson(tx, shipment_id, cid));
    out["created"] = created;
    if (!created) return Ok();
    return LogSalesChange(tx, env, actor, "shipment", shipment_id, customer_id, "event", "", out);
  }));
  return out;
}

Result<json::object> DeliveryPerformance(const Env& env, const Actor& actor,
                                         std::optional<Millis> from, std::optional<Millis> to,
                                         const std::string& group_by) {
  if (group_by != "carrier" && group_by != "customer")
    return Fail(
        Error::InvalidArgument("bad group_by", {{"group_by", "must be carrier or customer"}}));
  const auto scope = domain::Allowed(actor.role, Resource::kShipments, Action::kRead);
  std::string sql =
      "SELECT " + std::string(group_by == "carrier" ? "s.carrier" : "CAST(s.customer_id AS TEXT)") +
      ", s.shipped_at, s.delivered_at, o.promised_at FROM shipments s JOIN orders o ON o.id = "
      "s.order_id WHERE COALESCE(s.shipped_at, s.created_at) >= ? AND COALESCE(s.shipped_at, "
      "s.created_at) < ?";
  store::Params params{from.value_or(INT64_MIN), to.value_or(INT64_MAX)};
  if (scope == domain::Scope::kSelf) {
    sql += " AND s.customer_id = ?";
    params.push_back(actor.customer_id.value_or(-1));
  }
  struct Acc {
    std::int64_t shipments = 0, delivered = 0, on_time = 0, with_transit = 0;
    double transit_days = 0;
  };
  std::map<std::string, Acc> groups;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    return tx.ForEach(sql, params, [&](const store::Row& r) -> Status {
      Acc& a = groups[r.Text(0)];
      ++a.shipments;
      if (r.IsNull(2)) return Ok();
      ++a.delivered;
      if (!r.IsNull(3) && r.Int(2) < r.Int(3) + kMillisPerDay) ++a.on_time;
      if (!r.IsNull(1)) {
        ++a.with_transit;
        a.transit_days +=
            static_cast<double>(r.Int(2) - r.Int(1)) / static_cast<double>(kMillisPerDay);
      }
      return Ok();
    });
  }));
  json::array data;
  for (const auto& [key, a] : groups) {
    data.push_back(
        {{group_by, key},
         {"shipments", a.shipments},
         {"delivered", a.delivered},
         {"on_time", a.on_time},
         {"on_time_rate", a.delivered ? json::value(static_cast<double>(a.on_time) /
                                                    static_cast<double>(a.delivered))
                                      : json::value(nullptr)},
         {"mean_transit_days",
          a.with_transit ? json::value(a.transit_days / static_cast<double>(a.with_transit))
                         : json::value(nullptr)}});
  }
  return json::object{{"group_by", group_by}, {"data", std::move(data)}};
}

}  // namespace chaincrm::services
