#include "services/auth_service.h"

#include <sodium.h>

#include "core/text.h"
#include "store/change_log.h"
#include "store/user_repository.h"

namespace chaincrm::services {

namespace json = boost::json;
using store::Tx;

namespace {

constexpr Millis kSessionMillis = 12LL * 3600 * 1000;

std::string Hex(const unsigned char* data, std::size_t n) {
  std::string out(n * 2, '0');
  sodium_bin2hex(out.data(), out.size() + 1, data, n);
  return out;
}

std::string RandomToken() {
  unsigned char buf[32];
  randombytes_buf(buf, sizeof buf);
  return "ccrm_" + Hex(buf, sizeof buf);
}

Actor ActorFromUser(const store::UserRow& u) {
  Actor a;
  a.user_id = u.id;
  a.email = u.email;
  a.role = domain::ParseRole(u.role).value_or(domain::Role::kCustomer);
  a.customer_id = u.customer_id;
  return a;
}

}  // namespace

Status InitCrypto() {
  if (sodium_init() < 0) return Fail(Error::Internal("libsodium failed to initialise"));
  return Ok();
}

std::string HashToken(std::string_view token) {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return Hex(out, sizeof out);
}

json::object UserJson(const Actor& a, const std::string& name) {
  return {{"id", a.user_id},
          {"email", a.email},
          {"name", name},
          {"role", domain::RoleName(a.role)},
          {"customer_id", a.customer_id ? json::value(*a.customer_id) : json::value(nullptr)}};
}

Result<std::int64_t> CreateUser(const Env& env, const Actor& actor, const NewUser& u) {
  if (domain::Allowed(actor.role, domain::Resource::kUsers, domain::Action::kCreate) ==
      domain::Scope::kNone) {
    return Fail(Error::PermissionDenied("only admins may create users"));
  }
  std::vector<FieldError> errs;
  const std::string email = NormalizeEmail(u.email);
  if (email.empty()) errs.push_back({"email", "is not a valid email address"});
  if (u.password.size() < 8) errs.push_back({"password", "must be at least 8 characters"});
  const auto role = domain::ParseRole(u.role);
  if (!role)
    errs.push_back({"role", "must be one of: admin, manager, sales, agent, analyst, customer"});
  if (role == domain::Role::kCustomer && !u.customer_id) {
    errs.push_back({"customer_id", "a customer (portal) user needs the customer it belongs to"});
  }
  if (!errs.empty()) return Fail(Error::InvalidArgument("the user is invalid", std::move(errs)));
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, u.password.data(), u.password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Fail(Error::ResourceExhausted("out of memory while hashing the password"));
  }
  std::int64_t id = 0;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    if (u.customer_id) {
      ASSIGN_OR_RETURN(auto rows,
                       tx.Query("SELECT id FROM customers WHERE id = ?", {*u.customer_id}));
      if (rows.empty()) {
        return Fail(
            Error::InvalidArgument("the user is invalid", {{"customer_id", "does not exist"}}));
      }
    }
    store::UserRow row{0,      email,          u.name.empty() ? email : u.name,
                       u.role, u.customer_id,  hash,
                       true,   env.clock.Now()};
    ASSIGN_OR_RETURN(id, store::InsertUser(tx, row));
    row.password_hash.clear();
    store::ChangeEntry e{0,
                         env.clock.Now(),
                         actor.Label(),
                         "user",
                         id,
                         u.customer_id,
                         "create",
                         "",
                         json::serialize(json::object{{"email", email}, {"role", u.role}}),
                         actor.request_id};
    RETURN_IF_ERROR(store::AppendChange(tx, e));
    return Ok();
  }));
  return id;
}

Result<Session> Login(const Env& env, std::string_view raw_email, std::string_view password) {
  const std::string email = NormalizeEmail(raw_email);
  const Millis now = env.clock.Now();
  std::optional<store::UserRow> user;
  store::LoginAttempts attempts;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(attempts, store::GetLoginAttempts(tx, email));
    ASSIGN_OR_RETURN(user, store::FindUserByEmail(tx, email));
    return Ok();
  }));
  if (attempts.locked_until > now) {
    return Fail(Error::ResourceExhausted("too many failed logins; try again in " +
                                         std::to_string((attempts.locked_until - now) / 1000 + 1) +
                                         " s"));
  }
  const bool ok =
      user && user->active &&
      crypto_pwhash_str_verify(user->password_hash.c_str(), password.data(), password.size()) == 0;
  Session session;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto a, store::GetLoginAttempts(tx, email));
    if (!ok) {
      if (now - a.window_start > kFailureWindowMillis) a = {0, now, 0};
      ++a.failures;
      if (a.failures >= kMaxFailures) a.locked_until = now + kLockMillis;
      return store::PutLoginAttempts(tx, email, a);
    }
    if (a.failures > 0) RETURN_IF_ERROR(store::PutLoginAttempts(tx, email, {0, now, 0}));
    session.token = RandomToken();
    session.expires_at = now + kSessionMillis;
    RETURN_IF_ERROR(store::InsertToken(
        tx, {0, HashToken(session.token), user->id, "session", "", now, session.expires_at}));
    return Ok();
  }));
  if (!ok) return Fail(Error::Unauthenticated("wrong email or password"));
  session.user = UserJson(ActorFromUser(*user), user->name);
  return session;
}

Result<Actor> Authenticate(const Env& env, std::string_view token) {
  if (token.empty() || token.size() > 200)
    return Fail(Error::Unauthenticated("a bearer token is required"));
  std::optional<store::UserRow> user;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(user, store::UserForToken(tx, HashToken(token), env.clock.Now()));
    return Ok();
  }));
  if (!user) return Fail(Error::Unauthenticated("the token is invalid or expired"));
  return ActorFromUser(*user);
}

Status Logout(const Env& env, std::string_view token) {
  return env.db.Write(
      [&](Tx& tx) { return store::RevokeToken(tx, HashToken(token), env.clock.Now()); });
}

Result<Session> CreateApiToken(const Env& env, const Actor& actor, const std::string& name,
                               int days) {
  if (domain::Allowed(actor.role, domain::Resource::kTokens, domain::Action::kCreate) ==
      domain::Scope::kNone) {
    return Fail(Error::PermissionDenied("only admins may create API tokens"));
  }
  if (days < 1 || days > 3650) {
    return Fail(Error::InvalidArgument("invalid token",
                                       {{"expires_in_days", "must be between 1 and 3650"}}));
  }
  if (name.empty()) return Fail(Error::InvalidArgument("invalid token", {{"name", "is required"}}));
  Session s;
  s.token = RandomToken();
  s.expires_at = env.clock.Now() + days * kMillisPerDay;
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(std::int64_t id,
                     store::InsertToken(tx, {0, HashToken(s.token), actor.user_id, "api", name,
                                             env.clock.Now(), s.expires_at}));
    s.user = json::object{{"id", id}, {"name", name}};
    store::ChangeEntry e{0,
                         env.clock.Now(),
                         actor.Label(),
                         "api_token",
                         id,
                         std::nullopt,
                         "create",
                         "",
                         json::serialize(json::object{{"name", name}}),
                         actor.request_id};
    RETURN_IF_ERROR(store::AppendChange(tx, e));
    return Ok();
  }));
  return s;
}

Result<json::object> ListUsersJson(const Env& env, const Actor& actor) {
  if (domain::Allowed(actor.role, domain::Resource::kUsers, domain::Action::kRead) ==
      domain::Scope::kNone) {
    return Fail(Error::PermissionDenied("only admins may list users"));
  }
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto users, store::ListUsers(tx));
    json::array data;
    for (const auto& u : users) data.push_back(UserJson(ActorFromUser(u), u.name));
    out["data"] = std::move(data);
    return Ok();
  }));
  return out;
}

Result<json::object> Me(const Env& env, const Actor& actor) {
  json::object out;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(auto u, store::LoadUser(tx, actor.user_id));
    out = UserJson(actor, u.name);
    return Ok();
  }));
  return out;
}

}  // namespace chaincrm::services
