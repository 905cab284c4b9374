// Import target "contacts": people at a customer. A row names its customer by
// customer_id, customer.email, customer.tax_id or customer.external_id.SYSTEM, and is
// matched to an existing contact of that customer by the key (email or phone).

#include "core/text.h"
#include "services/activity_json.h"
#include "services/customer_json.h"
#include "services/import_target.h"
#include "services/json_util.h"
#include "store/activity_repository.h"
#include "store/change_log.h"

namespace chaincrm::services {

namespace json = boost::json;

namespace {

constexpr const char* kFields[] = {"name",        "title",          "email",          "phone",
                                   "notes",       "is_primary",     "given_name",     "family_name",
                                   "customer_id", "customer.email", "customer.tax_id"};

class ContactTarget final : public ImportTarget {
 public:
  std::vector<FieldError> CheckFields(const ImportMapping& m, const ImportKey& key) const override {
    std::vector<FieldError> errs;
    auto known = [](const std::string& f) {
      for (const char* k : kFields)
        if (f == k) return true;
      return f.starts_with("customer.external_id.") && f.size() > 21;
    };
    bool has_customer = false, has_key = false;
    for (const auto& c : m.columns) {
      if (!known(c.field))
        errs.push_back({"columns." + c.column, "unknown contact field '" + c.field + "'"});
      has_customer = has_customer || c.field.starts_with("customer");
      has_key = has_key || c.field == key.Field();
    }
    for (const auto& [f, _] : m.constants) {
      if (!known(f)) errs.push_back({"constants." + f, "unknown contact field '" + f + "'"});
      has_customer = has_customer || f.starts_with("customer");
    }
    if (key.kind != "email" && key.kind != "phone")
      errs.push_back({"key", "contacts are matched by email or phone"});
    else if (!has_key)
      errs.push_back({"key", "no column is mapped to '" + key.Field() + "', the import key"});
    if (!has_customer) {
      errs.push_back({"columns",
                      "a column must name the customer (customer_id, customer.email, "
                      "customer.tax_id or customer.external_id.SYSTEM)"});
    }
    return errs;
  }

  Status Begin(store::Tx&) override { return Ok(); }

  Result<RowResult> Apply(TargetContext& ctx, const MappedRow& row) override {
    ASSIGN_OR_RETURN(const std::int64_t customer_id, FindCustomer(ctx, row));
    RETURN_IF_ERROR(CheckScope(ctx.actor, domain::Resource::kContacts, domain::Action::kCreate,
                               customer_id, std::nullopt));
    json::object patch;
    std::string given, family;
    for (const auto& [f, v] : row) {
      if (f == "given_name")
        given = v;
      else if (f == "family_name")
        family = v;
      else if (f == "is_primary")
        patch[f] = FoldForSearch(v) == "true" || v == "1" || FoldForSearch(v) == "yes";
      else if (!f.starts_with("customer"))
        patch[f] = v;
    }
    if (!patch.contains("name") && (!given.empty() || !family.empty()))
      patch["name"] = given.empty() ? family : family.empty() ? given : given + " " + family;
    const auto key = row.find(ctx.key.Field());
    if (key == row.end())
      return Fail(
          Error::InvalidArgument("no key", {{ctx.key.Field(), "is empty: it is the import key"}}));
    const bool by_email = ctx.key.kind == "email";
    const std::string norm = by_email ? NormalizeEmail(key->second) : NormalizePhone(key->second);
    if (norm.empty())
      return Fail(
          Error::InvalidArgument("bad", {{ctx.key.Field(), "is not a valid " + ctx.key.kind}}));
    ASSIGN_OR_RETURN(
        auto rows, ctx.tx.Query(std::string("SELECT id FROM contacts WHERE customer_id = ? AND ") +
                                    (by_email ? "email_norm" : "phone_norm") + " = ? LIMIT 1",
                                {customer_id, norm}));
    const Millis now = ctx.env.clock.Now();
    if (rows.empty()) {
      domain::Contact c;
      RETURN_IF_ERROR(ErrorsToStatus(ContactFromJson(patch, c)));
      c.customer_id = customer_id;
      c.created_at = c.updated_at = now;
      RETURN_IF_ERROR(store::InsertContact(ctx.tx, c));
      RETURN_IF_ERROR(Log(ctx, c, "create", ""));
      return RowResult{ImportOutcome::kCreated, ""};
    }
    if (!ctx.update_existing) return RowResult{ImportOutcome::kSkipped, "contact exists"};
    ASSIGN_OR_RETURN(auto c, store::LoadContact(ctx.tx, rows.front().Int(0)));
    const json::object before = ContactToJson(c);
    json::object merged = before;
    MergePatch(merged, patch);
    domain::Contact updated = c;
    RETURN_IF_ERROR(ErrorsToStatus(ContactFromJson(merged, updated)));
    if (ContactToJson(updated) == before) return RowResult{ImportOutcome::kSkipped, "unchanged"};
    updated.updated_at = now;
    RETURN_IF_ERROR(store::UpdateContact(ctx.tx, updated, c.version));
    RETURN_IF_ERROR(Log(ctx, updated, "update", json::serialize(before)));
    return RowResult{ImportOutcome::kUpdated, ""};
  }

 private:
  static Result<std::int64_t> FindCustomer(TargetContext& ctx, const MappedRow& row) {
    for (const auto& [f, v] : row) {
      if (!f.starts_with("customer")) continue;
      std::string sql;
      store::Params p;
      if (f == "customer_id") {
        sql = "SELECT id FROM customers WHERE id = ?";
        p = {std::string(Trim(v))};
      } else if (f == "customer.email") {
        sql = "SELECT DISTINCT customer_id FROM customer_emails WHERE address_norm = ?";
        p = {NormalizeEmail(v)};
      } else if (f == "customer.tax_id") {
        sql = "SELECT id FROM customers WHERE tax_id_norm = ?";
        p = {FoldForSearch(v)};
      } else {
        sql = "SELECT customer_id FROM customer_external_ids WHERE system = ? AND value = ?";
        p = {f.substr(21), std::string(Trim(v))};
      }
      if (f == "customer_id") {
        std::int64_t id = 0;
        try {
          id = std::stoll(std::string(Trim(v)));
        } catch (...) {
          return Fail(Error::InvalidArgument("bad", {{f, "is not an id"}}));
        }
        p = {id};
      }
      ASSIGN_OR_RETURN(auto rows, ctx.tx.Query(sql + " LIMIT 2", p));
      if (rows.size() == 1) return rows.front().Int(0);
      return Fail(Error::InvalidArgument(
          "bad", {{f, rows.empty() ? "no customer has '" + v.substr(0, 60) + "'"
                                   : "matches more than one customer"}}));
    }
    return Fail(
        Error::InvalidArgument("bad", {{"customer", "is empty: the row names no customer"}}));
  }

  static Status Log(TargetContext& ctx, const domain::Contact& c, const char* op,
                    const std::string& before) {
    store::ChangeEntry e;
    e.at = ctx.env.clock.Now();
    e.actor = ctx.actor.Label();
    e.entity = "contact";
    e.entity_id = c.id;
    e.customer_id = c.customer_id;
    e.op = op;
    e.before_json = before;
    e.after_json = json::serialize(ContactToJson(c));
    e.request_id = ctx.source;
    RETURN_IF_ERROR(store::AppendChange(ctx.tx, e));
    return Ok();
  }
};

}  // namespace

std::unique_ptr<ImportTarget> MakeContactImportTarget() {
  return std::make_unique<ContactTarget>();
}

}  // namespace chaincrm::services
