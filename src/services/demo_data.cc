#include "services/demo_data.h"

#include <boost/json.hpp>
#include <cmath>
#include <random>

#include "services/auth_service.h"
#include "services/customer_json.h"
#include "services/demo_parts.h"
#include "services/demo_vocabulary.h"
#include "services/ledger.h"
#include "store/activity_repository.h"
#include "store/change_log.h"
#include "store/customer_repository.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Customer;

namespace {

using demo::kBusinessProducts;
using demo::kCities;
using demo::kCnGiven;
using demo::kCnSurnames;
using demo::kConsumerProducts;
using demo::kGiven;
using demo::kInteractionKinds;
using demo::kOrgKinds;
using demo::kSurnames;
using demo::kWestern;
using demo::Pick;
using demo::Product;

// Relative purchase intensity by calendar month: Spring Festival, 618, Singles' Day.
double Season(unsigned month) {
  static constexpr double kFactor[] = {1.3, 1.1, 0.8, 0.8, 0.9, 1.4, 0.8, 0.8, 1.0, 1.0, 1.9, 1.3};
  return kFactor[month - 1];
}

struct Generated {
  Customer customer;
  std::vector<domain::Purchase> purchases;
  std::vector<domain::Interaction> interactions;
  std::vector<domain::Contact> contacts;
};

std::string Phone(std::mt19937_64& rng) {
  std::uniform_int_distribution<int> d(0, 9999);
  char buf[64];
  std::snprintf(buf, sizeof buf, "+86 13%d %04d %04d", d(rng) % 10, d(rng), d(rng));
  return buf;
}

Generated Make(std::mt19937_64& rng, int index, Millis now, int months) {
  Generated g;
  Customer& c = g.customer;
  std::uniform_real_distribution<double> u(0, 1);
  const auto& city = Pick(rng, kCities);
  const double kind_draw = u(rng);
  const bool person = kind_draw < 0.7;
  if (person) {
    c.kind = "person";
    c.roles = {"end_customer"};
    const double style = u(rng);
    if (style < 0.55) {
      c.name = std::string(Pick(rng, kSurnames)) + " " + Pick(rng, kGiven);
    } else if (style < 0.9) {
      c.name = std::string(Pick(rng, kCnSurnames)) + Pick(rng, kCnGiven) + Pick(rng, kCnGiven);
    } else {
      c.name = Pick(rng, kWestern);
    }
    c.gender = u(rng) < 0.55 ? "female" : "male";
    char bd[48];
    std::snprintf(bd, sizeof bd, "%04d-%02d-%02d", 1960 + static_cast<int>(u(rng) * 45),
                  1 + static_cast<int>(u(rng) * 12), 1 + static_cast<int>(u(rng) * 28));
    c.birth_date = bd;
    static constexpr const char* kBands[] = {"<100k CNY", "100k-200k CNY", "200k-500k CNY",
                                             ">500k CNY"};
    c.income_band = Pick(rng, kBands);
    if (u(rng) < 0.4) {
      std::normal_distribution<double> chest(96, 7), waist(82, 8), height(170, 8);
      c.measurements = {{"chest_cm", std::round(chest(rng))},
                        {"waist_cm", std::round(waist(rng))},
                        {"height_cm", std::round(height(rng))}};
    }
    c.emails = {{"customer" + std::to_string(index) + "@example.cn", "home", true}};
  } else {
    c.kind = "organization";
    const double role = u(rng);
    c.roles = {role < 0.4    ? "business_buyer"
               : role < 0.65 ? "retailer"
               : role < 0.8  ? "distributor"
               : role < 0.9  ? "wholesaler"
                             : "supplier"};
    const auto& kind = Pick(rng, kOrgKinds);
    c.name = u(rng) < 0.5 ? std::string(city[1]) + Pick(rng, kCnGiven) + kind[1] + "有限公司"
                          : std::string(city[0]) + " " + kind[0] + " Co. " + std::to_string(index);
    std::lognormal_distribution<double> emp(4.0, 1.3);
    c.employees = static_cast<std::int64_t>(emp(rng)) + 3;
    c.annual_revenue = *c.employees * 350'000'00LL;
    c.revenue_currency = "CNY";
    static constexpr const char* kSectors[] = {"retail",    "manufacturing", "hospitality",
                                               "education", "government",    "healthcare",
                                               "logistics"};
    c.sector = Pick(rng, kSectors);
    c.tax_id = "91330" + std::to_string(100000000 + index);
    c.emails = {{"orders" + std::to_string(index) + "@company.example.cn", "work", true}};
    c.external_ids = {{"erp", "ERP-" + std::to_string(20000 + index)}};
  }
  c.phones = {{Phone(rng), person ? "mobile" : "work", ""}};
  c.addresses = {{"main", std::to_string(1 + index % 300) + " Wensan Road", "", city[0], city[2],
                  std::to_string(310000 + index % 999), "CN"}};
  if (u(rng) < 0.15) c.tags.push_back("vip");
  if (u(rng) < 0.2) c.tags.push_back(person ? "made-to-measure" : "group-purchase");

  // Repeat buying: Poisson rate per month while alive, drop-out after each purchase.
  const bool is_supplier = c.roles.front() == "supplier";
  std::gamma_distribution<double> rate(person ? 0.9 : 1.6, person ? 0.35 : 0.9);
  const double lambda = rate(rng);
  std::gamma_distribution<double> pa(1.0, 1.0), pb(4.0, 1.0);
  const double x = pa(rng), y = pb(rng);
  const double dropout = x / (x + y);
  std::gamma_distribution<double> spend_scale(6.0, 1.0 / 6.0);
  const double customer_spend = spend_scale(rng);
  const Millis start = now - static_cast<Millis>(months) * 30 * kMillisPerDay;
  Millis t = start + static_cast<Millis>(u(rng) * static_cast<double>(now - start) * 0.7);
  bool alive = true;
  while (alive && t < now && !is_supplier) {
    int y0;
    unsigned m, d;
    CivilFromDays(t / kMillisPerDay, y0, m, d);
    if (u(rng) < Season(m) / 1.9) {
      const Product& p = person ? Pick(rng, kConsumerProducts) : Pick(rng, kBusinessProducts);
      domain::Purchase pu;
      pu.occurred_at = t;
      pu.sku = p.sku;
      pu.product = p.name;
      pu.quantity = person ? 1 + static_cast<int>(u(rng) * 2) : 10 + static_cast<int>(u(rng) * 90);
      const double amount =
          p.price * customer_spend * (0.8 + 0.4 * u(rng)) * (person ? pu.quantity : 1);
      pu.revenue = static_cast<std::int64_t>(amount * 100);
      pu.cost = static_cast<std::int64_t>(static_cast<double>(pu.revenue) * (0.5 + 0.15 * u(rng)));
      pu.currency = "CNY";
      pu.order_ref = "SO-" + std::to_string(index) + "-" + std::to_string(g.purchases.size() + 1);
      g.purchases.push_back(pu);
      alive = u(rng) > dropout;
    }
    std::exponential_distribution<double> gap(lambda * 1.9 / (30.0 * kMillisPerDay));
    t += static_cast<Millis>(gap(rng)) + kMillisPerDay;
  }
  // Interactions in both directions.
  const int n_inter = 1 + static_cast<int>(u(rng) * 5);
  for (int i = 0; i < n_inter; ++i) {
    const auto& k = Pick(rng, kInteractionKinds);
    domain::Interaction in;
    in.type = k[0];
    in.direction = k[1];
    in.channel = k[2];
    in.subject = k[3];
    in.occurred_at = start + static_cast<Millis>(u(rng) * static_cast<double>(now - start));
    g.interactions.push_back(in);
  }
  if (!person) {
    const int n_contacts = 1 + static_cast<int>(u(rng) * 3);
    static constexpr const char* kTitles[] = {"Purchasing manager", "Owner", "Logistics lead",
                                              "Accountant"};
    for (int i = 0; i < n_contacts; ++i) {
      domain::Contact ct;
      ct.name = std::string(Pick(rng, kSurnames)) + " " + Pick(rng, kGiven);
      ct.title = Pick(rng, kTitles);
      ct.email =
          "contact" + std::to_string(i) + "." + std::to_string(index) + "@company.example.cn";
      ct.phone = Phone(rng);
      ct.is_primary = i == 0;
      g.contacts.push_back(ct);
    }
  }
  return g;
}

Customer Fixed(int which) {
  Customer c;
  if (which == 0) {
    c.kind = "organization";
    c.name = "杭州丝绸有限公司";
    c.roles = {"business_buyer", "supplier"};
    c.sector = "manufacturing";
    c.employees = 320;
    c.annual_revenue = 120'000'000'00LL;
    c.revenue_currency = "CNY";
    c.tax_id = "913301001234567890";
    c.emails = {{"orders@hzsilk.example.cn", "work", true}};
    c.phones = {{"+86 571 8888 1234", "work", ""}};
    c.addresses = {{"head office", "88 Fengqi Road", "", "Hangzhou", "Zhejiang", "310006", "CN"}};
    c.external_ids = {{"erp", "ERP-10001"}};
    c.serials = {{"LOOM-HZ-0042", "Jacquard loom service contract"}};
    c.tags = {"key-account"};
    c.notes = "Hangzhou Silk Co.: fabric supplier and buyer of staff uniforms.";
  } else {
    c.kind = "person";
    c.name = "Li Wei";
    c.roles = {"end_customer"};
    c.gender = "male";
    c.birth_date = "1988-04-12";
    c.income_band = "200k-500k CNY";
    c.measurements = {{"chest_cm", 96}, {"waist_cm", 82}, {"neck_cm", 39}, {"sleeve_cm", 63}};
    c.emails = {{"li.wei@example.cn", "home", true}};
    c.phones = {{"+86 138 0013 8000", "mobile", ""}};
    c.addresses = {{"home", "12 Nanshan Road", "", "Hangzhou", "Zhejiang", "310002", "CN"}};
    c.serials = {{"SH-2024-000123", "Made-to-measure shirt"}};
    c.tags = {"made-to-measure", "vip"};
  }
  return c;
}

}  // namespace

Result<DemoSummary> GenerateDemo(const Env& env, const DemoOptions& options,
                                 const std::function<void(std::int64_t, std::int64_t)>& progress) {
  if (options.customers < 2 || options.customers > 2'000'000) {
    return Fail(Error::InvalidArgument("--customers must be between 2 and 2000000"));
  }
  std::int64_t existing = 0;
  RETURN_IF_ERROR(env.db.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT COUNT(*) FROM customers"));
    existing = rows.front().Int(0);
    return Ok();
  }));
  if (existing > 0)
    return Fail(Error::FailedPrecondition(
        "the database already holds customers; demo data goes into an empty one"));

  std::mt19937_64 rng(options.seed);
  const Millis now = env.clock.Now();
  const Actor system = Actor::System("demo");
  DemoSummary summary;
  std::int64_t li_wei = 0;
  constexpr int kBatch = 200;
  for (int start = 0; start < options.customers; start += kBatch) {
    const int end = std::min(options.customers, start + kBatch);
    std::vector<Generated> batch;
    for (int i = start; i < end; ++i) {
      if (i < 2) {
        Generated g;
        g.customer = Fixed(i);
        std::mt19937_64 fixed_rng(options.seed + static_cast<std::uint64_t>(i));
        Generated history = Make(fixed_rng, i, now, options.months_of_history);
        g.purchases = std::move(history.purchases);
        g.interactions = std::move(history.interactions);
        if (i == 0) g.contacts = std::move(history.contacts);
        batch.push_back(std::move(g));
      } else {
        batch.push_back(Make(rng, i, now, options.months_of_history));
      }
    }
    RETURN_IF_ERROR(env.db.Write([&](store::Tx& tx) -> Status {
      for (auto& g : batch) {
        g.customer.created_at = g.customer.updated_at = now - 400 * kMillisPerDay;
        if (auto errs = domain::ValidateCustomer(g.customer); !errs.empty()) {
          return Fail(Error::Internal("demo customer invalid: " + errs.front().field + " " +
                                      errs.front().message));
        }
        RETURN_IF_ERROR(store::InsertCustomer(tx, g.customer, {}));
        if (g.customer.name == "Li Wei") li_wei = g.customer.id;
        store::ChangeEntry e{0,
                             now,
                             system.Label(),
                             "customer",
                             g.customer.id,
                             g.customer.id,
                             "create",
                             "",
                             json::serialize(CustomerToJson(g.customer, {true, true, true}, "CNY")),
                             ""};
        RETURN_IF_ERROR(store::AppendChange(tx, e));
        for (auto& p : g.purchases) {
          p.customer_id = g.customer.id;
          p.created_at = now;
          RETURN_IF_ERROR(PostPurchase(tx, p));
        }
        for (auto& in : g.interactions) {
          in.customer_id = g.customer.id;
          in.created_at = now;
          RETURN_IF_ERROR(store::InsertInteraction(tx, in));
        }
        for (auto& ct : g.contacts) {
          ct.customer_id = g.customer.id;
          ct.created_at = ct.updated_at = now;
          RETURN_IF_ERROR(store::InsertContact(tx, ct));
        }
        summary.purchases += static_cast<std::int64_t>(g.purchases.size());
        summary.interactions += static_cast<std::int64_t>(g.interactions.size());
        summary.contacts += static_cast<std::int64_t>(g.contacts.size());
      }
      return Ok();
    }));
    summary.customers = end;
    if (progress) progress(end, options.customers);
  }
  for (const auto& [email, role] : kDemoLogins) {
    NewUser u{email, kDemoPassword, std::string("Demo ") + role, role, std::nullopt};
    if (std::string(role) == "customer") {
      u.customer_id = li_wei;
      u.name = "Li Wei";
    }
    ASSIGN_OR_RETURN(auto id, CreateUser(env, system, u));
    ++summary.users;
    if (std::string(role) == "sales") {
      // The sales user is the key-account manager of every tenth customer.
      RETURN_IF_ERROR(env.db.Write([&](store::Tx& tx) -> Status {
        RETURN_IF_ERROR(tx.Exec("UPDATE customers SET owner_id = ? WHERE id % 10 = 1", {id}));
        return Ok();
      }));
    }
  }
  RETURN_IF_ERROR(AddSalesDemo(env, options.seed, summary));
  RETURN_IF_ERROR(AddPipelineDemo(env, options.seed, summary));
  RETURN_IF_ERROR(AddServiceDemo(env, options.seed, summary));
  return summary;
}

}  // namespace chaincrm::services
