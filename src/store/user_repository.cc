#include "store/user_repository.h"

namespace chaincrm::store {

namespace {

constexpr std::string_view kUserColumns =
    "u.id, u.email, u.name, u.role, u.customer_id, u.password_hash, u.active, u.created_at";

UserRow UserFromRow(const Row& r) {
  return {r.Int(0),    r.Text(1), r.Text(2),     r.Text(3),
          r.OptInt(4), r.Text(5), r.Int(6) != 0, r.Int(7)};
}

}  // namespace

Result<std::int64_t> InsertUser(Tx& tx, const UserRow& u) {
  auto rows = tx.Query(
      "INSERT INTO users (email, name, role, customer_id, password_hash, active, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {u.email, u.name, u.role, OrNull(u.customer_id), u.password_hash,
       static_cast<std::int64_t>(u.active), u.created_at});
  if (!rows && rows.error().code() == Code::kAlreadyExists) {
    return Fail(Error(Code::kAlreadyExists, "a user with this email already exists",
                      {{"email", "is already taken"}}));
  }
  if (!rows) return Fail(rows.error());
  return rows->front().Int(0);
}

Result<std::optional<UserRow>> FindUserByEmail(Tx& tx, const std::string& email) {
  ASSIGN_OR_RETURN(
      Rows rows,
      tx.Query("SELECT " + std::string(kUserColumns) + " FROM users u WHERE u.email = ?", {email}));
  if (rows.empty()) return std::optional<UserRow>{};
  return std::optional<UserRow>(UserFromRow(rows.front()));
}

Result<UserRow> LoadUser(Tx& tx, std::int64_t id) {
  ASSIGN_OR_RETURN(
      Row r, tx.QueryOne("SELECT " + std::string(kUserColumns) + " FROM users u WHERE u.id = ?",
                         {id}, "user"));
  return UserFromRow(r);
}

Result<std::vector<UserRow>> ListUsers(Tx& tx) {
  std::vector<UserRow> out;
  RETURN_IF_ERROR(tx.ForEach("SELECT " + std::string(kUserColumns) + " FROM users u ORDER BY u.id",
                             {}, [&](const Row& r) -> Status {
                               out.push_back(UserFromRow(r));
                               return Ok();
                             }));
  return out;
}

Result<std::int64_t> InsertToken(Tx& tx, const TokenRow& t) {
  ASSIGN_OR_RETURN(Rows rows,
                   tx.Query("INSERT INTO auth_tokens (token_hash, user_id, kind, name, created_at, "
                            "expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                            {t.token_hash, t.user_id, t.kind, t.name, t.created_at, t.expires_at}));
  return rows.front().Int(0);
}

Result<std::optional<UserRow>> UserForToken(Tx& tx, const std::string& token_hash, Millis now) {
  ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT " + std::string(kUserColumns) +
                                           " FROM auth_tokens t JOIN users u ON u.id = t.user_id "
                                           "WHERE t.token_hash = ? AND t.revoked_at IS NULL AND "
                                           "t.expires_at > ? AND u.active = 1",
                                       {token_hash, now}));
  if (rows.empty()) return std::optional<UserRow>{};
  return std::optional<UserRow>(UserFromRow(rows.front()));
}

Status RevokeToken(Tx& tx, const std::string& token_hash, Millis now) {
  RETURN_IF_ERROR(
      tx.Exec("UPDATE auth_tokens SET revoked_at = ? WHERE token_hash = ?", {now, token_hash}));
  return Ok();
}

Result<LoginAttempts> GetLoginAttempts(Tx& tx, const std::string& email) {
  ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT failures, window_start, locked_until FROM "
                                       "login_attempts WHERE email = ?",
                                       {email}));
  if (rows.empty()) return LoginAttempts{};
  return LoginAttempts{rows.front().Int(0), rows.front().Int(1), rows.front().Int(2)};
}

Status PutLoginAttempts(Tx& tx, const std::string& email, const LoginAttempts& a) {
  RETURN_IF_ERROR(
      tx.Exec("INSERT INTO login_attempts (email, failures, window_start, locked_until) VALUES (?, "
              "?, ?, ?) "
              "ON CONFLICT (email) DO UPDATE SET failures = excluded.failures, "
              "window_start = excluded.window_start, locked_until = excluded.locked_until",
              {email, a.failures, a.window_start, a.locked_until}));
  return Ok();
}

Result<std::optional<IdempotentResponse>> FindIdempotent(Tx& tx, std::int64_t user_id,
                                                         const std::string& key) {
  ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT request_hash, status, location, etag, body FROM "
                                       "idempotency_keys WHERE user_id = ? AND idem_key = ?",
                                       {user_id, key}));
  if (rows.empty()) return std::optional<IdempotentResponse>{};
  const Row& r = rows.front();
  return std::optional<IdempotentResponse>(
      IdempotentResponse{r.Text(0), static_cast<int>(r.Int(1)), r.Text(2), r.Text(3), r.Text(4)});
}

Status SaveIdempotent(Tx& tx, std::int64_t user_id, const std::string& key,
                      const IdempotentResponse& r, Millis now) {
  RETURN_IF_ERROR(
      tx.Exec("INSERT INTO idempotency_keys (user_id, idem_key, request_hash, status, "
              "location, etag, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              {user_id, key, r.request_hash, static_cast<std::int64_t>(r.status), r.location,
               r.etag, r.body, now}));
  return Ok();
}

}  // namespace chaincrm::store
