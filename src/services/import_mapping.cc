#include "services/import_mapping.h"

#include <algorithm>
#include <cctype>
#include <ctime>

#include "core/text.h"

namespace chaincrm::services {

namespace json = boost::json;

namespace {

constexpr const char* kTransformNames[] = {"trim", "upper",      "lower",  "phone",
                                           "date", "split_name", "default"};

Result<Transform> ParseTransform(const std::string& spec, const std::string& where) {
  Transform t;
  const auto colon = spec.find(':');
  t.name = spec.substr(0, colon);
  if (colon != std::string::npos) t.arg = spec.substr(colon + 1);
  const bool known = std::any_of(std::begin(kTransformNames), std::end(kTransformNames),
                                 [&](const char* n) { return t.name == n; });
  if (!known) {
    return Fail(Error::InvalidArgument("unknown transform",
                                       {{where, "unknown transform '" + spec +
                                                    "' (trim, upper, lower, phone, date:FMT, "
                                                    "split_name:given|family, default:TEXT)"}}));
  }
  if (t.name == "date" && t.arg.empty())
    return Fail(Error::InvalidArgument("bad transform", {{where, "date needs a format"}}));
  if (t.name == "split_name" && t.arg != "given" && t.arg != "family") {
    return Fail(
        Error::InvalidArgument("bad transform", {{where, "split_name takes :given or :family"}}));
  }
  return t;
}

std::string Text(const json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_array()) {  // ["a", "b"] → "a,b" (roles, tags)
    std::string out;
    for (const auto& e : v.as_array()) {
      if (!out.empty()) out += ",";
      out += Text(e);
    }
    return out;
  }
  return json::serialize(v);
}

// "Ada Lovelace" → given "Ada", family "Lovelace"; "Lovelace, Ada" likewise.
std::string SplitName(std::string_view full, bool given) {
  full = Trim(full);
  if (const auto comma = full.find(','); comma != std::string_view::npos) {
    return std::string(Trim(given ? full.substr(comma + 1) : full.substr(0, comma)));
  }
  const auto space = full.rfind(' ');
  if (space == std::string_view::npos) return given ? std::string(full) : "";
  return std::string(Trim(given ? full.substr(0, space) : full.substr(space + 1)));
}

Result<std::string> ReformatDate(const std::string& cell, const std::string& format) {
  std::tm tm{};
  const char* end = strptime(cell.c_str(), format.c_str(), &tm);
  const bool consumed = end && Trim(end).empty();
  const int y = tm.tm_year + 1900, m = tm.tm_mon + 1, d = tm.tm_mday;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const bool valid =
      consumed && m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1] && (m != 2 || d <= 28 || leap);
  if (!valid) {
    return Fail(
        Error::InvalidArgument("'" + cell.substr(0, 40) + "' is not a date in format " + format));
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

}  // namespace

Result<ImportMapping> ParseImportMapping(const json::value& v) {
  if (!v.is_object()) return Fail(Error::InvalidArgument("the mapping must be a JSON object"));
  const auto& o = v.as_object();
  ImportMapping m;
  std::vector<FieldError> errs;
  for (const auto& [k, _] : o) {
    if (k != "columns" && k != "constants")
      errs.push_back({std::string(k), "unknown key (columns, constants)"});
  }
  const auto* columns = o.if_contains("columns");
  if (!columns || !columns->is_object() || columns->as_object().empty()) {
    errs.push_back({"columns", "an object of source column → field is required"});
  } else {
    for (const auto& [col, rule] : columns->as_object()) {
      const std::string where = "columns." + std::string(col);
      ColumnRule r{std::string(col), "", {}};
      if (rule.is_string()) {
        r.field = std::string(rule.as_string());
      } else if (rule.is_object()) {
        const auto* f = rule.as_object().if_contains("field");
        if (f && f->is_string()) r.field = std::string(f->as_string());
        const auto* t = rule.as_object().if_contains("transform");
        if (t && t->is_string()) {
          auto tr = ParseTransform(std::string(t->as_string()), where);
          if (!tr)
            errs.push_back(tr.error().fields().front());
          else
            r.transforms.push_back(*tr);
        } else if (t && t->is_array()) {
          for (const auto& e : t->as_array()) {
            auto tr =
                e.is_string()
                    ? ParseTransform(std::string(e.as_string()), where)
                    : Fail(Error::InvalidArgument("bad", {{where, "transforms are strings"}}));
            if (!tr)
              errs.push_back(tr.error().fields().front());
            else
              r.transforms.push_back(*tr);
          }
        } else if (t) {
          errs.push_back({where, "transform must be a string or an array of strings"});
        }
      }
      if (r.field.empty()) {
        errs.push_back(
            {where, "must name a field: \"field\" or {\"field\": ..., \"transform\": ...}"});
        continue;
      }
      m.columns.push_back(std::move(r));
    }
  }
  if (const auto* c = o.if_contains("constants")) {
    if (!c->is_object()) {
      errs.push_back({"constants", "must be an object of field → value"});
    } else {
      for (const auto& [f, val] : c->as_object()) m.constants.emplace_back(f, Text(val));
    }
  }
  if (!errs.empty()) return Fail(Error::InvalidArgument("the mapping is invalid", std::move(errs)));
  return m;
}

Result<std::string> ApplyTransforms(std::string cell, const std::vector<Transform>& transforms) {
  for (const auto& t : transforms) {
    if (t.name == "trim") {
      cell = std::string(Trim(cell));
    } else if (t.name == "upper" || t.name == "lower") {
      const bool up = t.name == "upper";
      for (char& ch : cell) {
        const auto u = static_cast<unsigned char>(ch);
        ch = static_cast<char>(up ? std::toupper(u) : std::tolower(u));
      }
    } else if (t.name == "phone") {
      if (Trim(cell).empty()) continue;
      const std::string digits = NormalizePhone(cell);
      if (digits.empty())
        return Fail(
            Error::InvalidArgument("phone: '" + cell.substr(0, 40) + "' is not a phone number"));
      const bool international =
          cell.find('+') != std::string::npos || std::string_view(Trim(cell)).starts_with("00");
      cell = (international ? "+" : "") + digits;
    } else if (t.name == "date") {
      if (Trim(cell).empty()) continue;
      auto d = ReformatDate(std::string(Trim(cell)), t.arg);
      if (!d) return Fail(Error::InvalidArgument("date:" + t.arg + ": " + d.error().message()));
      cell = *d;
    } else if (t.name == "split_name") {
      cell = SplitName(cell, t.arg == "given");
    } else if (t.name == "default") {
      if (Trim(cell).empty()) cell = t.arg;
    }
  }
  return cell;
}

BoundMapping BindHeader(const ImportMapping& m, const std::vector<std::string>& header) {
  BoundMapping b;
  std::vector<bool> used(m.columns.size(), false);
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string name(Trim(header[i]));
    bool mapped = false;
    for (std::size_t r = 0; r < m.columns.size(); ++r) {
      if (m.columns[r].column == name) {
        b.cells.emplace_back(static_cast<int>(i), &m.columns[r]);
        used[r] = mapped = true;
      }
    }
    if (!mapped) b.unknown_columns.push_back(name);
  }
  for (std::size_t r = 0; r < m.columns.size(); ++r)
    if (!used[r]) b.missing_columns.push_back(m.columns[r].column);
  return b;
}

Result<MappedRow> MapRecord(const ImportMapping& m, const BoundMapping& b,
                            const std::vector<std::string>& record) {
  MappedRow row;
  for (const auto& [index, rule] : b.cells) {
    std::string cell = static_cast<std::size_t>(index) < record.size()
                           ? record[static_cast<std::size_t>(index)]
                           : "";
    auto out = ApplyTransforms(std::move(cell), rule->transforms);
    if (!out) {
      return Fail(Error::InvalidArgument(
          out.error().message(),
          {{rule->field, "column '" + rule->column + "': " + out.error().message()}}));
    }
    if (Trim(*out).empty()) continue;
    auto& slot = row[rule->field];
    // Two columns into one field (given and family name into "name") are joined.
    slot = slot.empty() ? *out : slot + " " + *out;
  }
  // A constant fills a field that no column gave a value.
  for (const auto& [field, value] : m.constants) row.try_emplace(field, value);
  return row;
}

}  // namespace chaincrm::services
