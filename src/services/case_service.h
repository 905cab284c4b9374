#pragma once
// Cases (tickets): create, read, list, edit, status transitions and threaded notes. Each
// write is one transaction that also keeps the SLA state (services/sla.h), the customer's
// timeline (an interaction of type "case") and the change log. Portal users (Scope
// kSelf) see and write only their own customer's cases and never see internal notes.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "domain/service_case.h"
#include "services/actor.h"
#include "services/customer_service.h"

namespace chaincrm::services {

struct CaseView {
  boost::json::object json;
  std::int64_t id = 0;
  std::int64_t version = 0;
  bool replayed = false;  // an Idempotency-Key replay
};

struct CaseListQuery {
  std::optional<std::string> status, queue, category, priority;
  std::optional<std::int64_t> owner_id, customer_id;
  std::string cursor;  // opaque
  int limit = 50;
};

/// Opens a case (status "new"). InvalidArgument with field errors; NotFound for an
/// unknown or foreign customer. Staff may back-date it with "opened_at" (not in the future).
Result<CaseView> CreateCase(const Env& env, const Actor& actor, const boost::json::object& body,
                            const std::optional<IdempotencyKey>& idem = std::nullopt);
/// The case with its notes (customer-visible only for portal users) and "sla".
Result<CaseView> GetCase(const Env& env, const Actor& actor, std::int64_t id);
/// Merge-patches fields and applies a "status" transition when the version is `if_match`
/// (FailedPrecondition otherwise). A transition not allowed from the current status is
/// InvalidArgument naming both statuses. Staff may give "at" for when the change happened.
Result<CaseView> PatchCase(const Env& env, const Actor& actor, std::int64_t id,
                           const boost::json::object& patch, std::int64_t if_match);
/// {data, next_cursor}, newest first.
Result<boost::json::object> ListCasesPage(const Env& env, const Actor& actor,
                                          const CaseListQuery& q);
/// Adds a note {body, visibility: internal|customer}. Portal replies are customer-visible
/// and reopen a pending_customer case to open; the first staff customer-visible note is
/// the first response.
Result<boost::json::object> AddCaseNote(const Env& env, const Actor& actor, std::int64_t case_id,
                                        const boost::json::object& body);
Result<boost::json::object> ListCaseNotes(const Env& env, const Actor& actor, std::int64_t case_id);

/// The customer's open cases as JSON rows (for the 360 and the call screen pop).
Result<boost::json::array> OpenCasesJson(store::Tx& tx, std::int64_t customer_id, int limit = 20);

/// The transaction bodies, for callers that batch several changes in one transaction
/// (the demo). `at` is when the change happened.
Result<domain::Case> InsertCaseTx(store::Tx& tx, const Env& env, const Actor& actor, domain::Case c,
                                  Millis at);
Status TransitionCaseTx(store::Tx& tx, const Env& env, const Actor& actor, domain::Case& c,
                        const std::string& to, Millis at);
Result<domain::CaseNote> AddCaseNoteTx(store::Tx& tx, const Env& env, const Actor& actor,
                                       domain::Case& c, const std::string& body,
                                       const std::string& visibility, Millis at);

}  // namespace chaincrm::services
