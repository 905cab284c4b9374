#include "api/problem.h"

#include <boost/json.hpp>

namespace chaincrm::api {

namespace json = boost::json;

namespace {

const char* Title(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Payload Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 503:
      return "Service Unavailable";
    default:
      return "Internal Server Error";
  }
}

bool IsQueryParameter(const std::string& field) {
  // Exact names: a body field such as "queue" or "quantity" is not the query's "q".
  if (field.rfind("filter[", 0) == 0) return true;
  for (const char* p : {"sort", "cursor", "limit", "q", "total"}) {
    if (field == p) return true;
  }
  return false;
}

}  // namespace

HttpResponse Problem(int status, const std::string& title, const std::string& detail,
                     const std::string& request_id) {
  json::object o{{"type", "about:blank"},
                 {"title", title.empty() ? Title(status) : title},
                 {"status", status},
                 {"detail", detail},
                 {"request_id", request_id}};
  HttpResponse r;
  r.status = status;
  r.content_type = "application/problem+json";
  r.body = json::serialize(o);
  return r;
}

HttpResponse ProblemResponse(const Error& error, const std::string& request_id) {
  int status = 500;
  switch (error.code()) {
    case Code::kInvalidArgument: {
      status = 422;
      if (error.fields().empty() || IsQueryParameter(error.fields().front().field)) status = 400;
      break;
    }
    case Code::kNotFound:
      status = 404;
      break;
    case Code::kAlreadyExists:
      status = 409;
      break;
    case Code::kFailedPrecondition:
      status = 412;
      break;
    case Code::kAborted:
      status = 409;
      break;
    case Code::kUnauthenticated:
      status = 401;
      break;
    case Code::kPermissionDenied:
      status = 403;
      break;
    case Code::kResourceExhausted:
      status = 429;
      break;
    case Code::kUnavailable:
      status = 503;
      break;
    default:
      status = 500;
  }
  const std::string detail =
      status == 500 ? "an internal error occurred; quote the request id" : error.message();
  HttpResponse r = Problem(status, "", detail, request_id);
  if (!error.fields().empty() && status != 500) {
    json::value v = json::parse(r.body);
    json::array errs;
    for (const auto& f : error.fields())
      errs.push_back(json::object{{"field", f.field}, {"message", f.message}});
    v.as_object()["errors"] = std::move(errs);
    r.body = json::serialize(v);
  }
  if (status == 429) r.SetHeader("Retry-After", "60");
  if (status == 401) r.SetHeader("WWW-Authenticate", "Bearer");
  return r;
}

}  // namespace chaincrm::api
