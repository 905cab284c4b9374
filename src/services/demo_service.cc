// Demo cases over the last four months, with hour-of-week seasonality in when they are
// opened (weekday office hours, peaks mid-morning and after lunch, quiet weekends), notes,
// reopenings, calls, returns and surveys, some answered; and Li Wei's open case.

#include <algorithm>
#include <cmath>
#include <random>

#include "analytics/satisfaction.h"
#include "services/call_service.h"
#include "services/case_service.h"
#include "services/demo_parts.h"
#include "services/survey_service.h"

namespace chaincrm::services {

namespace {

constexpr Millis kHour = 3'600'000;
constexpr int kDays = 120;

// Relative case volume by day of week (0 = Monday) and hour (UTC).
double HourOfWeekWeight(int dow, int hour) {
  double w = (hour >= 8 && hour < 19) ? 1.0 : (hour >= 6 && hour < 22 ? 0.25 : 0.05);
  if (hour == 10 || hour == 14) w *= 1.6;
  if (dow == 0) w *= 1.3;  // Monday backlog
  if (dow >= 5) w *= 0.3;
  return w;
}

struct Picker {
  std::mt19937_64 rng;
  double Uniform() { return std::uniform_real_distribution<double>(0, 1)(rng); }
  template <std::size_t N>
  const char* OneOf(const char* const (&set)[N], const double (&weights)[N]) {
    std::discrete_distribution<std::size_t> d(std::begin(weights), std::end(weights));
    return set[d(rng)];
  }
  Millis Exp(double mean_hours) {
    return static_cast<Millis>(std::exponential_distribution<double>(1.0 / mean_hours)(rng) *
                               static_cast<double>(kHour)) +
           60'000;
  }
  // An opening time in the last kDays days, drawn by hour-of-week weight.
  Millis OpenedAt(Millis now) {
    const Millis day0 = now / kMillisPerDay * kMillisPerDay;
    for (;;) {
      const auto back = std::uniform_int_distribution<int>(1, kDays)(rng);
      const int hour = std::uniform_int_distribution<int>(0, 23)(rng);
      const Millis t = day0 - back * kMillisPerDay + hour * kHour +
                       std::uniform_int_distribution<Millis>(0, kHour - 1)(rng);
      const int dow = static_cast<int>(((t / kMillisPerDay) + 3) % 7);  // 1970-01-01: Thursday
      if (Uniform() * 2.6 < HourOfWeekWeight(dow, hour)) return t;
    }
  }
};

// The status of a result whose value is not needed.
template <typename T>
Status Done(const Result<T>& r) {
  if (!r) return Fail(r.error());
  return Ok();
}

struct Staff {
  Actor actor;
  std::int64_t id = 0;
};

Result<Staff> LoadStaff(store::Tx& tx, const char* email, domain::Role role) {
  ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id FROM users WHERE email = ?", {email}));
  Staff s;
  s.actor.role = role;
  s.actor.email = email;
  if (!rows.empty()) s.id = s.actor.user_id = rows.front().Int(0);
  return s;
}

std::vector<analytics::AttributeRating> RandomRatings(Picker& p, double mood) {
  static const char* kAttributes[] = {"product_quality",  "on_time_delivery", "completeness",
                                      "service_attitude", "documentation",    "price"};
  std::vector<analytics::AttributeRating> out;
  for (const char* a : kAttributes) {
    const auto clamp = [](double v) {
      return static_cast<int>(std::clamp(std::lround(v), 1L, 7L));
    };
    const int e = clamp(4.5 + 1.2 * (p.Uniform() - 0.5) * 2);
    out.push_back({a, clamp(2 + 5 * p.Uniform()), e, clamp(e + mood + 2 * (p.Uniform() - 0.5))});
  }
  return out;
}

}  // namespace

Status AddServiceDemo(const Env& env, std::uint64_t seed, DemoSummary& summary) {
  Picker p{std::mt19937_64(seed ^ 0x5e7c1ceULL)};
  const Millis now = env.clock.Now();
  std::int64_t n_cases = 0, n_notes = 0, n_calls = 0, n_returns = 0, n_surveys = 0, n_answered = 0;
  RETURN_IF_ERROR(env.db.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto agent, LoadStaff(tx, "agent@demo.chaincrm.test", domain::Role::kAgent));
    ASSIGN_OR_RETURN(auto manager,
                     LoadStaff(tx, "manager@demo.chaincrm.test", domain::Role::kManager));
    if (agent.id == 0) return Ok();
    std::vector<std::int64_t> customers;
    RETURN_IF_ERROR(
        tx.ForEach("SELECT id FROM customers ORDER BY id", {}, [&](const store::Row& r) -> Status {
          customers.push_back(r.Int(0));
          return Ok();
        }));
    if (customers.empty()) return Ok();
    static const char* kQueues[] = {"hotline", "key_accounts", "logistics", "returns"};
    static const double kQueueW[] = {5, 2, 2, 1};
    static const double kCatW[] = {5, 2, 2, 3, 2, 1, 1, 1};
    static const double kChanW[] = {6, 1, 4, 3, 0.5, 0.5, 2, 1};
    static const double kPrioW[] = {2, 6, 2, 0.5};
    const auto target =
        static_cast<std::int64_t>(std::clamp<std::size_t>(customers.size() * 3 / 2, 100, 500));
    for (std::int64_t k = 0; k < target; ++k) {
      const Staff& who = p.Uniform() < 0.7 ? agent : manager;
      domain::Case c;
      c.customer_id =
          customers[std::uniform_int_distribution<std::size_t>(0, customers.size() - 1)(p.rng)];
      c.category = p.OneOf(domain::kCaseCategories, kCatW);
      c.channel = p.OneOf(domain::kCaseChannels, kChanW);
      c.priority = p.OneOf(domain::kCasePriorities, kPrioW);
      c.queue = p.OneOf(kQueues, kQueueW);
      c.subject = std::string("Demo ") + c.category + " case";
      c.owner_id = who.id;
      const Millis opened = p.OpenedAt(now);
      ASSIGN_OR_RETURN(c, InsertCaseTx(tx, env, who.actor, std::move(c), opened));
      ++n_cases;
      const Millis age = now - opened;
      if (age < kMillisPerDay && p.Uniform() < 0.4) continue;  // not yet picked up
      Millis t = opened + p.Exp(0.5);
      if (t >= now) continue;
      RETURN_IF_ERROR(TransitionCaseTx(tx, env, who.actor, c, "open", t));
      if (p.Uniform() < 0.9) {
        t += p.Exp(3);
        if (t >= now) continue;
        RETURN_IF_ERROR(
            Done(AddCaseNoteTx(tx, env, who.actor, c, "We are looking into it.", "customer", t)));
        ++n_notes;
      }
      if (p.Uniform() < 0.4) {
        t += p.Exp(2);
        if (t >= now) continue;
        RETURN_IF_ERROR(Done(AddCaseNoteTx(tx, env, who.actor, c,
                                           "Checked order and serial history.", "internal", t)));
        ++n_notes;
      }
      if (age < 2 * kMillisPerDay && p.Uniform() < 0.6) continue;  // recent: still open
      const double stuck = p.Uniform();
      if (stuck < 0.05) continue;  // the backlog: open for a while
      if (stuck < 0.08) {
        RETURN_IF_ERROR(TransitionCaseTx(tx, env, who.actor, c, "pending_customer",
                                         std::min(now, t + p.Exp(6))));
        continue;
      }
      if (p.Uniform() < 0.15) {
        t += p.Exp(12);
        if (t >= now) continue;
        RETURN_IF_ERROR(TransitionCaseTx(tx, env, who.actor, c, "pending_customer", t));
        t += p.Exp(24);
        if (t >= now) continue;
        RETURN_IF_ERROR(TransitionCaseTx(tx, env, who.actor, c, "open", t));
      }
      t += p.Exp(c.priority == "urgent" ? 6 : 20);
      if (t >= now) continue;
      RETURN_IF_ERROR(TransitionCaseTx(tx, env, who.actor, c, "resolved", t));
      if (p.Uniform() < 0.1) {  // reopened, then resolved again
        t += p.Exp(30);
        if (t >= now) continue;
        RETURN_IF_ERROR(TransitionCaseTx(tx, env, who.actor, c, "open", t));
        t += p.Exp(10);
        if (t >= now) continue;
        RETURN_IF_ERROR(TransitionCaseTx(tx, env, who.actor, c, "resolved", t));
      }
      ++n_surveys;
      if (p.Uniform() < 0.5) {
        ASSIGN_OR_RETURN(auto s, tx.QueryOne("SELECT id FROM surveys WHERE source_kind = 'case' "
                                             "AND source_id = ?",
                                             {c.id}, "survey"));
        const double mood = c.reopen_count > 0 ? -1.5 : (p.Uniform() - 0.3) * 2;
        const Millis answered = std::min(now, t + p.Exp(30));
        const auto csat = static_cast<std::int64_t>(std::clamp(std::lround(3.8 + mood), 1L, 5L));
        const auto nps =
            static_cast<std::int64_t>(std::clamp(std::lround(7.5 + 2 * mood), 0L, 10L));
        RETURN_IF_ERROR(StoreSurveyAnswersTx(
            tx, s.Int(0), RandomRatings(p, mood), csat, nps,
            mood < -1 ? std::optional<std::string>("It took too long.") : std::nullopt, answered,
            std::nullopt));
        ++n_answered;
      }
      if (t + 7 * kMillisPerDay < now && p.Uniform() < 0.6) {
        RETURN_IF_ERROR(TransitionCaseTx(tx, env, who.actor, c, "closed", t + 7 * kMillisPerDay));
      }
      if ((c.category == "return_claim" || c.category == "complaint") && p.Uniform() < 0.5) {
        static const char* kDecisions[] = {"refund", "replace", "repair", "reject"};
        const char* decision = kDecisions[std::uniform_int_distribution<int>(0, 3)(p.rng)];
        const bool rejected = std::string(decision) == "reject";
        RETURN_IF_ERROR(tx.Exec(
            "INSERT INTO returns (customer_id, case_id, reason, decision, status, quantity, "
            "amount, currency, version, created_by, created_at, updated_at, decided_at, "
            "completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'CNY', 1, ?, ?, ?, ?, ?)",
            {c.customer_id, c.id, std::string("Defective on arrival"), std::string(decision),
             std::string(rejected ? "rejected" : "completed"), static_cast<double>(1 + k % 3),
             static_cast<std::int64_t>(5000 + 1000 * (k % 40)), who.id, opened, t, t,
             rejected ? store::Null() : store::Value(t)}));
        ++n_returns;
      }
    }
    // Calls with the same weekly rhythm, from customers' numbers.
    std::vector<std::pair<std::int64_t, std::string>> phones;
    RETURN_IF_ERROR(
        tx.ForEach("SELECT customer_id, number FROM customer_phones ORDER BY "
                   "customer_id LIMIT 2000",
                   {}, [&](const store::Row& r) -> Status {
                     phones.emplace_back(r.Int(0), r.Text(1));
                     return Ok();
                   }));
    for (std::int64_t k = 0; k < target && !phones.empty(); ++k) {
      const auto& [cid, number] =
          phones[std::uniform_int_distribution<std::size_t>(0, phones.size() - 1)(p.rng)];
      RETURN_IF_ERROR(Done(InsertCallTx(
          tx, {number, std::string(p.OneOf(kQueues, kQueueW)), agent.id, cid, p.OpenedAt(now)},
          agent.id, now)));
      ++n_calls;
    }
    // Li Wei (the portal customer): an earlier resolved case with its survey waiting, and
    // an open case with a reply and an internal note.
    ASSIGN_OR_RETURN(auto li, tx.Query("SELECT id FROM customers WHERE name = 'Li Wei' ORDER BY "
                                       "id LIMIT 1"));
    if (!li.empty()) {
      domain::Case old;
      old.customer_id = li.front().Int(0);
      old.subject = "Sewing machine S9: thread keeps breaking";
      old.category = "technical_support";
      old.channel = "phone";
      old.priority = "normal";
      old.queue = "hotline";
      old.owner_id = agent.id;
      const Millis t0 = now - 12 * kMillisPerDay;
      ASSIGN_OR_RETURN(old, InsertCaseTx(tx, env, agent.actor, std::move(old), t0));
      RETURN_IF_ERROR(TransitionCaseTx(tx, env, agent.actor, old, "open", t0 + kHour));
      RETURN_IF_ERROR(TransitionCaseTx(tx, env, agent.actor, old, "resolved", t0 + 20 * kHour));
      domain::Case open;
      open.customer_id = old.customer_id;
      open.subject = "Order arrived with one carton missing";
      open.category = "order_delivery_problem";
      open.channel = "web";
      open.priority = "high";
      open.queue = "logistics";
      open.owner_id = agent.id;
      const Millis t1 = now - 2 * kMillisPerDay;
      ASSIGN_OR_RETURN(open, InsertCaseTx(tx, env, agent.actor, std::move(open), t1));
      RETURN_IF_ERROR(TransitionCaseTx(tx, env, agent.actor, open, "open", t1 + kHour));
      RETURN_IF_ERROR(Done(AddCaseNoteTx(tx, env, agent.actor, open,
                                         "We have asked the carrier to trace the missing carton.",
                                         "customer", t1 + 2 * kHour)));
      RETURN_IF_ERROR(Done(AddCaseNoteTx(tx, env, agent.actor, open,
                                         "Carrier says it was split at the Ningbo hub.", "internal",
                                         t1 + 3 * kHour)));
      n_cases += 2;
      n_notes += 2;
      ++n_surveys;
    }
    return Ok();
  }));
  summary.more.emplace_back("cases", n_cases);
  summary.more.emplace_back("case_notes", n_notes);
  summary.more.emplace_back("calls", n_calls);
  summary.more.emplace_back("returns", n_returns);
  summary.more.emplace_back("surveys", n_surveys);
  summary.more.emplace_back("surveys_answered", n_answered);
  return Ok();
}

}  // namespace chaincrm::services
