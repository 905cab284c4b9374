#pragma once
// The project's own small HTTP request/response types: handlers never see Beast.

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chaincrm::api {

struct HttpRequest {
  std::string method;                             // "GET"
  std::string target;                             // raw "/api/v1/customers?limit=5"
  std::string path;                               // decoded path without query
  std::multimap<std::string, std::string> query;  // decoded
  std::map<std::string, std::string> headers;     // lower-case names
  std::string body;
  std::string request_id;
  std::string remote;

  /// The header value or "" when absent.
  const std::string& Header(const std::string& lower_name) const;
  /// The first query value or "" when absent.
  std::string Query(const std::string& name) const;
};

/// Writes one piece of a streamed body; returns false once the client has gone away.
using BodyWriter = std::function<bool(std::string_view)>;
/// Produces a streamed body by calling the writer as often as it likes. Runs after the
/// status and headers were sent, so it can no longer fail the request: on an error it
/// returns false and the transport ends the connection without the final chunk.
using BodyProducer = std::function<bool(const BodyWriter&)>;

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  /// When set, `body` is ignored and the transport sends this producer's output with
  /// chunked transfer encoding (exports of any size with bounded memory).
  BodyProducer stream;

  void SetHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
};

/// Parses the request target into path and decoded query parameters. Returns false
/// when the target is not a valid origin-form URL.
bool ParseTarget(HttpRequest& req);

}  // namespace chaincrm::api
