#include "services/batch_upsert.h"

#include "services/sales_common.h"

namespace chaincrm::services {

namespace json = boost::json;
using store::Tx;

namespace {

Status CheckShape(const json::object& body, std::size_t max_items) {
  const auto* items = body.if_contains("items");
  for (const auto& [k, v] : body)
    if (k != "items")
      return Fail(Error::InvalidArgument("bad batch", {{k, "is not a known field"}}));
  if (!items || !items->is_array() || items->as_array().empty() ||
      items->as_array().size() > max_items) {
    return Fail(Error::InvalidArgument(
        "bad batch",
        {{"items", "must be an array of 1 to " + std::to_string(max_items) + " objects"}}));
  }
  std::vector<FieldError> errs;
  const auto& arr = items->as_array();
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const std::string f = "items[" + std::to_string(i) + "]";
    if (!arr[i].is_object()) {
      errs.push_back({f, "must be an object"});
      continue;
    }
    const auto* ext = arr[i].as_object().if_contains("external_id");
    if (!ext || !ext->is_string() || ext->as_string().empty())
      errs.push_back({f + ".external_id", "is required (the ERP's key)"});
  }
  if (errs.empty()) return Ok();
  return Fail(Error::InvalidArgument("bad batch", std::move(errs)));
}

json::object ErrorJson(const Error& e) {
  json::array fields;
  for (const auto& f : e.fields()) fields.push_back({{"field", f.field}, {"message", f.message}});
  return {{"code", CodeName(e.code())}, {"message", e.message()}, {"errors", std::move(fields)}};
}

Error Prefixed(const Error& e, std::size_t index) {
  const std::string p = "items[" + std::to_string(index) + "]";
  std::vector<FieldError> fields;
  for (const auto& f : e.fields()) fields.push_back({p + "." + f.field, f.message});
  if (fields.empty()) fields.push_back({p, e.message()});
  return Error(e.code(), p + ": " + e.message() + " (atomic batch: nothing was written)",
               std::move(fields));
}

json::object ItemResult(std::size_t i, const json::object& item) {
  return {{"index", i}, {"external_id", item.at("external_id")}};
}

}  // namespace

Result<json::object> RunBatchUpsert(const Env& env, const Actor& actor, const json::object& body,
                                    const BatchOptions& options, const BatchItemFn& fn) {
  RETURN_IF_ERROR(CheckShape(body, options.max_items));
  const auto& items = body.at("items").as_array();
  json::object out;
  std::int64_t written = 0, failed = 0;
  json::array results;
  auto finish = [&] {
    out = {{"atomic", options.atomic},
           {"items", items.size()},
           {"written", written},
           {"failed", failed},
           {"results", std::move(results)}};
  };
  if (options.atomic) {
    RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
      written = failed = 0;
      results = json::array();
      ASSIGN_OR_RETURN(auto replay, FindReplay(tx, actor, options.idem));
      if (replay) {
        out = std::move(*replay);
        return Ok();
      }
      for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& item = items[i].as_object();
        auto r = fn(tx, item);
        if (!r) return Fail(Prefixed(r.error(), i));
        json::object res = ItemResult(i, item);
        res["status"] = r->created ? "created" : "updated";
        res["id"] = r->id;
        results.push_back(std::move(res));
        ++written;
      }
      finish();
      return SaveReplay(tx, actor, options.idem, 200, out, env.clock.Now());
    }));
    return out;
  }
  std::optional<json::object> replay;
  RETURN_IF_ERROR(env.db.Read([&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(replay, FindReplay(tx, actor, options.idem));
    return Ok();
  }));
  if (replay) return std::move(*replay);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i].as_object();
    BatchItemOutcome outcome;
    auto s = env.db.Write([&](Tx& tx) -> Status {
      ASSIGN_OR_RETURN(outcome, fn(tx, item));
      return Ok();
    });
    json::object res = ItemResult(i, item);
    if (s) {
      res["status"] = outcome.created ? "created" : "updated";
      res["id"] = outcome.id;
      ++written;
    } else if (s.error().code() == Code::kUnavailable || s.error().code() == Code::kInternal) {
      return Fail(s.error());  // the database, not the item: stop and let the ERP retry
    } else {
      res["status"] = "error";
      res["error"] = ErrorJson(s.error());
      ++failed;
    }
    results.push_back(std::move(res));
  }
  finish();
  RETURN_IF_ERROR(env.db.Write([&](Tx& tx) -> Status {
    // A concurrent retry with the same key may have finished first; keep the first answer.
    ASSIGN_OR_RETURN(auto prior, FindReplay(tx, actor, options.idem));
    if (prior) return Ok();
    return SaveReplay(tx, actor, options.idem, 200, out, env.clock.Now());
  }));
  return out;
}

}  // namespace chaincrm::services
