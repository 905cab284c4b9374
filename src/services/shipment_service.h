#pragma once
// Shipments of orders ("SH-000123"), tracking events from scanners, RFID readers and GPS
// feeds (idempotent by event_id), and delivery performance per customer and carrier.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "services/actor.h"

namespace chaincrm::services {

/// {"order_id", "carrier", "tracking_number"?, "shipped_at"?}. InvalidArgument naming
/// the field; NotFound for an order the actor may not see.
Result<boost::json::object> CreateShipment(const Env& env, const Actor& actor,
                                           const boost::json::object& body);
/// The shipment with its events (oldest first); portal users only their own.
Result<boost::json::object> GetShipment(const Env& env, const Actor& actor, std::int64_t id);

struct ShipmentListQuery {
  std::optional<std::int64_t> customer_id, order_id;
  std::optional<std::string> carrier;
  std::string cursor;
  int limit = 50;
};
Result<boost::json::object> ListShipments(const Env& env, const Actor& actor,
                                          const ShipmentListQuery& q);

/// A tracking event {"event_id"?, "occurred_at", "place"?, "status", "source"?}. status is
/// one of picked_up, in_transit, out_for_delivery, delivered, exception, returned;
/// "delivered" sets the shipment's delivered_at, the first pick-up / transit event its
/// shipped_at. A repeated event_id is a no-op (`created` false).
Result<boost::json::object> AddShipmentEvent(const Env& env, const Actor& actor,
                                             std::int64_t shipment_id,
                                             const boost::json::object& body);

struct ShipmentEvent {
  std::optional<std::string> event_id, place, source;
  Millis occurred_at = 0;
  std::string status;
};

// Transaction-level building blocks (the demo data uses them too); no change-log rows.
/// Inserts a shipment of `order_id` numbered "SH-…"; returns its id.
Result<std::int64_t> InsertShipment(store::Tx& tx, const Env& env, std::int64_t order_id,
                                    std::int64_t customer_id, const std::string& carrier,
                                    const std::optional<std::string>& tracking_number,
                                    std::optional<Millis> shipped_at);
/// Records a validated event and updates the shipment; false when event_id was seen.
Result<bool> ApplyShipmentEvent(store::Tx& tx, const Env& env, std::int64_t shipment_id,
                                const ShipmentEvent& e);

/// Delivery performance of shipments shipped in [from, to) grouped by "carrier" or
/// "customer": shipments, delivered, on time (delivered on or before the order's promised
/// date), on-time rate, mean transit days.
Result<boost::json::object> DeliveryPerformance(const Env& env, const Actor& actor,
                                                std::optional<Millis> from,
                                                std::optional<Millis> to,
                                                const std::string& group_by);

}  // namespace chaincrm::services
