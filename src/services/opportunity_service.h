#pragma once
// The sales pipeline: opportunities moving through the four stages of the marketing
// process (need collection → solution design → selling → follow-up), then won or lost.
// Each write is one transaction with its change-log row; stage moves also close the
// current stage-history row and open the next.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "domain/pipeline.h"
#include "services/actor.h"

namespace chaincrm::services {

/// Creates an opportunity: customer_id, name, amount {amount, currency}, expected_close
/// (date), optional owner_id (sales default to themselves), stage (need_collection) and
/// lost_reason (required when stage is lost). InvalidArgument with field errors.
Result<boost::json::object> CreateOpportunity(const Env& env, const Actor& actor,
                                              const boost::json::object& body);
/// The opportunity with its stage history (time in each stage).
Result<boost::json::object> GetOpportunity(const Env& env, const Actor& actor, std::int64_t id);
/// JSON merge patch at version `if_match` (FailedPrecondition when stale). A changed
/// stage is a stage move; moving to lost needs a lost_reason.
Result<boost::json::object> PatchOpportunity(const Env& env, const Actor& actor, std::int64_t id,
                                             const boost::json::object& patch,
                                             std::int64_t if_match);

struct OpportunityListQuery {
  std::optional<domain::Stage> stage;
  std::optional<std::int64_t> owner_id, customer_id;
  std::string cursor;
  int limit = 50;
};
/// Newest first, keyset-paged.
Result<boost::json::object> ListOpportunities(const Env& env, const Actor& actor,
                                              const OpportunityListQuery& q);
/// Per stage (all six, in process order): count, amount and weighted amount per currency.
Result<boost::json::object> PipelineBoard(const Env& env, const Actor& actor);

struct ForecastQuery {
  std::string group_by = "month";  // month | owner | segment | abc
  std::optional<Millis> from, to;  // expected close within [from, to)
};
/// The weighted pipeline (domain::WeightedForecast) grouped as asked.
Result<boost::json::object> PipelineForecast(const Env& env, const Actor& actor,
                                             const ForecastQuery& q);

/// The stage probabilities in force (settings rows "pipeline.probability.<stage>").
Result<domain::StageProbabilities> LoadStageProbabilities(store::Tx& tx);
Result<boost::json::object> GetStageProbabilities(const Env& env, const Actor& actor);
/// Sets open-stage percents from {"need_collection": 15, ...}; admin and manager only.
Result<boost::json::object> SetStageProbabilities(const Env& env, const Actor& actor,
                                                  const boost::json::object& body);

}  // namespace chaincrm::services
