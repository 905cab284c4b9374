// Demo sales data: a garment catalogue (made-to-measure shirts and suits, uniform sets
// with option groups and rules, plain items), orders for a few hundred customers with
// on-time, late, short and damaged deliveries, and shipments with tracking events.
// Li Wei (the portal customer) has a delivered order, an order in transit and a quote.

#include <random>

#include "services/demo_parts.h"
#include "services/order_service.h"
#include "services/product_service.h"
#include "services/shipment_service.h"

namespace chaincrm::services {

namespace {

using domain::ConfigOption;
using domain::ConfigRule;
using domain::GroupKind;
using domain::OptionGroup;
using domain::RuleKind;

constexpr int kCustomersWithOrders = 300;
constexpr const char* kCarriers[] = {"SF Express", "ZTO Express", "JD Logistics", "China Post EMS"};
constexpr const char* kHubs[] = {"Hangzhou Xiaoshan hub", "Shanghai Qingpu hub", "Guangzhou hub",
                                 "Beijing Shunyi hub", "Chengdu hub"};

OptionGroup Choice(std::string code, std::string name, std::vector<ConfigOption> options) {
  OptionGroup g;
  g.code = std::move(code);
  g.name = std::move(name);
  g.options = std::move(options);
  return g;
}

OptionGroup Measure(std::string code, std::string name, double min, double max) {
  OptionGroup g;
  g.code = std::move(code);
  g.name = std::move(name);
  g.kind = GroupKind::kMeasurement;
  g.min = min;
  g.max = max;
  return g;
}

Product Item(std::string sku, std::string name, std::int64_t price, std::int64_t cost,
             std::int64_t lead) {
  Product p;
  p.sku = std::move(sku);
  p.name = std::move(name);
  p.external_id = "ERP-" + p.sku;
  p.currency = "CNY";
  p.model.price = price;
  p.model.cost = cost;
  p.model.lead_time_days = lead;
  return p;
}

std::vector<Product> Catalogue() {
  std::vector<Product> out;
  Product shirt = Item("MTM-SHIRT", "Made-to-measure shirt", 39900, 14000, 10);
  shirt.model.groups = {
      Choice("fabric", "Fabric",
             {{"poplin", "Cotton poplin", 0, 0, 0},
              {"oxford", "Oxford", 2000, 800, 0},
              {"linen", "Linen", 6000, 2500, 2},
              {"silk", "Mulberry silk", 18000, 9000, 5}}),
      Choice("collar", "Collar",
             {{"spread", "Spread", 0, 0, 0},
              {"button-down", "Button-down", 1000, 200, 0},
              {"mandarin", "Mandarin", 1500, 300, 1}}),
      Choice("cuff", "Cuff", {{"barrel", "Barrel", 0, 0, 0}, {"french", "French", 2500, 600, 2}}),
      Choice("fit", "Fit",
             {{"slim", "Slim", 0, 0, 0},
              {"regular", "Regular", 0, 0, 0},
              {"classic", "Classic", 0, 0, 0}}),
      Measure("neck_cm", "Neck (cm)", 30, 52),
      Measure("sleeve_cm", "Sleeve (cm)", 55, 75)};
  shirt.model.rules = {{"No button-down collar on silk",
                        RuleKind::kExcludes,
                        "fabric",
                        "silk",
                        "collar",
                        {"button-down"}},
                       {"French cuffs need a spread collar",
                        RuleKind::kRequires,
                        "cuff",
                        "french",
                        "collar",
                        {"spread"}}};
  out.push_back(shirt);
  Product suit = Item("MTM-SUIT", "Made-to-measure two-piece suit", 298000, 120000, 21);
  suit.model.groups = {
      Choice("cloth", "Cloth",
             {{"wool-120s", "Wool Super 120s", 0, 0, 0},
              {"wool-150s", "Wool Super 150s", 80000, 38000, 5},
              {"linen", "Linen", 20000, 9000, 0}}),
      Choice("lapel", "Lapel", {{"notch", "Notch", 0, 0, 0}, {"peak", "Peak", 20000, 5000, 2}}),
      Choice("vents", "Vents",
             {{"single", "Single", 0, 0, 0}, {"double", "Double", 5000, 1200, 0}}),
      Choice("lining", "Lining",
             {{"viscose", "Viscose", 0, 0, 0}, {"silk", "Silk", 30000, 14000, 3}})};
  suit.model.rules = {
      {"Peak lapels need double vents", RuleKind::kRequires, "lapel", "peak", "vents", {"double"}},
      {"No silk lining in a linen suit",
       RuleKind::kExcludes,
       "cloth",
       "linen",
       "lining",
       {"silk"}}};
  out.push_back(suit);
  Product uniform =
      Item("UNIFORM-SET", "Company uniform set (jacket, trousers, 2 shirts)", 89000, 41000, 14);
  uniform.model.groups = {
      Choice("size", "Size",
             {{"S", "S", 0, 0, 0},
              {"M", "M", 0, 0, 0},
              {"L", "L", 0, 0, 0},
              {"XL", "XL", 3000, 1500, 0},
              {"XXL", "XXL", 6000, 3000, 2}}),
      Choice("colour", "Colour",
             {{"navy", "Navy", 0, 0, 0}, {"grey", "Grey", 0, 0, 0}, {"white", "White", 0, 0, 0}}),
      Choice("embroidery", "Logo embroidery",
             {{"none", "None", 0, 0, 0}, {"logo", "Company logo", 3500, 900, 3}})};
  uniform.model.rules = {{"No logo embroidery on white",
                          RuleKind::kExcludes,
                          "colour",
                          "white",
                          "embroidery",
                          {"logo"}}};
  out.push_back(uniform);
  out.push_back(Item("TEE-BASIC", "Cotton T-shirt", 5900, 2100, 3));
  out.push_back(Item("POLO-PIQUE", "Piqué polo", 12900, 4800, 3));
  out.push_back(Item("CHINO-SLIM", "Slim chinos", 25900, 9800, 5));
  out.push_back(Item("SCARF-SILK", "Silk scarf", 19900, 7000, 4));
  out.push_back(Item("SOCKS-3PK", "Socks, three pairs", 3900, 1200, 2));
  return out;
}

// A random selection that satisfies the product's rules (falls back to the first options).
std::pair<domain::Selection, domain::PricedConfiguration> Configure(const Product& p,
                                                                    std::mt19937_64& rng) {
  for (int attempt = 0; attempt < 20; ++attempt) {
    domain::Selection s;
    for (const auto& g : p.model.groups) {
      if (g.kind == GroupKind::kChoice) {
        s.choices[g.code] = g.options[rng() % g.options.size()].code;
      } else {
        std::uniform_real_distribution<double> d(*g.min + 4, *g.max - 4);
        s.measurements[g.code] = static_cast<double>(static_cast<int>(d(rng) * 2)) / 2.0;
      }
    }
    if (auto priced = domain::EvaluateConfiguration(p.model, s)) return {s, *priced};
  }
  domain::Selection s;
  for (const auto& g : p.model.groups) {
    if (g.kind == GroupKind::kChoice)
      s.choices[g.code] = g.options.front().code;
    else
      s.measurements[g.code] = (*g.min + *g.max) / 2;
  }
  auto priced = domain::EvaluateConfiguration(p.model, s);
  return {s, priced ? *priced : domain::PricedConfiguration{}};
}

struct Counts {
  std::int64_t orders = 0, shipments = 0, configurations = 0, deliveries = 0;
};

// How an order's delivery goes.
enum class Outcome { kOnTime, kLate, kShort, kDamaged, kBadDocs, kInTransit, kOpen };

Outcome Draw(std::mt19937_64& rng) {
  const auto r = rng() % 100;
  if (r < 68) return Outcome::kOnTime;
  if (r < 80) return Outcome::kLate;
  if (r < 87) return Outcome::kShort;
  if (r < 91) return Outcome::kDamaged;
  if (r < 94) return Outcome::kBadDocs;
  if (r < 97) return Outcome::kInTransit;
  return Outcome::kOpen;
}

Status MakeOrder(store::Tx& tx, const Env& env, const Actor& actor,
                 const std::vector<Product>& catalogue, std::int64_t customer_id, Millis ordered,
                 Outcome outcome, std::mt19937_64& rng, Counts& counts) {
  OrderInput in;
  in.customer_id = customer_id;
  in.ordered_at = ordered;
  in.carrier = kCarriers[rng() % std::size(kCarriers)];
  std::int64_t lead = 0;
  const int n_lines = 1 + static_cast<int>(rng() % 3);
  for (int i = 0; i < n_lines; ++i) {
    const Product& p = catalogue[rng() % catalogue.size()];
    OrderLineInput l;
    l.quantity = p.sku == "UNIFORM-SET" ? 5 + static_cast<std::int64_t>(rng() % 40)
                                        : 1 + static_cast<std::int64_t>(rng() % 3);
    if (!p.model.groups.empty()) {
      auto [selection, priced] = Configure(p, rng);
      ASSIGN_OR_RETURN(l.configuration_id, InsertConfiguration(tx, p, customer_id, selection,
                                                               priced, actor.Label(), ordered));
      ++counts.configurations;
      lead = std::max(lead, priced.lead_time_days);
    } else {
      l.product_id = p.id;
      lead = std::max(lead, p.model.lead_time_days);
    }
    if (l.quantity >= 20) l.discount_percent = 10;
    in.lines.push_back(l);
  }
  const Millis day = kMillisPerDay;
  in.promised_at = (ordered / day + lead + 2) * day;
  ASSIGN_OR_RETURN(const std::int64_t order_id, InsertOrder(tx, env, actor, in));
  ++counts.orders;
  if (outcome == Outcome::kOpen) return Ok();
  const Millis shipped = ordered + (lead - 1 + static_cast<Millis>(rng() % 2)) * day + 9 * 3600000;
  ASSIGN_OR_RETURN(
      const std::int64_t shipment_id,
      InsertShipment(tx, env, order_id, customer_id, *in.carrier,
                     std::string("SF") + std::to_string(1000000000 + rng() % 8999999999),
                     std::nullopt));
  ++counts.shipments;
  const std::string hub = kHubs[rng() % std::size(kHubs)];
  RETURN_IF_ERROR(ApplyShipmentEvent(tx, env, shipment_id,
                                     {std::nullopt, std::string("Hangzhou factory"),
                                      std::string("scanner"), shipped, "picked_up"}));
  RETURN_IF_ERROR(ApplyShipmentEvent(
      tx, env, shipment_id,
      {std::nullopt, hub, std::string("rfid"), shipped + 14 * 3600000, "in_transit"}));
  if (outcome == Outcome::kInTransit) return Ok();
  Millis delivered = *in.promised_at - static_cast<Millis>(rng() % 2) * day + 15 * 3600000;
  if (outcome == Outcome::kLate) delivered += (1 + static_cast<Millis>(rng() % 6)) * day;
  RETURN_IF_ERROR(ApplyShipmentEvent(
      tx, env, shipment_id,
      {std::nullopt, std::string("Customer address"), std::string("gps"), delivered, "delivered"}));
  ASSIGN_OR_RETURN(auto lines,
                   tx.Query("SELECT id, quantity FROM order_lines WHERE order_id = ? ORDER BY "
                            "line_no",
                            {order_id}));
  Delivery d;
  d.shipment_id = shipment_id;
  d.shipped_at = shipped;
  d.delivered_at = delivered;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    DeliveryLine dl;
    dl.line_id = lines[i].Int(0);
    dl.delivered = lines[i].Int(1);
    if (i == 0 && outcome == Outcome::kShort && dl.delivered > 1) dl.delivered -= 1;
    dl.damaged = i == 0 && outcome == Outcome::kDamaged;
    dl.documents_ok = !(i == 0 && outcome == Outcome::kBadDocs);
    d.lines.push_back(dl);
  }
  RETURN_IF_ERROR(ApplyDelivery(tx, env, actor, order_id, d));
  ++counts.deliveries;
  return Ok();
}

}  // namespace

Status AddSalesDemo(const Env& env, std::uint64_t seed, DemoSummary& summary) {
  std::mt19937_64 rng(seed * 7919 + 5);
  const Actor actor = Actor::System("demo");
  const Millis now = env.clock.Now();
  std::vector<Product> catalogue = Catalogue();
  std::vector<std::int64_t> customers;
  std::vector<std::pair<Millis, Millis>> windows;  // per customer: when its orders may fall
  std::int64_t li_wei = 0;
  RETURN_IF_ERROR(env.db.Write([&](store::Tx& tx) -> Status {
    for (auto& p : catalogue) {
      p.id = 0;
      p.created_at = p.updated_at = now - 400 * kMillisPerDay;
      RETURN_IF_ERROR(SaveProduct(tx, p));
    }
    // Orders fall inside each buyer's active period (between its first purchase, or a year
    // ago, and a month before its last): a delivery must not bring back to life a customer
    // the demo's repeat-buying process let drop out, or the value models see no churn.
    ASSIGN_OR_RETURN(auto rows,
                     tx.Query("SELECT id, first_purchase_at, last_purchase_at FROM customers "
                              "WHERE status = 'active' AND last_purchase_at IS NOT NULL "
                              "ORDER BY id LIMIT ?",
                              {std::int64_t{kCustomersWithOrders}}));
    for (const auto& r : rows) {
      const Millis lo = std::max(r.Int(1), now - 360 * kMillisPerDay);
      const Millis hi = r.Int(2) - 30 * kMillisPerDay;
      if (hi <= lo) continue;
      customers.push_back(r.Int(0));
      windows.emplace_back(lo, hi);
    }
    ASSIGN_OR_RETURN(auto li, tx.Query("SELECT id FROM customers WHERE name = 'Li Wei' ORDER BY id "
                                       "LIMIT 1"));
    if (!li.empty()) li_wei = li.front().Int(0);
    return Ok();
  }));
  Counts counts;
  constexpr std::size_t kChunk = 50;
  for (std::size_t start = 0; start < customers.size(); start += kChunk) {
    RETURN_IF_ERROR(env.db.Write([&](store::Tx& tx) -> Status {
      for (std::size_t i = start; i < std::min(customers.size(), start + kChunk); ++i) {
        if (customers[i] == li_wei) continue;
        const int n_orders = 1 + static_cast<int>(rng() % 3);
        for (int k = 0; k < n_orders; ++k) {
          const auto [lo, hi] = windows[i];
          const Millis ordered =
              lo + static_cast<Millis>(rng() % static_cast<std::uint64_t>(hi - lo));
          RETURN_IF_ERROR(
              MakeOrder(tx, env, actor, catalogue, customers[i], ordered, Draw(rng), rng, counts));
        }
      }
      return Ok();
    }));
  }
  if (li_wei != 0) {
    RETURN_IF_ERROR(env.db.Write([&](store::Tx& tx) -> Status {
      RETURN_IF_ERROR(MakeOrder(tx, env, actor, catalogue, li_wei, now - 60 * kMillisPerDay,
                                Outcome::kOnTime, rng, counts));
      RETURN_IF_ERROR(MakeOrder(tx, env, actor, catalogue, li_wei, now - 12 * kMillisPerDay,
                                Outcome::kInTransit, rng, counts));
      OrderInput quote;
      quote.kind = "quote";
      quote.customer_id = li_wei;
      quote.notes = "Two made-to-measure shirts for spring";
      auto [selection, priced] = Configure(catalogue.front(), rng);
      ASSIGN_OR_RETURN(auto cfg, InsertConfiguration(tx, catalogue.front(), li_wei, selection,
                                                     priced, actor.Label(), now));
      ++counts.configurations;
      OrderLineInput l;
      l.configuration_id = cfg;
      l.quantity = 2;
      quote.lines.push_back(l);
      RETURN_IF_ERROR(InsertOrder(tx, env, actor, quote));
      return Ok();
    }));
  }
  summary.more.emplace_back("products", static_cast<std::int64_t>(catalogue.size()));
  summary.more.emplace_back("configurations", counts.configurations);
  summary.more.emplace_back("orders", counts.orders);
  summary.more.emplace_back("deliveries", counts.deliveries);
  summary.more.emplace_back("shipments", counts.shipments);
  return Ok();
}

}  // namespace chaincrm::services
