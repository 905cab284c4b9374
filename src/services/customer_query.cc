#include "services/customer_query.h"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>

#include "core/money.h"
#include "core/text.h"
#include "core/time.h"

namespace chaincrm::services {

namespace json = boost::json;
using store::Params;
using store::Value;

namespace {

enum class Type { kInt, kReal, kText, kTime, kMoney, kRoles, kTags };

struct FieldSpec {
  std::string name;
  std::string expr;  // SQL over alias c
  Type type;
  bool folded = false;  // compare against folded text (name)
};

std::string ScoreExpr(const std::string& column) {
  return "(SELECT sc." + column + " FROM customer_scores sc WHERE sc.customer_id = c.id)";
}

const std::vector<FieldSpec>& BuiltIns() {
  static const std::vector<FieldSpec> kFields = {
      {"id", "c.id", Type::kInt},
      {"kind", "c.kind", Type::kText},
      {"name", "c.name_folded", Type::kText, true},
      {"status", "c.status", Type::kText},
      {"roles", "c.roles", Type::kRoles},
      {"tags", "", Type::kTags},
      {"sector", "c.sector", Type::kText},
      {"country", "c.country", Type::kText},
      {"city", "c.city", Type::kText, true},
      {"tax_id", "c.tax_id_norm", Type::kText, true},
      {"owner_id", "c.owner_id", Type::kInt},
      {"parent_id", "c.parent_id", Type::kInt},
      {"employees", "c.employees", Type::kInt},
      {"annual_revenue", "c.annual_revenue", Type::kMoney},
      {"created_at", "c.created_at", Type::kTime},
      {"updated_at", "c.updated_at", Type::kTime},
      {"purchase_count", "c.purchase_count", Type::kInt},
      {"revenue_total", "c.revenue_total", Type::kMoney},
      {"cost_total", "c.cost_total", Type::kMoney},
      {"first_purchase_at", "c.first_purchase_at", Type::kTime},
      {"last_purchase_at", "c.last_purchase_at", Type::kTime},
      // Scores of the latest value run (customer_scores, one row per customer): a
      // correlated subquery keeps every customer listed, NULL when never scored.
      {"clv", ScoreExpr("clv"), Type::kReal},
      {"clv_discounted", ScoreExpr("clv_discounted"), Type::kReal},
      {"p_alive", ScoreExpr("p_alive"), Type::kReal},
      {"expected_purchases", ScoreExpr("expected_purchases_90d"), Type::kReal},
      {"abc", ScoreExpr("abc_class"), Type::kText},
      {"rfm_cell", ScoreExpr("rfm_cell"), Type::kText},
      {"value_class", ScoreExpr("value_class"), Type::kText},
      {"account_size", ScoreExpr("account_size"), Type::kText},
  };
  return kFields;
}

Error Bad(const std::string& field, const std::string& msg) {
  return Error::InvalidArgument(msg, {{field, msg}});
}

Result<FieldSpec> Resolve(const std::string& name, const std::vector<domain::CustomFieldDef>& defs,
                          const std::string& param) {
  for (const auto& f : BuiltIns())
    if (f.name == name) return f;
  if (name.starts_with("custom.")) {
    const std::string key = name.substr(7);
    for (const auto& d : defs) {
      if (d.key != key) continue;
      const bool numeric = d.type == "number" || d.type == "integer" || d.type == "boolean";
      const std::string col = numeric ? "value_num" : "value_text";
      return FieldSpec{name,
                       "(SELECT cv." + col +
                           " FROM customer_custom_values cv WHERE cv.customer_id = c.id "
                           "AND cv.field_id = " +
                           std::to_string(d.id) + ")",
                       numeric ? Type::kReal : Type::kText};
    }
    return Fail(Bad(param, "unknown custom field '" + key + "'"));
  }
  return Fail(Bad(param, "unknown field '" + name + "'"));
}

// Converts one filter value to the column's SQL value.
Result<Value> Convert(const FieldSpec& f, const std::string& v, const std::string& param) {
  switch (f.type) {
    case Type::kInt: {
      std::int64_t out = 0;
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
      if (ec != std::errc() || p != v.data() + v.size())
        return Fail(Bad(param, "'" + v + "' is not a whole number"));
      return Value(out);
    }
    case Type::kReal: {
      if (v == "true") return Value(1.0);
      if (v == "false") return Value(0.0);
      double out = 0;
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
      if (ec != std::errc() || p != v.data() + v.size())
        return Fail(Bad(param, "'" + v + "' is not a number"));
      return Value(out);
    }
    case Type::kTime: {
      auto t = ParseTime(v);
      if (!t) return Fail(Bad(param, t.error().message()));
      return Value(*t);
    }
    case Type::kMoney: {
      auto m = ParseAmount(v);
      if (!m) return Fail(Bad(param, m.error().message()));
      return Value(*m);
    }
    default:
      return Value(f.folded ? FoldForSearch(v) : v);
  }
}

std::string LikeEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    auto end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    out.push_back(std::string(Trim(s.substr(start, end - start))));
    start = end + 1;
  }
  return out;
}

Result<std::string> CompileFilter(const FilterTerm& t,
                                  const std::vector<domain::CustomFieldDef>& defs, Params& p) {
  const std::string param = "filter[" + t.field + "]";
  ASSIGN_OR_RETURN(FieldSpec f, Resolve(t.field, defs, param));
  static const std::vector<std::string> kOps = {"eq", "neq", "in",       "gt",          "gte",
                                                "lt", "lte", "contains", "starts-with", "is-null"};
  if (std::find(kOps.begin(), kOps.end(), t.op) == kOps.end()) {
    return Fail(Bad(param, "unknown operator '" + t.op +
                               "' (use eq, neq, in, gt, gte, lt, lte, contains, "
                               "starts-with, is-null)"));
  }
  if (t.op == "is-null") {
    if (t.value != "true" && t.value != "false")
      return Fail(Bad(param, "is-null takes true or false"));
    const bool want_null = t.value == "true";
    if (f.type == Type::kTags) {
      return std::string(want_null ? "NOT " : "") +
             "EXISTS (SELECT 1 FROM customer_tags tg WHERE tg.customer_id = c.id)";
    }
    if (f.type == Type::kRoles) return std::string("c.roles ") + (want_null ? "= ''" : "<> ''");
    return f.expr + (want_null ? " IS NULL" : " IS NOT NULL");
  }
  if (f.type == Type::kTags || f.type == Type::kRoles) {
    if (t.op != "eq" && t.op != "in" && t.op != "neq" && t.op != "contains") {
      return Fail(Bad(param, t.field + " supports eq, neq, in, contains and is-null"));
    }
    std::string any;
    for (const auto& v : t.op == "in" ? SplitComma(t.value) : std::vector<std::string>{t.value}) {
      if (!any.empty()) any += " OR ";
      if (f.type == Type::kTags) {
        any += "EXISTS (SELECT 1 FROM customer_tags tg WHERE tg.customer_id = c.id AND tg.tag = ?)";
        p.push_back(v);
      } else {
        any += "c.roles LIKE ?";
        p.push_back("%," + LikeEscape(v) + ",%");
      }
    }
    if (f.type == Type::kRoles) {
      // LIKE needs the escape clause on each term.
      std::string with_escape;
      std::size_t pos = 0, next;
      while ((next = any.find("LIKE ?", pos)) != std::string::npos) {
        with_escape += any.substr(pos, next - pos) + "LIKE ? ESCAPE '\\'";
        pos = next + 6;
      }
      any = with_escape + any.substr(pos);
    }
    return std::string(t.op == "neq" ? "NOT " : "") + "(" + any + ")";
  }
  if (t.op == "contains" || t.op == "starts-with") {
    if (f.type != Type::kText) return Fail(Bad(param, t.op + " applies to text fields only"));
    const std::string v = f.folded ? FoldForSearch(t.value) : t.value;
    p.push_back((t.op == "contains" ? "%" : "") + LikeEscape(v) + "%");
    if (f.name == "name" && t.op == "contains")
      return std::string("c.name_folded LIKE ? ESCAPE '\\'");
    return "LOWER(" + f.expr + ") LIKE LOWER(?) ESCAPE '\\'";
  }
  if (t.op == "in") {
    std::string list;
    for (const auto& v : SplitComma(t.value)) {
      ASSIGN_OR_RETURN(Value cv, Convert(f, v, param));
      p.push_back(cv);
      list += list.empty() ? "?" : ", ?";
    }
    return f.expr + " IN (" + list + ")";
  }
  static const std::vector<std::pair<std::string, std::string>> kCmp = {
      {"eq", "="}, {"neq", "<>"}, {"gt", ">"}, {"gte", ">="}, {"lt", "<"}, {"lte", "<="}};
  const auto& op = std::find_if(kCmp.begin(), kCmp.end(), [&](const auto& x) {
                     return x.first == t.op;
                   })->second;
  ASSIGN_OR_RETURN(Value cv, Convert(f, t.value, param));
  p.push_back(cv);
  return f.expr + " " + op + " ?";
}

// A sort key expression that is never NULL, so that keyset comparisons are total.
std::string SortExpr(const FieldSpec& f) {
  switch (f.type) {
    case Type::kText:
      return "COALESCE(" + f.expr + ", '')";
    case Type::kReal:
      return "COALESCE(" + f.expr + ", -1e300)";
    default:
      return "COALESCE(" + f.expr + ", -9000000000000000000)";
  }
}

std::string Base64UrlEncode(const std::string& in) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned val = 0;
  int bits = -6;
  for (unsigned char c : in) {
    val = (val << 8) + c;
    bits += 8;
    while (bits >= 0) {
      out.push_back(kAlphabet[(val >> bits) & 0x3F]);
      bits -= 6;
    }
  }
  if (bits > -6) out.push_back(kAlphabet[((val << 8) >> (bits + 8)) & 0x3F]);
  return out;
}

std::optional<std::string> Base64UrlDecode(const std::string& in) {
  std::string out;
  unsigned val = 0;
  int bits = -8;
  for (char c : in) {
    int d;
    if (c >= 'A' && c <= 'Z')
      d = c - 'A';
    else if (c >= 'a' && c <= 'z')
      d = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      d = c - '0' + 52;
    else if (c == '-')
      d = 62;
    else if (c == '_')
      d = 63;
    else
      return std::nullopt;
    val = (val << 6) + static_cast<unsigned>(d);
    bits += 6;
    if (bits >= 0) {
      out.push_back(static_cast<char>((val >> bits) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> CustomerFieldNames() {
  std::vector<std::string> out;
  for (const auto& f : BuiltIns()) out.push_back(f.name);
  return out;
}

Result<CompiledQuery> CompileCustomerQuery(const ListQuery& q,
                                           const std::vector<domain::CustomFieldDef>& defs,
                                           const store::Dialect& dialect) {
  if (q.limit < 1 || q.limit > 500) return Fail(Bad("limit", "must be between 1 and 500"));
  std::string where = " WHERE 1 = 1";
  Params p;
  bool status_filtered = false;
  for (const auto& t : q.filters) {
    status_filtered |= t.field == "status";
    ASSIGN_OR_RETURN(std::string cond, CompileFilter(t, defs, p));
    where += " AND " + cond;
  }
  if (!status_filtered) where += " AND c.status = 'active'";
  const std::string folded_q = FoldForSearch(q.q);
  if (!folded_q.empty()) {
    const std::string pattern = "%" + LikeEscape(folded_q) + "%";
    where += " AND " + dialect.CustomerNameLike("c.id", pattern);
    p.push_back(pattern);
  }
  if (q.only_customer_id) {
    where += " AND c.id = ?";
    p.push_back(*q.only_customer_id);
  }
  CompiledQuery cq;
  cq.count_sql = "SELECT COUNT(*) FROM customers c" + where;
  cq.count_params = p;

  // Sort keys, then id as the tie-breaker (same direction as the last key).
  std::vector<std::pair<std::string, bool>> keys;  // expr, descending
  bool id_desc = false;
  if (!q.sort.empty()) {
    for (std::string part : SplitComma(q.sort)) {
      const bool desc = !part.empty() && part[0] == '-';
      if (desc || (!part.empty() && part[0] == '+')) part.erase(0, 1);
      ASSIGN_OR_RETURN(FieldSpec f, Resolve(part, defs, "sort"));
      if (f.type == Type::kTags || f.type == Type::kRoles)
        return Fail(Bad("sort", "cannot sort by " + part));
      if (f.name == "id") {
        id_desc = desc;
        break;
      }
      keys.emplace_back(SortExpr(f), desc);
      cq.key_is_text.push_back(f.type == Type::kText);
      id_desc = desc;
    }
  }
  cq.sort_keys = keys.size();
  std::string select = "SELECT c.id";
  for (const auto& [expr, desc] : keys) select += ", " + expr;
  std::string order = " ORDER BY ";
  for (const auto& [expr, desc] : keys) order += expr + (desc ? " DESC, " : ", ");
  order += std::string("c.id") + (id_desc ? " DESC" : "");

  if (!q.cursor.empty()) {
    auto decoded = Base64UrlDecode(q.cursor);
    boost::system::error_code ec;
    json::value v = decoded ? json::parse(*decoded, ec) : json::value();
    if (!decoded || ec || !v.is_array() || v.as_array().size() != keys.size() + 1) {
      return Fail(Bad("cursor", "is not a cursor from this list (the sort may have changed)"));
    }
    const auto& a = v.as_array();
    std::vector<Value> vals;
    for (std::size_t i = 0; i < a.size(); ++i) {
      const bool text = i < keys.size() && cq.key_is_text[i];
      if (text && a[i].is_string())
        vals.emplace_back(std::string(a[i].as_string()));
      else if (!text && a[i].is_int64())
        vals.emplace_back(a[i].as_int64());
      else if (!text && a[i].is_double())
        vals.emplace_back(a[i].as_double());
      else
        return Fail(Bad("cursor", "is not a cursor from this list (the sort may have changed)"));
    }
    // (k1, k2, ..., id) after the cursor, honouring each key's direction.
    std::vector<std::pair<std::string, bool>> all = keys;
    all.emplace_back("c.id", id_desc);
    std::string disj;
    for (std::size_t i = 0; i < all.size(); ++i) {
      std::string conj;
      for (std::size_t j = 0; j < i; ++j) {
        conj += all[j].first + " = ? AND ";
        p.push_back(vals[j]);
      }
      conj += all[i].first + (all[i].second ? " < ?" : " > ?");
      p.push_back(vals[i]);
      disj += (disj.empty() ? "(" : " OR (") + conj + ")";
    }
    where += " AND (" + disj + ")";
  }
  p.push_back(static_cast<std::int64_t>(q.limit + 1));
  cq.select_sql = select + " FROM customers c" + where + order + " LIMIT ?";
  cq.select_params = std::move(p);
  return cq;
}

std::string EncodeCursor(const store::Row& last_row, const CompiledQuery& cq) {
  json::array a;
  for (std::size_t i = 0; i < cq.sort_keys; ++i) {
    const Value& v = last_row[i + 1];
    if (cq.key_is_text[i])
      a.emplace_back(last_row.Text(i + 1));
    else if (std::holds_alternative<double>(v))
      a.emplace_back(std::get<double>(v));
    else
      a.emplace_back(last_row.Int(i + 1));
  }
  a.emplace_back(last_row.Int(0));
  return Base64UrlEncode(json::serialize(a));
}

}  // namespace chaincrm::services
