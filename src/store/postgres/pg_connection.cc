#include "store/postgres/pg_connection.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <vector>

#include "core/log.h"

namespace chaincrm::store::pg {

namespace {

// Dynamic SQL (filters, sorts) must not grow the per-connection cache forever.
constexpr std::size_t kMaxPrepared = 512;
// Rows per FETCH when streaming: bounds memory while keeping round trips few.
constexpr int kFetchBatch = 1000;

// Type OIDs from the server's pg_type.h, which is not a client header.
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

std::string FirstLine(std::string_view s) {
  s = s.substr(0, s.find('\n'));
  return std::string(s);
}

std::string Field(const PGresult* res, int code) {
  const char* v = res ? PQresultErrorField(res, code) : nullptr;
  return v ? v : "";
}

std::int64_t ParseInt(const char* text, int length) {
  std::int64_t v = 0;
  std::from_chars(text, text + length, v);
  return v;
}

Value Convert(const char* text, int length, Oid type) {
  const char* end = text + length;
  switch (type) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid:
      return ParseInt(text, length);
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid: {
      double v = 0;
      std::from_chars(text, end, v);  // also reads NaN / Infinity
      return v;
    }
    case kBoolOid:
      return std::int64_t{text[0] == 't'};
    default:
      return std::string(text, static_cast<std::size_t>(length));
  }
}

// A non-null value as Row::Int reads it; integers without building the Value.
std::int64_t IntValue(const char* text, int length, Oid type) {
  const Value v = Convert(text, length, type);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  return Row({v}).Int(0);
}

Row ToRow(const PGresult* res, int row) {
  const int ncols = PQnfields(res);
  std::vector<Value> cols;
  cols.reserve(static_cast<std::size_t>(ncols));
  for (int c = 0; c < ncols; ++c) {
    if (PQgetisnull(res, row, c)) {
      cols.emplace_back(std::monostate{});
    } else {
      cols.push_back(Convert(PQgetvalue(res, row, c), PQgetlength(res, row, c), PQftype(res, c)));
    }
  }
  return Row(std::move(cols));
}

// An integer or real parameter as PostgreSQL's text format reads it (reals round-trip).
std::string NumberText(const Value& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", std::get<double>(v));
  return buf;
}

bool Succeeded(const PGresult* res) {
  const ExecStatusType st = PQresultStatus(res);
  return res && (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK);
}

// DECLARE CURSOR accepts only queries without data-modifying parts; anything else is
// run whole. A false "no" only costs streaming, never correctness.
bool Streamable(std::string_view sql) {
  std::string lower(sql);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const std::size_t start = lower.find_first_not_of(" \t\r\n(");
  if (start == std::string::npos) return false;
  const std::string_view head = std::string_view(lower).substr(start);
  if (head.starts_with("select") || head.starts_with("values")) return true;
  if (!head.starts_with("with")) return false;
  const auto is_word = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  };
  for (const std::string_view verb : {"insert", "update", "delete", "merge"}) {
    for (std::size_t pos = lower.find(verb); pos != std::string::npos;
         pos = lower.find(verb, pos + 1)) {
      const std::size_t end = pos + verb.size();
      if ((pos == 0 || !is_word(lower[pos - 1])) && (end == lower.size() || !is_word(lower[end]))) {
        return false;  // e.g. "updated_at" is not a verb
      }
    }
  }
  return true;
}

void DiscardNotice(void*, const char* message) {
  log::Debug(std::string("postgres notice=\"") + FirstLine(message) + "\"");
}

}  // namespace

Rewritten RewritePlaceholders(std::string_view sql) {
  Rewritten out;
  out.text.reserve(sql.size() + 16);
  const auto copy_until = [&](std::size_t from, std::size_t end) {
    end = end == std::string_view::npos ? sql.size() : std::min(end, sql.size());
    out.text.append(sql.substr(from, end - from));
    return end;
  };
  for (std::size_t i = 0; i < sql.size();) {
    const char c = sql[i];
    const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    if (c == '\'' || c == '"') {  // a doubled quote simply closes and reopens
      const std::size_t close = sql.find(c, i + 1);
      i = copy_until(i, close == std::string_view::npos ? close : close + 1);
    } else if (c == '-' && next == '-') {
      i = copy_until(i, sql.find('\n', i));
    } else if (c == '/' && next == '*') {
      const std::size_t close = sql.find("*/", i + 2);
      i = copy_until(i, close == std::string_view::npos ? close : close + 2);
    } else if (c == '?') {
      out.text += '$';
      out.text += std::to_string(++out.params);
      ++i;
    } else {
      out.text += c;
      ++i;
    }
  }
  return out;
}

Error Translate(const PGresult* res, PGconn* conn, std::string_view sql) {
  const std::string state = Field(res, PG_DIAG_SQLSTATE);
  std::string message = Field(res, PG_DIAG_MESSAGE_PRIMARY);
  if (message.empty()) message = FirstLine(PQerrorMessage(conn));
  const std::string_view cls =
      std::string_view(state).substr(0, std::min<std::size_t>(2, state.size()));

  if (PQstatus(conn) == CONNECTION_BAD || cls == "08" || state.starts_with("57P")) {
    log::Warn("postgres unavailable sqlstate=" + state + " error=\"" + message + "\"");
    return Error::Unavailable("the database server is unavailable");
  }
  if (state == "23505") return Error::AlreadyExists(message);
  if (state == "23503") return Error::InvalidArgument("a referenced record does not exist");
  if (cls == "23" || cls == "22") return Error::InvalidArgument(message);
  if (state == "40001" || state == "40P01" || state == "55P03") {
    return Error::Aborted("the transaction conflicted with another one");
  }
  log::Error("postgres sqlstate=" + state + " error=\"" + message + "\" sql=\"" +
             std::string(sql.substr(0, 200)) + "\"");
  return Error::Internal("database error (SQLSTATE " + (state.empty() ? "none" : state) + ")");
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& url,
                                                     const Dialect& dialect) {
  // Keys before "dbname" are defaults the URL may override; keys after it are forced.
  const char* const keys[] = {"application_name", "connect_timeout", "dbname", "client_encoding",
                              nullptr};
  const char* const values[] = {"chaincrm", "10", url.c_str(), "UTF8", nullptr};
  PGconn* raw = PQconnectdbParams(keys, values, 1);
  if (raw == nullptr) return Fail(Error::Unavailable("cannot allocate a PostgreSQL connection"));
  if (PQstatus(raw) != CONNECTION_OK) {
    const std::string message = FirstLine(PQerrorMessage(raw));
    PQfinish(raw);
    log::Warn("postgres connect failed error=\"" + message + "\"");
    return Fail(Error::Unavailable("cannot connect to PostgreSQL: " + message));
  }
  PQsetNoticeProcessor(raw, DiscardNotice, nullptr);
  std::unique_ptr<Connection> conn(new Connection(raw, dialect));
  RETURN_IF_ERROR(conn->Setup());
  return conn;
}

Connection::~Connection() { PQfinish(conn_); }

Status Connection::Setup() {
  prepared_.clear();  // a new server session has none of them
  open_cursors_ = 0;
  return Raw("SET statement_timeout = '30s'");
}

Status Connection::EnsureHealthy() {
  if (PQstatus(conn_) == CONNECTION_OK) return Ok();
  PQreset(conn_);
  if (PQstatus(conn_) != CONNECTION_OK) {
    log::Warn("postgres reconnect failed error=\"" + FirstLine(PQerrorMessage(conn_)) + "\"");
    return Fail(Error::Unavailable("the database server is unavailable"));
  }
  return Setup();
}

Status Connection::Raw(std::string_view sql) {
  const PgResult res(PQexec(conn_, std::string(sql).c_str()));
  if (!Succeeded(res.get())) return Fail(Translate(res.get(), conn_, sql));
  return Ok();
}

namespace {

// One value in COPY's text format: \N for NULL; backslash, tab, newline and carriage
// return escaped.
void AppendCopyValue(std::string& out, const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) {
    out += "\\N";
  } else if (!std::holds_alternative<std::string>(v)) {
    out += NumberText(v);
  } else {
    for (const char c : std::get<std::string>(v)) {
      switch (c) {
        case '\\':
          out += "\\\\";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        default:
          out += c;
      }
    }
  }
}

}  // namespace

Result<bool> Connection::CopyIn(std::string_view table, const std::vector<std::string>& columns,
                                const std::vector<Value>& values) {
  std::string sql = "COPY " + std::string(table) + " (";
  for (std::size_t c = 0; c < columns.size(); ++c) sql += (c ? ", " : "") + columns[c];
  sql += ") FROM STDIN";
  const PgResult start(PQexec(conn_, sql.c_str()));
  if (PQresultStatus(start.get()) != PGRES_COPY_IN) return Fail(Translate(start.get(), conn_, sql));
  std::string buf;
  bool sent = true;
  for (std::size_t i = 0; i < values.size() && sent; ++i) {
    AppendCopyValue(buf, values[i]);
    buf += (i + 1) % columns.size() == 0 ? '\n' : '\t';
    if (buf.size() >= (1 << 16) || i + 1 == values.size()) {
      sent = PQputCopyData(conn_, buf.data(), static_cast<int>(buf.size())) == 1;
      buf.clear();
    }
  }
  if (PQputCopyEnd(conn_, sent ? nullptr : "the client stopped sending") != 1)
    return Fail(Error::Unavailable(std::string("COPY failed: ") + PQerrorMessage(conn_)));
  Status status = Ok();
  // The COPY's outcome, then the end of its results.
  for (PGresult* r; (r = PQgetResult(conn_)) != nullptr;) {
    const PgResult res(r);
    if (status && !Succeeded(res.get())) status = Fail(Translate(res.get(), conn_, sql));
  }
  if (!status) return Fail(status.error());
  return true;
}

Status Connection::Commit() {
  const PgResult res(PQexec(conn_, "COMMIT"));
  if (!Succeeded(res.get())) return Fail(Translate(res.get(), conn_, "COMMIT"));
  if (std::string_view(PQcmdStatus(res.get())) == "ROLLBACK") {
    log::Error("postgres commit rolled back: a statement failed earlier in the transaction");
    return Fail(Error::Internal("the transaction was rolled back after an earlier error"));
  }
  return Ok();
}

void Connection::Rollback() {
  if (PQstatus(conn_) != CONNECTION_OK) return;
  if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return;
  const PgResult res(PQexec(conn_, "ROLLBACK"));
  open_cursors_ = 0;
}

Result<const Connection::Prepared*> Connection::Prepare(const std::string& sql) {
  if (auto it = prepared_.find(sql); it != prepared_.end()) return &it->second;
  if (prepared_.size() >= kMaxPrepared) {
    RETURN_IF_ERROR(Raw("DEALLOCATE ALL"));  // not transactional: safe to undo later
    prepared_.clear();
  }
  Rewritten rewritten = RewritePlaceholders(sql);
  Prepared p{"chaincrm_s" + std::to_string(next_statement_++), rewritten.params};
  const PgResult res(PQprepare(conn_, p.name.c_str(), rewritten.text.c_str(), 0, nullptr));
  if (!Succeeded(res.get())) return Fail(Translate(res.get(), conn_, sql));
  return &prepared_.emplace(sql, std::move(p)).first->second;
}

Result<PgResult> Connection::Execute(const std::string& sql, const Params& params) {
  ASSIGN_OR_RETURN(const Prepared* p, Prepare(sql));
  if (static_cast<std::size_t>(p->params) != params.size()) {
    return Fail(Error::Internal("parameter count mismatch for: " + sql.substr(0, 120)));
  }
  // Parameters go as text with unspecified types: the server infers them from context.
  std::vector<std::string> text(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const Value& v = params[i];
    if (const auto* s = std::get_if<std::string>(&v)) {
      values[i] = s->c_str();
    } else if (!std::holds_alternative<std::monostate>(v)) {
      text[i] = NumberText(v);
      values[i] = text[i].c_str();
    }
  }
  PgResult res(
      PQexecPrepared(conn_, p->name.c_str(), p->params, values.data(), nullptr, nullptr, 0));
  if (!Succeeded(res.get())) return Fail(Translate(res.get(), conn_, sql));
  return res;
}

Result<Rows> Connection::Query(std::string_view sql, const Params& params) {
  ASSIGN_OR_RETURN(const PgResult res, Execute(std::string(sql), params));
  Rows rows;
  const int n = PQntuples(res.get());
  rows.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) rows.push_back(ToRow(res.get(), i));
  return rows;
}

Result<std::int64_t> Connection::Exec(std::string_view sql, const Params& params) {
  ASSIGN_OR_RETURN(const PgResult res, Execute(std::string(sql), params));
  const std::string_view tuples = PQcmdTuples(res.get());
  std::int64_t changed = 0;
  std::from_chars(tuples.data(), tuples.data() + tuples.size(), changed);
  return changed;
}

// A cursor (rather than single-row mode) leaves the connection free between batches,
// so `fn` may query the same Tx, as it can on SQLite.
Status Connection::ForEachBatch(std::string_view sql, const Params& params, int fetch_rows,
                                const std::function<Status(const PGresult*, int)>& fn) {
  if (!Streamable(sql)) {
    ASSIGN_OR_RETURN(const PgResult res, Execute(std::string(sql), params));
    return fn(res.get(), PQntuples(res.get()));
  }
  const std::string cursor = "chaincrm_c" + std::to_string(open_cursors_);
  RETURN_IF_ERROR(
      Execute("DECLARE " + cursor + " NO SCROLL CURSOR FOR " + std::string(sql), params));
  ++open_cursors_;
  const std::string fetch = "FETCH " + std::to_string(fetch_rows) + " FROM " + cursor;
  Status status = Ok();
  for (bool more = true; more && status;) {
    auto batch = Execute(fetch, {});
    if (!batch) {
      status = Fail(batch.error());
      break;
    }
    const int n = PQntuples(batch->get());
    status = fn(batch->get(), n);
    more = n == fetch_rows;
  }
  if (PQtransactionStatus(conn_) == PQTRANS_INTRANS) {
    const Status closed = Raw("CLOSE " + cursor);
    if (status) status = closed;
  }
  if (open_cursors_ > 0) --open_cursors_;
  return status;
}

Status Connection::ForEach(std::string_view sql, const Params& params,
                           const std::function<Status(const Row&)>& fn) {
  return ForEachBatch(sql, params, kFetchBatch, [&](const PGresult* res, int n) -> Status {
    for (int i = 0; i < n; ++i) RETURN_IF_ERROR(fn(ToRow(res, i)));
    return Ok();
  });
}

// Reads the text values straight into the block (integers as they come; other types as
// Row::Int would coerce them).
Status Connection::ScanInts(std::string_view sql, const Params& params,
                            const std::function<Status(const IntBlock&)>& fn) {
  std::vector<std::int64_t> values;
  return ForEachBatch(
      sql, params, static_cast<int>(kScanBlockRows), [&](const PGresult* res, int n) -> Status {
        const int ncols = PQnfields(res);
        std::vector<Oid> types(static_cast<std::size_t>(ncols));
        for (int c = 0; c < ncols; ++c) types[static_cast<std::size_t>(c)] = PQftype(res, c);
        const auto columns = static_cast<std::size_t>(ncols);
        for (int begin = 0; begin < n; begin += static_cast<int>(kScanBlockRows)) {
          const int end = std::min(n, begin + static_cast<int>(kScanBlockRows));
          values.assign(static_cast<std::size_t>(end - begin) * columns, 0);
          std::int64_t* out = values.data();
          for (int i = begin; i < end; ++i) {
            for (int c = 0; c < ncols; ++c, ++out) {
              if (PQgetisnull(res, i, c)) continue;
              *out = IntValue(PQgetvalue(res, i, c), PQgetlength(res, i, c),
                              types[static_cast<std::size_t>(c)]);
            }
          }
          RETURN_IF_ERROR(
              fn(IntBlock(values.data(), static_cast<std::size_t>(end - begin), columns)));
        }
        return Ok();
      });
}

}  // namespace chaincrm::store::pg
