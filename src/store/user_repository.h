#pragma once
// Users, bearer tokens (stored only as hashes), login throttling counters and
// idempotency keys: all in the database so that N servers share them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "store/database.h"

namespace chaincrm::store {

struct UserRow {
  std::int64_t id = 0;
  std::string email, name, role;
  std::optional<std::int64_t> customer_id;
  std::string password_hash;
  bool active = true;
  Millis created_at = 0;
};

/// AlreadyExists when the email is taken.
Result<std::int64_t> InsertUser(Tx& tx, const UserRow& u);
Result<std::optional<UserRow>> FindUserByEmail(Tx& tx, const std::string& email);
Result<UserRow> LoadUser(Tx& tx, std::int64_t id);
Result<std::vector<UserRow>> ListUsers(Tx& tx);

struct TokenRow {
  std::int64_t id = 0;
  std::string token_hash;
  std::int64_t user_id = 0;
  std::string kind;  // session | api
  std::string name;
  Millis created_at = 0, expires_at = 0;
};
Result<std::int64_t> InsertToken(Tx& tx, const TokenRow& t);
/// The user of a live (unexpired, unrevoked) token, or nullopt.
Result<std::optional<UserRow>> UserForToken(Tx& tx, const std::string& token_hash, Millis now);
Status RevokeToken(Tx& tx, const std::string& token_hash, Millis now);

struct LoginAttempts {
  std::int64_t failures = 0;
  Millis window_start = 0, locked_until = 0;
};
Result<LoginAttempts> GetLoginAttempts(Tx& tx, const std::string& email);
Status PutLoginAttempts(Tx& tx, const std::string& email, const LoginAttempts& a);

struct IdempotentResponse {
  std::string request_hash;
  int status = 0;
  std::string location, etag, body;
};
Result<std::optional<IdempotentResponse>> FindIdempotent(Tx& tx, std::int64_t user_id,
                                                         const std::string& key);
Status SaveIdempotent(Tx& tx, std::int64_t user_id, const std::string& key,
                      const IdempotentResponse& r, Millis now);

}  // namespace chaincrm::store
