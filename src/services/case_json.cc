#include "services/case_json.h"

#include "services/json_util.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::OneOf;

json::object CaseToJson(const domain::Case& c) {
  return {{"id", c.id},
          {"number", c.number},
          {"customer_id", c.customer_id},
          {"contact_id", OptJson(c.contact_id)},
          {"subject", c.subject},
          {"description", OptJson(c.description)},
          {"category", c.category},
          {"channel", c.channel},
          {"priority", c.priority},
          {"status", c.status},
          {"owner_id", OptJson(c.owner_id)},
          {"queue", OptJson(c.queue)},
          {"order_id", OptJson(c.order_id)},
          {"order_line_id", OptJson(c.order_line_id)},
          {"serial", OptJson(c.serial)},
          {"purchase_id", OptJson(c.purchase_id)},
          {"first_response_at", OptTime(c.first_response_at)},
          {"resolved_at", OptTime(c.resolved_at)},
          {"closed_at", OptTime(c.closed_at)},
          {"reopen_count", c.reopen_count},
          {"version", c.version},
          {"created_at", FormatTime(c.created_at)},
          {"updated_at", FormatTime(c.updated_at)}};
}

json::object CaseNoteToJson(const domain::CaseNote& n) {
  return {{"id", n.id},
          {"case_id", n.case_id},
          {"visibility", n.visibility},
          {"author_kind", n.author_kind},
          {"author_user_id", OptJson(n.author_user_id)},
          {"author", n.author_label},
          {"body", n.body},
          {"created_at", FormatTime(n.created_at)}};
}

namespace {

template <std::size_t N>
void ReadEnum(JsonReader& r, std::string_view key, const char* const (&set)[N], bool required,
              std::string& out) {
  if (!r.Has(key) || r.IsNull(key)) {
    if (required) r.Error(key, "is required");
    return;
  }
  auto v = r.Str(key);
  if (!v) return;
  if (!OneOf(*v, set)) {
    std::string allowed;
    for (const char* s : set) allowed += (allowed.empty() ? "" : ", ") + std::string(s);
    r.Error(key, "must be one of " + allowed);
    return;
  }
  out = *v;
}

void ReadText(JsonReader& r, std::string_view key, std::size_t max,
              std::optional<std::string>& out) {
  if (!r.Has(key)) return;
  auto v = r.Str(key);
  if (v && v->size() > max) {
    r.Error(key, "must be at most " + std::to_string(max) + " characters");
    return;
  }
  out = v;
}

void ReadId(JsonReader& r, std::string_view key, std::optional<std::int64_t>& out) {
  if (!r.Has(key)) return;
  auto v = r.Int(key);
  if (v && *v <= 0) {
    r.Error(key, "must be a positive id");
    return;
  }
  out = v;
}

}  // namespace

std::vector<FieldError> CaseFromJson(const json::object& body, bool create, bool portal,
                                     domain::Case& c) {
  JsonReader r(body);
  if (portal) {
    r.Known({"customer_id", "contact_id", "subject", "description", "category", "channel",
             "order_id", "order_line_id", "serial", "purchase_id"});
  } else {
    r.Known({"customer_id", "contact_id", "subject", "description", "category", "channel",
             "priority", "status", "owner_id", "queue", "order_id", "order_line_id", "serial",
             "purchase_id", "opened_at", "at"});
  }
  if (r.Has("subject") || create) {
    auto s = r.Str("subject");
    if (!s || s->empty() || s->size() > 300) {
      r.Error("subject", "is required (1 to 300 characters)");
    } else {
      c.subject = *s;
    }
  }
  ReadText(r, "description", 20000, c.description);
  ReadEnum(r, "category", domain::kCaseCategories, create, c.category);
  if (create && portal && !r.Has("channel")) c.channel = "web";
  ReadEnum(r, "channel", domain::kCaseChannels, create && !portal, c.channel);
  if (create && !r.Has("priority")) c.priority = "normal";
  ReadEnum(r, "priority", domain::kCasePriorities, false, c.priority);
  ReadText(r, "queue", 100, c.queue);
  ReadText(r, "serial", 200, c.serial);
  ReadId(r, "contact_id", c.contact_id);
  ReadId(r, "owner_id", c.owner_id);
  ReadId(r, "order_id", c.order_id);
  ReadId(r, "order_line_id", c.order_line_id);
  ReadId(r, "purchase_id", c.purchase_id);
  if (r.Has("status")) {
    auto s = r.Str("status");
    if (s && !OneOf(*s, domain::kCaseStatuses)) {
      r.Error("status", "must be one of new, open, pending_customer, resolved, closed");
    }
  }
  (void)r.Time("opened_at");
  (void)r.Time("at");
  return std::move(r.errors());
}

}  // namespace chaincrm::services
