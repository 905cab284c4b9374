#pragma once
// Users, password hashing (Argon2id via libsodium), sessions and API tokens (random
// bearer tokens stored only as hashes), and login throttling kept in the database.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "services/actor.h"

namespace chaincrm::services {

struct NewUser {
  std::string email, password, name, role;
  std::optional<std::int64_t> customer_id;
};

/// Creates a user. InvalidArgument for a weak password (< 8 characters), unknown role,
/// a customer role without customer_id; AlreadyExists for a taken email.
Result<std::int64_t> CreateUser(const Env& env, const Actor& actor, const NewUser& u);

struct Session {
  std::string token;
  Millis expires_at = 0;
  boost::json::object user;
};

/// Checks the password; Unauthenticated on a mismatch (same message for an unknown
/// email); ResourceExhausted while the email is locked after repeated failures.
Result<Session> Login(const Env& env, std::string_view email, std::string_view password);

/// The actor for a bearer token, or Unauthenticated.
Result<Actor> Authenticate(const Env& env, std::string_view token);
Status Logout(const Env& env, std::string_view token);
/// A long-lived API token for integrations (admin only).
Result<Session> CreateApiToken(const Env& env, const Actor& actor, const std::string& name,
                               int days);

boost::json::object UserJson(const Actor& a, const std::string& name);
Result<boost::json::object> ListUsersJson(const Env& env, const Actor& actor);
Result<boost::json::object> Me(const Env& env, const Actor& actor);

/// Failures within this window count towards the lock; after kMaxFailures the email
/// is locked for kLockMillis.
inline constexpr int kMaxFailures = 5;
inline constexpr Millis kFailureWindowMillis = 15 * 60 * 1000;
inline constexpr Millis kLockMillis = 60 * 1000;

/// Initialises libsodium; call once at start-up. Internal when it cannot.
Status InitCrypto();
/// SHA-256-sized generic hash (BLAKE2b) of a token, hex.
std::string HashToken(std::string_view token);

}  // namespace chaincrm::services
