#pragma once
// Activities and tasks with due dates, on a customer and optionally one of its
// opportunities. Each write is one transaction with its change-log row.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "services/actor.h"

namespace chaincrm::services {

/// Creates a task: title, due_at, customer_id or opportunity_id (the customer follows the
/// opportunity), optional assignee_id (default: the caller) and notes. Status is open.
Result<boost::json::object> CreateTask(const Env& env, const Actor& actor,
                                       const boost::json::object& body);
Result<boost::json::object> GetTask(const Env& env, const Actor& actor, std::int64_t id);
/// Merge patch of title, notes, due_at, assignee_id, status (open | done) at `if_match`.
Result<boost::json::object> PatchTask(const Env& env, const Actor& actor, std::int64_t id,
                                      const boost::json::object& patch, std::int64_t if_match);

struct TaskListQuery {
  std::optional<std::int64_t> assignee_id, customer_id, opportunity_id;
  std::optional<std::string> status;  // open | done
  std::string cursor;                 // an offset into the ordered list
  int limit = 50;
};
/// Ordered overdue first (open and due before now, oldest due first), then the other open
/// tasks by due date, then done ones; each row says whether it is overdue.
Result<boost::json::object> ListTasks(const Env& env, const Actor& actor, const TaskListQuery& q);

}  // namespace chaincrm::services
