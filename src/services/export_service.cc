#include "services/export_service.h"

#include <boost/json.hpp>
#include <cmath>

#include "services/csv_reader.h"
#include "services/customer_json.h"
#include "services/customer_service.h"
#include "store/customer_repository.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::Resource;

namespace {

constexpr int kPage = 500;

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

std::string CustomText(const domain::CustomValue& v) {
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (const auto* d = std::get_if<double>(&v)) {
    if (std::floor(*d) == *d && std::fabs(*d) < 1e15)
      return std::to_string(static_cast<std::int64_t>(*d));
    return json::serialize(json::value(*d));
  }
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return "";
}

// Columns named like the import fields, so an identity mapping re-imports the file.
struct CsvLayout {
  // External id systems are not known up front: one "external_ids" column holds
  // "system:value;..." (map it with a split transform-free field per system if needed).
  std::vector<domain::CustomFieldDef> defs;
  domain::SensitiveVisibility vis;

  std::vector<std::string> Header() const {
    std::vector<std::string> h = {"id",
                                  "kind",
                                  "name",
                                  "status",
                                  "roles",
                                  "sector",
                                  "employees",
                                  "tax_id",
                                  "email",
                                  "phone",
                                  "address.line1",
                                  "address.line2",
                                  "address.city",
                                  "address.region",
                                  "address.postal_code",
                                  "address.country",
                                  "tags",
                                  "notes",
                                  "external_ids"};
    h.push_back("gender");
    if (vis.birth_date) h.push_back("birth_date");
    if (vis.income_band) h.push_back("income_band");
    for (const auto& d : defs) h.push_back("custom." + d.key);
    return h;
  }

  std::vector<std::string> Row(const domain::Customer& c) const {
    const domain::Address a = c.addresses.empty() ? domain::Address{} : c.addresses.front();
    std::vector<std::string> ext;
    for (const auto& e : c.external_ids) ext.push_back(e.system + ":" + e.value);
    std::string ext_text;
    for (const auto& e : ext) ext_text += (ext_text.empty() ? "" : ";") + e;
    std::vector<std::string> r = {std::to_string(c.id),
                                  c.kind,
                                  c.name,
                                  c.status,
                                  Join(c.roles),
                                  c.sector.value_or(""),
                                  c.employees ? std::to_string(*c.employees) : "",
                                  c.tax_id.value_or(""),
                                  c.emails.empty() ? "" : c.emails.front().address,
                                  c.phones.empty() ? "" : c.phones.front().number,
                                  a.line1,
                                  a.line2,
                                  a.city,
                                  a.region,
                                  a.postal_code,
                                  a.country,
                                  Join(c.tags),
                                  c.notes.value_or(""),
                                  ext_text};
    r.push_back(c.gender.value_or(""));
    if (vis.birth_date) r.push_back(c.birth_date.value_or(""));
    if (vis.income_band) r.push_back(c.income_band.value_or(""));
    for (const auto& d : defs) {
      auto it = c.custom.find(d.key);
      r.push_back(it == c.custom.end() ? "" : CustomText(it->second));
    }
    return r;
  }
};

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) line.push_back(',');
    line += CsvQuote(fields[i]);
  }
  line += "\r\n";
  return line;
}

Result<ListQuery> Scoped(const Actor& actor, ListQuery q) {
  const auto scope = domain::Allowed(actor.role, Resource::kCustomers, Action::kRead);
  if (scope == domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not list customers"));
  if (scope == domain::Scope::kSelf) q.only_customer_id = actor.customer_id.value_or(-1);
  q.limit = kPage;
  q.cursor.clear();
  q.total = false;
  return q;
}

}  // namespace

Result<ExportFormat> ParseExportFormat(std::string_view s) {
  if (s == "csv" || s.empty()) return ExportFormat::kCsv;
  if (s == "json") return ExportFormat::kJson;
  // No field errors: a bad query parameter is a 400, like the list's own parameters.
  return Fail(Error::InvalidArgument("format must be csv or json"));
}

Status CheckCustomerExport(const Env& env, const Actor& actor, const ListQuery& q) {
  ASSIGN_OR_RETURN(auto scoped, Scoped(actor, q));
  return env.db.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto defs, store::LoadCustomFieldDefs(tx));
    RETURN_IF_ERROR(CompileCustomerQuery(scoped, defs, env.db.dialect()));
    return Ok();
  });
}

Status ExportCustomers(const Env& env, const Actor& actor, ListQuery q, ExportFormat format,
                       const ExportSink& sink) {
  ASSIGN_OR_RETURN(q, Scoped(actor, std::move(q)));
  CsvLayout layout;
  layout.vis = domain::SensitiveFor(actor.role);
  bool first = true;
  for (;;) {
    std::string out;
    bool more = false;
    RETURN_IF_ERROR(env.db.Read([&](store::Tx& tx) -> Status {
      ASSIGN_OR_RETURN(auto defs, store::LoadCustomFieldDefs(tx));
      ASSIGN_OR_RETURN(CompiledQuery cq, CompileCustomerQuery(q, defs, env.db.dialect()));
      ASSIGN_OR_RETURN(store::Rows rows, tx.Query(cq.select_sql, cq.select_params));
      more = rows.size() > static_cast<std::size_t>(q.limit);
      if (more) {
        rows.erase(rows.begin() + q.limit, rows.end());
        q.cursor = EncodeCursor(rows.back(), cq);
      }
      std::vector<std::int64_t> ids;
      for (const auto& r : rows) ids.push_back(r.Int(0));
      ASSIGN_OR_RETURN(auto customers, store::LoadCustomers(tx, ids, defs));
      if (first) {
        layout.defs = defs;
        out = format == ExportFormat::kCsv ? CsvLine(layout.Header()) : "[";
      }
      ASSIGN_OR_RETURN(std::string currency, LedgerCurrencyOrDefault(tx));
      for (const auto& c : customers) {
        if (format == ExportFormat::kCsv) {
          out += CsvLine(layout.Row(c));
        } else {
          if (!first || out.size() > 1) out += ",\n";
          out += json::serialize(CustomerToJson(c, layout.vis, currency));
        }
      }
      return Ok();
    }));
    if (!more && format == ExportFormat::kJson) out += "]\n";
    if (!out.empty() && !sink(out)) return Ok();  // the reader went away
    first = false;
    if (!more) break;
  }
  return Ok();
}

Status ExportPages(json::object first, const PageFn& page, ExportFormat format,
                   const ExportSink& sink) {
  std::vector<std::string> columns;
  std::string out = format == ExportFormat::kCsv ? "" : "[";
  bool any = false;
  json::object current = std::move(first);
  for (;;) {
    const auto* data = current.if_contains("data");
    if (data && data->is_array()) {
      for (const auto& v : data->as_array()) {
        if (!v.is_object()) continue;
        const auto& row = v.as_object();
        if (format == ExportFormat::kJson) {
          out += (any ? ",\n" : "") + json::serialize(row);
        } else {
          if (columns.empty()) {
            for (const auto& [k, _] : row) columns.emplace_back(k);
            out += CsvLine(columns);
          }
          std::vector<std::string> cells;
          for (const auto& k : columns) {
            const auto* cell = row.if_contains(k);
            cells.push_back(!cell || cell->is_null() ? ""
                            : cell->is_string()      ? std::string(cell->as_string())
                                                     : json::serialize(*cell));
          }
          out += CsvLine(cells);
        }
        any = true;
      }
    }
    const auto* next = current.if_contains("next_cursor");
    const bool more = next && next->is_string();
    if (!more && format == ExportFormat::kJson) out += "]\n";
    if (!out.empty() && !sink(out)) return Ok();
    out.clear();
    if (!more) return Ok();
    ASSIGN_OR_RETURN(current, page(std::string(next->as_string())));
  }
}

}  // namespace chaincrm::services
