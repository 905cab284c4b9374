#include "services/service_metrics_service.h"

#include <map>

#include "analytics/service_metrics.h"
#include "domain/service_case.h"
#include "services/sla.h"

namespace chaincrm::services {

namespace json = boost::json;
using store::Tx;

namespace {

constexpr double kMillisPerHour = 3'600'000.0;

struct Row {
  analytics::CaseTimes times;
  std::string category, channel, queue, status, agent;
  std::optional<Millis> first_response_at;
  bool in_window = false;
};

struct Acc {
  std::int64_t volume = 0, resolved = 0, fcr = 0, reopened = 0;
  std::vector<double> first_response, resolution;
  std::int64_t fr_measured = 0, fr_met = 0, res_measured = 0, res_met = 0;
};

json::value Num(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::value Rate(std::int64_t num, std::int64_t den) {
  return den > 0 ? json::value(100.0 * static_cast<double>(num) / static_cast<double>(den))
                 : json::value(nullptr);
}

json::object AccJson(const Acc& a) {
  return {{"volume", a.volume},
          {"resolved", a.resolved},
          {"reopened", a.reopened},
          {"first_response_hours",
           {{"count", static_cast<std::int64_t>(a.first_response.size())},
            {"mean", Num(analytics::Mean(a.first_response))},
            {"p90", Num(analytics::NearestRankPercentile(a.first_response, 90))}}},
          {"resolution_hours",
           {{"count", static_cast<std::int64_t>(a.resolution.size())},
            {"mean", Num(analytics::Mean(a.resolution))},
            {"p90", Num(analytics::NearestRankPercentile(a.resolution, 90))}}},
          {"fcr", {{"count", a.fcr}, {"rate", Rate(a.fcr, a.resolved)}}},
          {"sla",
           {{"first_response_measured", a.fr_measured},
            {"first_response_attainment", Rate(a.fr_met, a.fr_measured)},
            {"resolution_measured", a.res_measured},
            {"resolution_attainment", Rate(a.res_met, a.res_measured)}}}};
}

std::string Key(const Row& r, const std::string& group_by) {
  if (group_by == "category") return r.category;
  if (group_by == "channel") return r.channel;
  if (group_by == "queue") return r.queue;
  if (group_by == "month") return FormatDate(r.times.created_at).substr(0, 7);
  if (group_by == "agent") return r.agent;
  return "";
}

}  // namespace

Result<json::object> ServiceMetrics(const Env& env, const Actor& actor,
                                    const ServiceMetricsQuery& q) {
  if (domain::Allowed(actor.role, domain::Resource::kCases, domain::Action::kRead) !=
      domain::Scope::kAll) {
    return Fail(Error::PermissionDenied("your role may not read service metrics"));
  }
  if (!q.group_by.empty() && q.group_by != "category" && q.group_by != "channel" &&
      q.group_by != "queue" && q.group_by != "month" && q.group_by != "agent") {
    return Fail(
        Error::InvalidArgument("group_by must be category, channel, queue, month or agent",
                               {{"group_by", "must be category, channel, queue, month or agent"}}));
  }
  if (q.fcr_days < 0 || q.fcr_days > 365) {
    return Fail(
        Error::InvalidArgument("fcr_days must be 0..365", {{"fcr_days", "must be 0..365"}}));
  }
  const Millis now = env.clock.Now();
  const Millis to = q.to.value_or(now);
  const Millis from = q.from.value_or(to - 30 * kMillisPerDay);
  if (from >= to) {
    return Fail(Error::InvalidArgument("from must be before to", {{"from", "must be before to"}}));
  }
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    // Every case from `from` on: later cases may be follow-ups of cases in the window.
    std::string sql =
        "SELECT id, customer_id, created_at, resolved_at, reopen_count, category, channel, "
        "COALESCE(queue, ''), status, owner_id, first_response_at FROM cases WHERE created_at "
        ">= ?";
    store::Params p{from};
    if (q.queue) {
      sql += " AND queue = ?";
      p.push_back(*q.queue);
    }
    std::vector<Row> rows;
    RETURN_IF_ERROR(tx.ForEach(sql + " ORDER BY id", p, [&](const store::Row& r) -> Status {
      Row x;
      x.times = {r.Int(0), r.Int(1), r.Int(2), r.OptInt(3), r.Int(4)};
      x.category = r.Text(5);
      x.channel = r.Text(6);
      x.queue = r.Text(7).empty() ? "(none)" : r.Text(7);
      x.status = r.Text(8);
      x.agent = r.IsNull(9) ? "unassigned" : std::to_string(r.Int(9));
      x.first_response_at = r.OptInt(10);
      x.in_window = x.times.created_at < to;
      rows.push_back(std::move(x));
      return Ok();
    }));
    std::vector<analytics::CaseTimes> times;
    times.reserve(rows.size());
    for (const auto& r : rows) times.push_back(r.times);
    const auto fcr = analytics::FirstContactResolved(times, q.fcr_days * kMillisPerDay);
    Acc overall;
    std::map<std::string, Acc> groups;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const Row& r = rows[i];
      if (!r.in_window) continue;
      ASSIGN_OR_RETURN(auto sla, CaseSlaJson(tx, r.times.id));
      for (Acc* a : {&overall, q.group_by.empty() ? nullptr : &groups[Key(r, q.group_by)]}) {
        if (!a) continue;
        ++a->volume;
        a->reopened += r.times.reopen_count > 0;
        if (r.first_response_at) {
          a->first_response.push_back(
              static_cast<double>(*r.first_response_at - r.times.created_at) / kMillisPerHour);
        }
        if (r.times.resolved_at) {
          ++a->resolved;
          a->resolution.push_back(static_cast<double>(*r.times.resolved_at - r.times.created_at) /
                                  kMillisPerHour);
          a->fcr += fcr[i];
        }
        if (const auto* m = sla.if_contains("first_response_met"); m && m->is_bool()) {
          ++a->fr_measured;
          a->fr_met += m->as_bool();
        }
        if (const auto* m = sla.if_contains("resolution_met"); m && m->is_bool()) {
          ++a->res_measured;
          a->res_met += m->as_bool();
        }
      }
    }
    out["from"] = FormatTime(from);
    out["to"] = FormatTime(to);
    out["group_by"] = q.group_by.empty() ? json::value(nullptr) : json::value(q.group_by);
    out["fcr_days"] = q.fcr_days;
    out["percentile_method"] = "nearest-rank";
    out["overall"] = AccJson(overall);
    json::array jg;
    for (const auto& [key, a] : groups) {
      json::object o = AccJson(a);
      o["key"] = key;
      jg.push_back(std::move(o));
    }
    out["groups"] = std::move(jg);
    // Backlog: every open case now, by age.
    json::object backlog;
    for (auto b : analytics::BacklogBuckets()) backlog[b] = 0;
    std::string bsql = "SELECT created_at FROM cases WHERE status NOT IN ('resolved', 'closed')";
    store::Params bp;
    if (q.queue) {
      bsql += " AND queue = ?";
      bp.push_back(*q.queue);
    }
    std::int64_t open = 0;
    RETURN_IF_ERROR(tx.ForEach(bsql, bp, [&](const store::Row& r) -> Status {
      ++open;
      backlog[analytics::BacklogBucket(std::max<Millis>(0, now - r.Int(0)))].as_int64() += 1;
      return Ok();
    }));
    out["backlog"] = {{"open", open}, {"by_age", std::move(backlog)}};
    // Agent productivity in the window: cases resolved and notes written.
    std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> agents;
    std::string asql =
        "SELECT resolved_by, COUNT(*) FROM cases WHERE resolved_by IS NOT NULL AND resolved_at "
        ">= ? AND resolved_at < ?";
    store::Params ap{from, to};
    if (q.queue) {
      asql += " AND queue = ?";
      ap.push_back(*q.queue);
    }
    RETURN_IF_ERROR(
        tx.ForEach(asql + " GROUP BY resolved_by", ap, [&](const store::Row& r) -> Status {
          agents[r.Int(0)].first = r.Int(1);
          return Ok();
        }));
    std::string nsql =
        "SELECT n.author_user_id, COUNT(*) FROM case_notes n JOIN cases c ON c.id = n.case_id "
        "WHERE n.author_kind = 'staff' AND n.author_user_id IS NOT NULL AND n.created_at >= ? "
        "AND n.created_at < ?";
    if (q.queue) nsql += " AND c.queue = ?";
    RETURN_IF_ERROR(
        tx.ForEach(nsql + " GROUP BY n.author_user_id", ap, [&](const store::Row& r) -> Status {
          agents[r.Int(0)].second = r.Int(1);
          return Ok();
        }));
    json::array ja;
    for (const auto& [user_id, counts] : agents) {
      ASSIGN_OR_RETURN(auto u, tx.Query("SELECT email FROM users WHERE id = ?", {user_id}));
      ja.push_back({{"user_id", user_id},
                    {"email", u.empty() ? json::value(nullptr) : json::value(u.front().Text(0))},
                    {"resolved", counts.first},
                    {"notes", counts.second}});
    }
    out["agents"] = std::move(ja);
    return Ok();
  }));
  return out;
}

}  // namespace chaincrm::services
