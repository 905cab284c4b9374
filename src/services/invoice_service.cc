#include "services/invoice_service.h"

#include <cstdio>

#include "core/money.h"
#include "domain/receivables.h"
#include "services/json_util.h"
#include "services/sales_common.h"
#include "store/user_repository.h"

namespace chaincrm::services {

namespace json = boost::json;
using domain::Action;
using domain::Resource;
using store::Tx;

namespace {

struct LineInput {
  std::string description;
  std::int64_t quantity = 0;
  std::int64_t unit_price = 0;
};

struct InvoiceInput {
  std::int64_t customer_id = 0;
  std::optional<std::pair<std::string, std::string>> customer_external_id;
  std::string currency;
  std::vector<LineInput> lines;
  Millis issued_at = 0, due_at = 0;
  std::optional<std::string> external_id;
};

struct Invoice {
  std::int64_t id = 0, customer_id = 0;
  std::string currency;
  std::int64_t total = 0, paid = 0, credited = 0;
  Millis due_at = 0;
  std::int64_t version = 0;
  std::int64_t balance() const { return total - paid - credited; }
};

constexpr std::int64_t kDefaultTermsDays = 30;

std::string StatusFor(const Invoice& i) {
  if (i.balance() > 0) return "open";
  return i.paid > 0 || i.total == 0 ? "paid" : "credited";
}

std::vector<FieldError> ReadInvoiceInput(const json::object& body, Millis now, bool erp,
                                         InvoiceInput& in) {
  JsonReader r(body);
  r.Known({"customer_id", "customer_external_id", "currency", "lines", "issued_at", "due_at",
           "external_id"});
  if (auto v = r.Int("customer_id")) in.customer_id = *v;
  if (const auto* ext = r.Get("customer_external_id"); erp && ext && !ext->is_null()) {
    const auto* o = ext->if_object();
    const auto* sys = o ? o->if_contains("system") : nullptr;
    const auto* val = o ? o->if_contains("value") : nullptr;
    if (sys && val && sys->is_string() && val->is_string())
      in.customer_external_id = {std::string(sys->as_string()), std::string(val->as_string())};
    else
      r.Error("customer_external_id", "must be {\"system\": ..., \"value\": ...}");
  } else if (!erp && ext) {
    r.Error("customer_external_id", "is only accepted by the ERP batch");
  }
  if (!r.Has("customer_id") && !in.customer_external_id) r.Error("customer_id", "is required");
  if (auto v = r.Str("currency")) {
    if (!IsCurrencyCode(*v)) r.Error("currency", "must be an ISO 4217 code such as USD");
    in.currency = *v;
  } else if (!r.Has("currency")) {
    r.Error("currency", "is required");
  }
  in.issued_at = r.Time("issued_at").value_or(now);
  if (auto v = r.Time("due_at"))
    in.due_at = *v;
  else if (!r.Has("due_at"))
    in.due_at = in.issued_at + kDefaultTermsDays * kMillisPerDay;
  if (in.due_at < in.issued_at) r.Error("due_at", "must not be before issued_at");
  if (auto v = r.Str("external_id")) in.external_id = *v;
  const auto* lines = r.Get("lines");
  // Caps keep quantity × price and the invoice total far from overflow.
  if (!lines || !lines->is_array() || lines->as_array().empty() || lines->as_array().size() > 500) {
    r.Error("lines", "must be an array of 1 to 500 {description, quantity, unit_price}");
  } else {
    std::size_t i = 0;
    for (const auto& l : lines->as_array()) {
      const std::string key = "lines[" + std::to_string(i++) + "]";
      if (!l.is_object()) {
        r.Error(key, "must be an object");
        continue;
      }
      JsonReader lr(l.as_object(), r.Field(key));
      lr.Known({"description", "quantity", "unit_price"});
      LineInput line;
      line.description = lr.Str("description").value_or("");
      if (line.description.empty()) lr.Error("description", "is required");
      line.quantity = lr.Int("quantity").value_or(0);
      if (line.quantity <= 0 || line.quantity > 1'000'000)
        lr.Error("quantity", "must be a whole number from 1 to 1000000");
      auto price = lr.Str("unit_price");
      auto parsed = price ? ParseAmount(*price) : Result<std::int64_t>(Fail(Error::Internal("")));
      if (!parsed || *parsed < 0 || *parsed > 10'000'000'000)
        lr.Error("unit_price", "must be a decimal amount from 0 to 100000000.00 such as \"12.50\"");
      else
        line.unit_price = *parsed;
      for (auto& e : lr.errors()) r.errors().push_back(std::move(e));
      in.lines.push_back(std::move(line));
    }
  }
  return std::move(r.errors());
}

Result<Invoice> Load(Tx& tx, std::int64_t id) {
  ASSIGN_OR_RETURN(auto r, tx.QueryOne("SELECT id, customer_id, currency, total_minor, paid_minor, "
                                       "credited_minor, due_at, version FROM invoices WHERE id = ?",
                                       {id}, "invoice " + std::to_string(id) + " not found"));
  return Invoice{r.Int(0), r.Int(1), r.Text(2), r.Int(3), r.Int(4), r.Int(5), r.Int(6), r.Int(7)};
}

Result<json::object> InvoiceJson(Tx& tx, std::int64_t id, Millis now) {
  ASSIGN_OR_RETURN(auto r,
                   tx.QueryOne("SELECT id, number, customer_id, order_id, external_id, currency, "
                               "total_minor, paid_minor, credited_minor, issued_at, due_at, "
                               "status, version, created_at FROM invoices WHERE id = ?",
                               {id}, "invoice " + std::to_string(id) + " not found"));
  const std::string cur = r.Text(5);
  const std::int64_t balance = r.Int(6) - r.Int(7) - r.Int(8);
  const std::int64_t days = domain::DaysPastDue(r.Int(10), now);
  json::object o{{"id", r.Int(0)},
                 {"number", r.Text(1)},
                 {"customer_id", r.Int(2)},
                 {"order_id", OptJson(r.OptInt(3))},
                 {"external_id", OptJson(r.OptText(4))},
                 {"total", MoneyJson(r.Int(6), cur)},
                 {"paid", MoneyJson(r.Int(7), cur)},
                 {"credited", MoneyJson(r.Int(8), cur)},
                 {"balance", MoneyJson(balance, cur)},
                 {"issued_at", FormatTime(r.Int(9))},
                 {"due_at", FormatTime(r.Int(10))},
                 {"status", r.Text(11)},
                 {"overdue", balance > 0 && days > 0},
                 {"days_past_due", balance > 0 && days > 0 ? days : 0},
                 {"version", r.Int(12)},
                 {"created_at", FormatTime(r.Int(13))}};
  ASSIGN_OR_RETURN(auto lines, tx.Query("SELECT position, description, quantity, "
                                        "unit_price_minor, amount_minor FROM invoice_lines WHERE "
                                        "invoice_id = ? ORDER BY position",
                                        {id}));
  json::array jl;
  for (const auto& l : lines) {
    jl.push_back(json::object{{"position", l.Int(0)},
                              {"description", l.Text(1)},
                              {"quantity", l.Int(2)},
                              {"unit_price", MoneyJson(l.Int(3), cur)},
                              {"amount", MoneyJson(l.Int(4), cur)}});
  }
  o["lines"] = std::move(jl);
  ASSIGN_OR_RETURN(auto pays, tx.Query("SELECT id, amount_minor, paid_at, method, reference FROM "
                                       "payments WHERE invoice_id = ? ORDER BY id",
                                       {id}));
  json::array jp;
  for (const auto& p : pays) {
    jp.push_back(json::object{{"id", p.Int(0)},
                              {"amount", MoneyJson(p.Int(1), cur)},
                              {"paid_at", FormatTime(p.Int(2))},
                              {"method", OptJson(p.OptText(3))},
                              {"reference", OptJson(p.OptText(4))}});
  }
  o["payments"] = std::move(jp);
  ASSIGN_OR_RETURN(auto notes, tx.Query("SELECT id, amount_minor, reason, issued_at FROM "
                                        "credit_notes WHERE invoice_id = ? ORDER BY id",
                                        {id}));
  json::array jn;
  for (const auto& n : notes) {
    jn.push_back(json::object{{"id", n.Int(0)},
                              {"amount", MoneyJson(n.Int(1), cur)},
                              {"reason", n.Text(2)},
                              {"issued_at", FormatTime(n.Int(3))}});
  }
  o["credit_notes"] = std::move(jn);
  return o;
}

Status InsertLines(Tx& tx, std::int64_t id, const std::vector<LineInput>& lines) {
  std::int64_t pos = 0;
  for (const auto& l : lines) {
    RETURN_IF_ERROR(
        tx.Exec("INSERT INTO invoice_lines (invoice_id, position, description, "
                "quantity, unit_price_minor, amount_minor) VALUES (?, ?, ?, ?, ?, ?)",
                {id, ++pos, l.description, l.quantity, l.unit_price, l.quantity * l.unit_price}));
  }
  return Ok();
}

std::int64_t Total(const std::vector<LineInput>& lines) {
  std::int64_t t = 0;
  for (const auto& l : lines) t += l.quantity * l.unit_price;
  return t;
}

Result<std::int64_t> InsertInvoice(Tx& tx, Millis now, const InvoiceInput& in,
                                   std::optional<std::int64_t> order_id) {
  ASSIGN_OR_RETURN(auto rows,
                   tx.Query("INSERT INTO invoices (customer_id, order_id, external_id, currency, "
                            "total_minor, issued_at, due_at, status, version, created_at, "
                            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                            {in.customer_id, store::OrNull(order_id), store::OrNull(in.external_id),
                             in.currency, Total(in.lines), in.issued_at, in.due_at,
                             std::string(Total(in.lines) > 0 ? "open" : "paid"), now, now}));
  const std::int64_t id = rows.front().Int(0);
  RETURN_IF_ERROR(tx.Exec("UPDATE invoices SET number = ? WHERE id = ?", {InvoiceNumber(id), id}));
  RETURN_IF_ERROR(InsertLines(tx, id, in.lines));
  return id;
}

Status CheckInvoice(const Actor& actor, Action action, const Invoice& inv) {
  if (action != Action::kRead)
    RETURN_IF_ERROR(CheckScope(actor, Resource::kInvoices, Action::kRead, inv.customer_id, {}));
  return CheckScope(actor, Resource::kInvoices, action, inv.customer_id, std::nullopt);
}

Status SaveTotals(Tx& tx, Invoice& inv, Millis now) {
  inv.version += 1;
  RETURN_IF_ERROR(
      tx.Exec("UPDATE invoices SET paid_minor = ?, credited_minor = ?, status = ?, "
              "version = ?, updated_at = ? WHERE id = ?",
              {inv.paid, inv.credited, StatusFor(inv), inv.version, now, inv.id}));
  return Ok();
}

// An amount applied to the balance: positive, the invoice's currency, not over the balance.
std::optional<std::int64_t> ReadApplied(JsonReader& r, const Invoice& inv) {
  auto m = r.Money("amount");
  if (!m) {
    if (!r.Has("amount")) r.Error("amount", "is required");
    return std::nullopt;
  }
  if (m->second != inv.currency) {
    r.Error("amount", "must be in the invoice's currency " + inv.currency);
  } else if (m->first <= 0) {
    r.Error("amount", "must be positive");
  } else if (m->first > inv.balance()) {
    r.Error("amount",
            "is larger than the open balance " + FormatAmount(inv.balance()) + " " + inv.currency);
  } else {
    return m->first;
  }
  return std::nullopt;
}

}  // namespace

std::string InvoiceNumber(std::int64_t id) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "INV-%06lld", static_cast<long long>(id));
  return buf;
}

Result<std::int64_t> InvoiceOrder(Tx& tx, std::int64_t order_id, Millis issued_at, Millis due_at,
                                  Millis now) {
  ASSIGN_OR_RETURN(
      auto order, tx.QueryOne("SELECT customer_id, kind, status, currency FROM orders WHERE id = ?",
                              {order_id}, "order " + std::to_string(order_id) + " not found"));
  if (order.Text(1) == "quote")
    return Fail(Error::FailedPrecondition("a quote cannot be invoiced: convert it to an order"));
  if (order.Text(2) == "cancelled")
    return Fail(Error::FailedPrecondition("a cancelled order cannot be invoiced"));
  ASSIGN_OR_RETURN(auto existing,
                   tx.Query("SELECT number FROM invoices WHERE order_id = ?", {order_id}));
  if (!existing.empty()) {
    return Fail(
        Error::AlreadyExists("the order is already invoiced by " + existing.front().Text(0)));
  }
  InvoiceInput in;
  in.customer_id = order.Int(0);
  in.currency = order.Text(3);
  in.issued_at = issued_at;
  in.due_at = due_at;
  ASSIGN_OR_RETURN(auto lines, tx.Query("SELECT description, quantity, line_total FROM "
                                        "order_lines WHERE order_id = ? ORDER BY line_no",
                                        {order_id}));
  if (lines.empty()) return Fail(Error::FailedPrecondition("the order has no lines to invoice"));
  for (const auto& l : lines) {
    // The line total carries the discount; the unit price shown is the net one when it
    // divides evenly, else the line is one unit of the whole amount.
    const std::int64_t q = l.Int(1), t = l.Int(2);
    if (q > 0 && t % q == 0)
      in.lines.push_back({l.Text(0), q, t / q});
    else
      in.lines.push_back({l.Text(0) + " (" + std::to_string(q) + " units)", 1, t});
  }
  return InsertInvoice(tx, now, in, order_id);
}

Status ApplyPayment(Tx& tx, std::int64_t invoice_id, std::int64_t amount_minor, Millis paid_at,
                    const std::optional<std::string>& method,
                    const std::optional<std::string>& reference, Millis now) {
  ASSIGN_OR_RETURN(auto inv, Load(tx, invoice_id));
  if (amount_minor <= 0 || amount_minor > inv.balance()) {
    return Fail(
        Error::InvalidArgument("the payment is larger than the open balance",
                               {{"amount", "must be positive and at most the open balance " +
                                               FormatAmount(inv.balance()) + " " + inv.currency}}));
  }
  RETURN_IF_ERROR(tx.Exec(
      "INSERT INTO payments (invoice_id, amount_minor, paid_at, method, "
      "reference, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      {invoice_id, amount_minor, paid_at, store::OrNull(method), store::OrNull(reference), now}));
  inv.paid += amount_minor;
  return SaveTotals(tx, inv, now);
}

Result<json::object> CreateInvoiceFromOrder(const Env& env, const Actor& actor,
                                            std::int64_t order_id, const json::object& body) {
  JsonReader r(body);
  r.Known({"issued_at", "due_at", "terms_days"});
  const Millis now = env.clock.Now();
  const Millis issued = r.Time("issued_at").value_or(now);
  std::optional<Millis> due = r.Time("due_at");
  if (auto t = r.Int("terms_days")) {
    if (*t < 0 || *t > 3650)
      r.Error("terms_days", "must be 0 to 3650 days");
    else if (!due)
      due = issued + *t * kMillisPerDay;
  }
  if (due && *due < issued) r.Error("due_at", "must not be before issued_at");
  RETURN_IF_ERROR(ErrorsToStatus(std::move(r.errors())));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto owner,
                     tx.QueryOne("SELECT customer_id FROM orders WHERE id = ?", {order_id},
                                 "order " + std::to_string(order_id) + " not found"));
    const std::int64_t customer_id = owner.Int(0);
    RETURN_IF_ERROR(
        CheckCustomerAccess(tx, actor, Resource::kInvoices, Action::kCreate, customer_id));
    ASSIGN_OR_RETURN(auto id,
                     InvoiceOrder(tx, order_id, issued,
                                  due.value_or(issued + kDefaultTermsDays * kMillisPerDay), now));
    ASSIGN_OR_RETURN(out, InvoiceJson(tx, id, now));
    return LogSalesChange(tx, env, actor, "invoice", id, customer_id, "create", "", out);
  }));
  return out;
}

Result<json::object> CreateInvoice(const Env& env, const Actor& actor, const json::object& body) {
  const Millis now = env.clock.Now();
  InvoiceInput in;
  RETURN_IF_ERROR(ErrorsToStatus(ReadInvoiceInput(body, now, false, in)));
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    RETURN_IF_ERROR(
        CheckCustomerAccess(tx, actor, Resource::kInvoices, Action::kCreate, in.customer_id));
    ASSIGN_OR_RETURN(auto id, InsertInvoice(tx, now, in, std::nullopt));
    ASSIGN_OR_RETURN(out, InvoiceJson(tx, id, now));
    return LogSalesChange(tx, env, actor, "invoice", id, in.customer_id, "create", "", out);
  }));
  return out;
}

Result<json::object> GetInvoice(const Env& env, const Actor& actor, std::int64_t id) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto inv, Load(tx, id));
    RETURN_IF_ERROR(CheckInvoice(actor, Action::kRead, inv));
    ASSIGN_OR_RETURN(out, InvoiceJson(tx, id, env.clock.Now()));
    return Ok();
  }));
  return out;
}

Result<json::object> ListInvoices(const Env& env, const Actor& actor, const InvoiceListQuery& q) {
  const auto scope = domain::Allowed(actor.role, Resource::kInvoices, Action::kRead);
  if (scope == domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not read invoices"));
  RETURN_IF_ERROR(CheckListLimit(q.limit));
  if (q.status && *q.status != "open" && *q.status != "paid" && *q.status != "credited") {
    return Fail(Error::InvalidArgument("bad filter",
                                       {{"filter[status]", "must be open, paid or credited"}}));
  }
  ASSIGN_OR_RETURN(auto after, ParseIdCursor(q.cursor));
  std::optional<std::int64_t> customer = q.customer_id;
  if (scope == domain::Scope::kSelf) {
    if (customer && customer != actor.customer_id)
      return Fail(Error::NotFound("customer " + std::to_string(*customer) + " not found"));
    customer = actor.customer_id.value_or(-1);
  }
  std::string sql = "SELECT id FROM invoices WHERE 1 = 1";
  store::Params params;
  if (customer) {
    sql += " AND customer_id = ?";
    params.push_back(*customer);
  }
  if (q.status) {
    sql += " AND status = ?";
    params.push_back(*q.status);
  }
  if (after) {
    sql += " AND id < ?";
    params.push_back(*after);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.push_back(std::int64_t{q.limit} + 1);
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto rows, tx.Query(sql, params));
    const bool more = rows.size() > static_cast<std::size_t>(q.limit);
    if (more) rows.pop_back();
    json::array data;
    for (const auto& r : rows) {
      ASSIGN_OR_RETURN(auto o, InvoiceJson(tx, r.Int(0), env.clock.Now()));
      data.push_back(std::move(o));
    }
    out["data"] = std::move(data);
    out["next_cursor"] =
        more ? json::value(std::to_string(rows.back().Int(0))) : json::value(nullptr);
    return Ok();
  }));
  return out;
}

Result<json::object> RecordPayment(const Env& env, const Actor& actor, std::int64_t invoice_id,
                                   const json::object& body,
                                   const std::optional<IdempotencyKey>& idem) {
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto replay, FindReplay(tx, actor, idem));
    if (replay) {
      out = std::move(*replay);
      return Ok();
    }
    ASSIGN_OR_RETURN(auto inv, Load(tx, invoice_id));
    RETURN_IF_ERROR(CheckInvoice(actor, Action::kUpdate, inv));
    const Millis now = env.clock.Now();
    JsonReader r(body);
    r.Known({"amount", "paid_at", "method", "reference"});
    auto amount = ReadApplied(r, inv);
    const Millis paid_at = r.Time("paid_at").value_or(now);
    auto method = r.Str("method");
    auto reference = r.Str("reference");
    RETURN_IF_ERROR(ErrorsToStatus(std::move(r.errors())));
    ASSIGN_OR_RETURN(auto before, InvoiceJson(tx, invoice_id, now));
    RETURN_IF_ERROR(ApplyPayment(tx, invoice_id, *amount, paid_at, method, reference, now));
    ASSIGN_OR_RETURN(inv, Load(tx, invoice_id));
    ASSIGN_OR_RETURN(out, InvoiceJson(tx, invoice_id, now));
    RETURN_IF_ERROR(LogSalesChange(tx, env, actor, "invoice", invoice_id, inv.customer_id,
                                   "payment", json::serialize(before), out));
    if (idem) {
      RETURN_IF_ERROR(store::SaveIdempotent(
          tx, actor.user_id, idem->key,
          {idem->request_hash, 201, "", std::to_string(inv.version), json::serialize(out)}, now));
    }
    return Ok();
  }));
  return out;
}

Result<json::object> IssueCreditNote(const Env& env, const Actor& actor, std::int64_t invoice_id,
                                     const json::object& body) {
  json::object out;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto inv, Load(tx, invoice_id));
    RETURN_IF_ERROR(CheckInvoice(actor, Action::kUpdate, inv));
    const Millis now = env.clock.Now();
    JsonReader r(body);
    r.Known({"amount", "reason", "issued_at"});
    auto amount = ReadApplied(r, inv);
    auto reason = r.Str("reason");
    if (!reason || reason->empty()) r.Error("reason", "is required");
    const Millis issued = r.Time("issued_at").value_or(now);
    RETURN_IF_ERROR(ErrorsToStatus(std::move(r.errors())));
    ASSIGN_OR_RETURN(auto before, InvoiceJson(tx, invoice_id, now));
    RETURN_IF_ERROR(
        tx.Exec("INSERT INTO credit_notes (invoice_id, amount_minor, reason, "
                "issued_at, created_at) VALUES (?, ?, ?, ?, ?)",
                {invoice_id, *amount, *reason, issued, now}));
    inv.credited += *amount;
    RETURN_IF_ERROR(SaveTotals(tx, inv, now));
    ASSIGN_OR_RETURN(out, InvoiceJson(tx, invoice_id, now));
    return LogSalesChange(tx, env, actor, "invoice", invoice_id, inv.customer_id, "credit_note",
                          json::serialize(before), out);
  }));
  return out;
}

Result<json::object> UpsertInvoicesBatch(const Env& env, const Actor& actor,
                                         const json::object& body, const BatchOptions& options) {
  if (domain::Allowed(actor.role, Resource::kInvoices, Action::kCreate) == domain::Scope::kNone)
    return Fail(Error::PermissionDenied("your role may not create invoices"));
  return RunBatchUpsert(
      env, actor, body, options, [&](Tx& tx, const json::object& item) -> Result<BatchItemOutcome> {
        const Millis now = env.clock.Now();
        InvoiceInput in;
        RETURN_IF_ERROR(ErrorsToStatus(ReadInvoiceInput(item, now, true, in)));
        if (!in.external_id)
          return Fail(
              Error::InvalidArgument("external_id is required", {{"external_id", "is required"}}));
        if (in.customer_external_id) {
          ASSIGN_OR_RETURN(
              auto c, tx.Query("SELECT customer_id FROM customer_external_ids "
                               "WHERE system = ? AND value = ?",
                               {in.customer_external_id->first, in.customer_external_id->second}));
          if (c.empty()) {
            return Fail(Error::InvalidArgument(
                "unknown customer",
                {{"customer_external_id", "no customer has this external id"}}));
          }
          in.customer_id = c.front().Int(0);
        }
        ASSIGN_OR_RETURN(auto cust,
                         tx.Query("SELECT id FROM customers WHERE id = ?", {in.customer_id}));
        if (cust.empty()) {
          return Fail(Error::InvalidArgument(
              "unknown customer",
              {{"customer_id", "customer " + std::to_string(in.customer_id) + " does not exist"}}));
        }
        RETURN_IF_ERROR(
            CheckCustomerAccess(tx, actor, Resource::kInvoices, Action::kCreate, in.customer_id));
        ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT id, paid_minor + credited_minor FROM invoices "
                                             "WHERE external_id = ?",
                                             {*in.external_id}));
        std::int64_t id = 0;
        std::string before;
        if (rows.empty()) {
          ASSIGN_OR_RETURN(id, InsertInvoice(tx, now, in, std::nullopt));
        } else {
          id = rows.front().Int(0);
          if (rows.front().Int(1) != 0) {
            return Fail(Error::FailedPrecondition(
                "the invoice has payments or credit notes: it can no longer be replaced"));
          }
          ASSIGN_OR_RETURN(auto b, InvoiceJson(tx, id, now));
          before = json::serialize(b);
          RETURN_IF_ERROR(
              tx.Exec("UPDATE invoices SET customer_id = ?, currency = ?, "
                      "total_minor = ?, issued_at = ?, due_at = ?, status = ?, "
                      "version = version + 1, updated_at = ? WHERE id = ?",
                      {in.customer_id, in.currency, Total(in.lines), in.issued_at, in.due_at,
                       std::string(Total(in.lines) > 0 ? "open" : "paid"), now, id}));
          RETURN_IF_ERROR(tx.Exec("DELETE FROM invoice_lines WHERE invoice_id = ?", {id}));
          RETURN_IF_ERROR(InsertLines(tx, id, in.lines));
        }
        ASSIGN_OR_RETURN(auto after, InvoiceJson(tx, id, now));
        RETURN_IF_ERROR(LogSalesChange(tx, env, actor, "invoice", id, in.customer_id,
                                       rows.empty() ? "create" : "update", before, after));
        return BatchItemOutcome{id, rows.empty()};
      });
}

}  // namespace chaincrm::services
