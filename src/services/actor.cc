#include "services/actor.h"

namespace chaincrm::services {

std::string Actor::Label() const {
  if (user_id == 0) return email.empty() ? "system" : email;
  return "user:" + std::to_string(user_id) + " " + email;
}

Actor Actor::System(std::string label) {
  Actor a;
  a.email = std::move(label);
  return a;
}

Status CheckScope(const Actor& actor, domain::Resource resource, domain::Action action,
                  std::int64_t customer_id, std::optional<std::int64_t> owner_id) {
  using domain::Scope;
  switch (domain::Allowed(actor.role, resource, action)) {
    case Scope::kAll:
      return Ok();
    case Scope::kOwn:
      if (owner_id && *owner_id == actor.user_id) return Ok();
      return Fail(Error::PermissionDenied("only the owner of this record may change it"));
    case Scope::kSelf:
      if (actor.customer_id && *actor.customer_id == customer_id) return Ok();
      return Fail(Error::NotFound("customer " + std::to_string(customer_id) + " not found"));
    case Scope::kNone:
      break;
  }
  return Fail(Error::PermissionDenied("your role may not do this"));
}

}  // namespace chaincrm::services
