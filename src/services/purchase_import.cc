#include "services/purchase_import.h"

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "core/money.h"
#include "core/text.h"
#include "services/customer_json.h"
#include "services/ledger.h"
#include "store/change_log.h"
#include "store/customer_repository.h"

namespace chaincrm::services {

namespace json = boost::json;

namespace {

struct ParsedLine {
  std::string customer_key;
  domain::Purchase purchase;
};

std::vector<std::string> SplitWhitespace(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  std::string tok;
  while (in >> tok) out.push_back(tok);
  return out;
}

// A minimal RFC 4180 field splitter (quotes, doubled quotes; no embedded newlines).
std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cur.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cur.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.push_back(std::string(Trim(cur)));
      cur.clear();
    } else if (c != '\r') {
      cur.push_back(c);
    }
  }
  out.push_back(std::string(Trim(cur)));
  return out;
}

Result<std::int64_t> Amount(const std::string& s, const char* what) {
  auto v = ParseAmount(s);
  if (!v) return Fail(Error::InvalidArgument(std::string(what) + ": " + v.error().message()));
  return *v;
}

Result<double> Quantity(const std::string& s) {
  try {
    std::size_t used = 0;
    const double q = std::stod(s, &used);
    if (used != s.size()) throw std::invalid_argument(s);
    return q;
  } catch (...) {
    return Fail(Error::InvalidArgument("quantity: '" + s.substr(0, 40) + "' is not a number"));
  }
}

Result<ParsedLine> ParseCdnow(const std::vector<std::string>& f, const ImportOptions& o) {
  // 4 columns: customer date cds dollars; 5 columns: customer sample_id date cds dollars.
  if (f.size() != 4 && f.size() != 5) {
    return Fail(Error::InvalidArgument(
        "expected 4 or 5 columns (customer, [sample id,] date, quantity, amount), got " +
        std::to_string(f.size())));
  }
  const std::size_t d = f.size() == 5 ? 2 : 1;
  ParsedLine p;
  p.customer_key = f[0];
  ASSIGN_OR_RETURN(p.purchase.occurred_at, ParseDate(f[d]));
  ASSIGN_OR_RETURN(p.purchase.quantity, Quantity(f[d + 1]));
  ASSIGN_OR_RETURN(p.purchase.revenue, Amount(f[d + 2], "amount"));
  p.purchase.currency = o.currency;
  p.purchase.sku = "CD";
  return p;
}

struct CsvColumns {
  int customer = -1, occurred_at = -1, quantity = -1, revenue = -1, cost = -1, currency = -1,
      sku = -1, product = -1, order_ref = -1;
};

Result<CsvColumns> ReadHeader(const std::vector<std::string>& h) {
  CsvColumns c;
  std::vector<std::string> unknown;
  for (int i = 0; i < static_cast<int>(h.size()); ++i) {
    const std::string& n = h[static_cast<std::size_t>(i)];
    if (n == "customer")
      c.customer = i;
    else if (n == "occurred_at" || n == "date")
      c.occurred_at = i;
    else if (n == "quantity")
      c.quantity = i;
    else if (n == "revenue" || n == "amount")
      c.revenue = i;
    else if (n == "cost")
      c.cost = i;
    else if (n == "currency")
      c.currency = i;
    else if (n == "sku")
      c.sku = i;
    else if (n == "product")
      c.product = i;
    else if (n == "order_ref")
      c.order_ref = i;
    else
      unknown.push_back(n);
  }
  if (!unknown.empty())
    return Fail(Error::InvalidArgument("line 1: unknown column '" + unknown.front() + "'"));
  if (c.customer < 0 || c.occurred_at < 0 || c.revenue < 0) {
    return Fail(Error::InvalidArgument(
        "line 1: the header needs customer, occurred_at and revenue columns"));
  }
  return c;
}

Result<ParsedLine> ParseCsv(const std::vector<std::string>& f, const CsvColumns& c,
                            const ImportOptions& o) {
  auto at = [&](int i) -> std::string {
    return i >= 0 && static_cast<std::size_t>(i) < f.size() ? f[static_cast<std::size_t>(i)] : "";
  };
  ParsedLine p;
  p.customer_key = at(c.customer);
  if (p.customer_key.empty()) return Fail(Error::InvalidArgument("customer is empty"));
  ASSIGN_OR_RETURN(p.purchase.occurred_at, ParseTime(at(c.occurred_at)));
  if (!at(c.quantity).empty()) {
    ASSIGN_OR_RETURN(p.purchase.quantity, Quantity(at(c.quantity)));
  }
  ASSIGN_OR_RETURN(p.purchase.revenue, Amount(at(c.revenue), "revenue"));
  if (!at(c.cost).empty()) {
    ASSIGN_OR_RETURN(p.purchase.cost, Amount(at(c.cost), "cost"));
  }
  p.purchase.currency = at(c.currency).empty() ? o.currency : at(c.currency);
  if (!at(c.sku).empty()) p.purchase.sku = at(c.sku);
  if (!at(c.product).empty()) p.purchase.product = at(c.product);
  if (!at(c.order_ref).empty()) p.purchase.order_ref = at(c.order_ref);
  return p;
}

}  // namespace

Result<ImportReport> ImportPurchases(
    const Env& env, const Actor& actor, const std::string& path, const ImportOptions& options,
    const std::function<void(std::int64_t, std::int64_t)>& progress) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(Error::NotFound("cannot open '" + path + "'"));
  std::error_code ec;
  const auto total = static_cast<std::int64_t>(std::filesystem::file_size(path, ec));
  const std::string source = std::filesystem::path(path).filename().string();
  ImportReport report;
  std::unordered_map<std::string, std::int64_t> customers;  // external id -> customer id
  CsvColumns columns;
  std::vector<std::pair<std::int64_t, ParsedLine>> batch;
  const Millis now = env.clock.Now();

  auto reject = [&](std::int64_t line, std::string msg) {
    ++report.rejected_count;
    if (report.rejected.size() < 1000) report.rejected.push_back({line, std::move(msg)});
  };

  auto flush = [&]() -> Status {
    if (batch.empty()) return Ok();
    std::int64_t posted = 0, dups = 0, created = 0;
    std::vector<std::pair<std::int64_t, std::string>> rejected;
    std::unordered_map<std::string, std::int64_t> new_customers;
    RETURN_IF_ERROR(env.db.Write([&](store::Tx& tx) -> Status {
      posted = dups = created = 0;
      rejected.clear();
      new_customers.clear();
      for (auto& [line, p] : batch) {
        auto known = customers.find(p.customer_key);
        std::int64_t cid = known != customers.end() ? known->second : 0;
        if (!cid) {
          auto fresh = new_customers.find(p.customer_key);
          if (fresh != new_customers.end()) cid = fresh->second;
        }
        if (!cid) {
          ASSIGN_OR_RETURN(
              auto rows,
              tx.Query(
                  "SELECT customer_id FROM customer_external_ids WHERE system = ? AND value = ?",
                  {options.customer_system, p.customer_key}));
          if (!rows.empty()) {
            cid = rows.front().Int(0);
          } else {
            domain::Customer c;
            c.kind = "person";
            c.name = options.customer_system == "cdnow" ? "CDNOW customer " + p.customer_key
                                                        : "Customer " + p.customer_key;
            c.roles = {"end_customer"};
            c.external_ids = {{options.customer_system, p.customer_key}};
            c.created_at = c.updated_at = now;
            RETURN_IF_ERROR(store::InsertCustomer(tx, c, {}));
            store::ChangeEntry e{
                0,
                now,
                actor.Label(),
                "customer",
                c.id,
                c.id,
                "create",
                "",
                json::serialize(CustomerToJson(c, {true, true, true}, p.purchase.currency)),
                actor.request_id};
            RETURN_IF_ERROR(store::AppendChange(tx, e));
            cid = c.id;
            ++created;
          }
          new_customers[p.customer_key] = cid;
        }
        domain::Purchase purchase = p.purchase;
        purchase.customer_id = cid;
        purchase.created_at = now;
        purchase.source_key = "file:" + source + ":" + std::to_string(line);
        auto errs = domain::ValidatePurchase(purchase, now);
        if (!errs.empty()) {
          rejected.emplace_back(line, errs.front().field + " " + errs.front().message);
          continue;
        }
        auto inserted = PostPurchase(tx, purchase);
        if (!inserted && inserted.error().code() == Code::kInvalidArgument) {
          rejected.emplace_back(line, inserted.error().fields().empty()
                                          ? inserted.error().message()
                                          : inserted.error().fields().front().message);
          continue;
        }
        if (!inserted) return Fail(inserted.error());
        *inserted ? ++posted : ++dups;
      }
      store::ChangeEntry e{0,
                           now,
                           actor.Label(),
                           "purchase_import",
                           0,
                           std::nullopt,
                           "import",
                           "",
                           json::serialize(json::object{{"file", source},
                                                        {"first_line", batch.front().first},
                                                        {"last_line", batch.back().first},
                                                        {"posted", posted}}),
                           actor.request_id};
      RETURN_IF_ERROR(store::AppendChange(tx, e));
      return Ok();
    }));
    report.posted += posted;
    report.duplicates += dups;
    report.customers_created += created;
    for (auto& [k, v] : new_customers) customers[k] = v;
    for (auto& [line, msg] : rejected) reject(line, std::move(msg));
    batch.clear();
    if (progress)
      progress(
          static_cast<std::int64_t>(in.tellg() < 0 ? total : static_cast<std::int64_t>(in.tellg())),
          total);
    return Ok();
  };

  std::string line;
  std::int64_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (Trim(line).empty()) continue;
    if (n == 1) {
      if (options.format == PurchaseFormat::kCsv) {
        ASSIGN_OR_RETURN(columns, ReadHeader(SplitCsv(line)));
        continue;
      }
      if (line.find("customer_id") != std::string::npos) continue;  // CDNOW master header
    }
    ++report.lines;
    auto parsed = options.format == PurchaseFormat::kCdnow
                      ? ParseCdnow(SplitWhitespace(line), options)
                      : ParseCsv(SplitCsv(line), columns, options);
    if (!parsed) {
      reject(n, parsed.error().message());
      continue;
    }
    batch.emplace_back(n, std::move(*parsed));
    if (static_cast<int>(batch.size()) >= options.batch_size) RETURN_IF_ERROR(flush());
  }
  RETURN_IF_ERROR(flush());
  return report;
}

}  // namespace chaincrm::services
