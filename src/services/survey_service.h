#pragma once
// Satisfaction surveys: templates, issuing (after a resolved case, after a delivered
// order), answering under the expectation–perception model (analytics/satisfaction.h),
// and the satisfaction report (index, gap, CSAT, NPS per customer, segment or month).

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/satisfaction.h"
#include "services/actor.h"

namespace chaincrm::services {

/// Issues a survey (status "issued") on the default template to `customer_id` about
/// `source_kind` ("case" or "order") `source_id`, at `at`. When one was already issued for
/// that source, returns its id and issues nothing. Call it inside the transaction of the
/// change that triggers it (a case resolved, an order delivered).
Result<std::int64_t> IssueSurvey(store::Tx& tx, std::int64_t customer_id,
                                 std::string_view source_kind, std::int64_t source_id, Millis at);

Result<boost::json::object> ListSurveyTemplates(const Env& env, const Actor& actor);
/// {name, attributes: [..], ask_csat, ask_nps, is_default}.
Result<boost::json::object> CreateSurveyTemplate(const Env& env, const Actor& actor,
                                                 const boost::json::object& body);
/// Staff issue a survey by hand: {customer_id, source_kind, source_id}.
Result<boost::json::object> CreateSurvey(const Env& env, const Actor& actor,
                                         const boost::json::object& body);
Result<boost::json::object> GetSurvey(const Env& env, const Actor& actor, std::int64_t id);

struct SurveyListQuery {
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> status;
  std::string cursor;
  int limit = 50;
};
Result<boost::json::object> ListSurveysPage(const Env& env, const Actor& actor,
                                            const SurveyListQuery& q);
/// Answers an issued survey: {answers: [{attribute, importance, expectation, perception}],
/// csat, nps, comment}. Out-of-range ratings are InvalidArgument naming the field
/// ("answers[0].perception"); nothing is written. Conflict when already answered.
Result<boost::json::object> AnswerSurvey(const Env& env, const Actor& actor, std::int64_t id,
                                         const boost::json::object& body);

/// The storing half of AnswerSurvey, for callers that already validated the answers
/// (the demo): scores, marks the survey answered at `now`, stores the ratings and keeps
/// the comment as a customer note on the survey's case. AlreadyExists when answered.
Status StoreSurveyAnswersTx(store::Tx& tx, std::int64_t id,
                            const std::vector<analytics::AttributeRating>& ratings,
                            std::optional<std::int64_t> csat, std::optional<std::int64_t> nps,
                            const std::optional<std::string>& text, Millis now,
                            std::optional<std::int64_t> author_user_id);

struct SatisfactionQuery {
  std::optional<Millis> from, to;  // answered_at in [from, to)
  std::string group_by;            // "" | customer | segment | month
  std::optional<std::int64_t> customer_id;
};
/// {overall: {...}, groups: [{key, surveys, index, gap_index, mean_gap, csat, nps}],
///  attributes: [{attribute, mean_importance, mean_expectation, mean_perception, mean_gap}]}.
Result<boost::json::object> SatisfactionReport(const Env& env, const Actor& actor,
                                               const SatisfactionQuery& q);

}  // namespace chaincrm::services
