#pragma once
// Products and their module library (option groups, options, rules) and the
// configurator: validate, price and store a customer's configuration. Writes are one
// transaction each, with a change-log row.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "domain/configurator.h"
#include "services/actor.h"

namespace chaincrm::services {

struct Product {
  std::int64_t id = 0;
  std::string sku, name;
  std::optional<std::string> description, external_id;
  std::string currency = "CNY";
  bool active = true;
  domain::ProductModel model;  // price, cost, lead time, groups, rules
  std::int64_t version = 1;
  Millis created_at = 0, updated_at = 0;
};

/// Reads a product document (see docs/SALES.md) into `p`, over what `p` holds; field
/// errors name the JSON path. Validates the module library (domain::ValidateModel).
std::vector<FieldError> ProductFromJson(const boost::json::object& o, Product& p);
boost::json::object ProductToJson(const Product& p);

// Transaction-level building blocks (also used by the ERP batch).
Result<Product> LoadProduct(store::Tx& tx, std::int64_t id);
/// The product id with this external id, if any.
Result<std::optional<std::int64_t>> ProductIdByExternalId(store::Tx& tx, const std::string& ext);
/// The product id with this SKU, if any.
Result<std::optional<std::int64_t>> ProductIdBySku(store::Tx& tx, const std::string& sku);
/// Inserts (id == 0) or updates `p` with its groups, options and rules (replaced
/// wholesale). AlreadyExists is reported as InvalidArgument naming sku / external_id.
Status SaveProduct(store::Tx& tx, Product& p);

/// Stores a priced configuration of `p` for `customer_id`; returns its id.
Result<std::int64_t> InsertConfiguration(store::Tx& tx, const Product& p, std::int64_t customer_id,
                                         const domain::Selection& selection,
                                         const domain::PricedConfiguration& priced,
                                         const std::string& created_by, Millis now);
/// {"options": {...}, "measurements": {...}} of a selection (stored as the selections text).
boost::json::object SelectionToJson(const domain::Selection& s);

Result<boost::json::object> CreateProduct(const Env& env, const Actor& actor,
                                          const boost::json::object& body);
Result<boost::json::object> GetProduct(const Env& env, const Actor& actor, std::int64_t id);
/// {data, next_cursor}; inactive products only when include_inactive.
Result<boost::json::object> ListProducts(const Env& env, const Actor& actor,
                                         const std::string& cursor, int limit,
                                         bool include_inactive);
/// JSON merge patch; "option_groups" and "rules", when present, replace the lists.
/// FailedPrecondition when the version is not `if_match`.
Result<boost::json::object> PatchProduct(const Env& env, const Actor& actor, std::int64_t id,
                                         const boost::json::object& patch, std::int64_t if_match);
/// Deactivates (never deletes: order lines refer to it).
Result<boost::json::object> DeactivateProduct(const Env& env, const Actor& actor, std::int64_t id);

/// Validates and prices {"options": {group: option}, "measurements": {group: number},
/// "customer_id"?, "save"?}. A broken rule is InvalidArgument naming it. When saved
/// (default when a customer is known) the configuration is stored for that customer;
/// portal users always configure for their own customer.
Result<boost::json::object> ConfigureProduct(const Env& env, const Actor& actor,
                                             std::int64_t product_id,
                                             const boost::json::object& body);
Result<boost::json::object> GetConfiguration(const Env& env, const Actor& actor, std::int64_t id);
/// A customer's stored configurations, newest first: {data, next_cursor}.
Result<boost::json::object> ListConfigurations(const Env& env, const Actor& actor,
                                               std::int64_t customer_id, const std::string& cursor,
                                               int limit);

}  // namespace chaincrm::services
