#pragma once
// The HTTP transport (Boost.Beast, kept inside server.cc): keep-alive connections on a
// few threads, body size limit, timeouts, and graceful shutdown on SIGTERM/SIGINT in
// which in-flight requests finish.

#include <cstdint>
#include <functional>
#include <string>

#include "api/http_types.h"
#include "core/result.h"

namespace chaincrm::api {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  std::uint16_t port = 8080;
  int threads = 0;  // 0: 2 × hardware threads, at least 4 (handlers block on the database)
  std::size_t body_limit = 1 << 20;
  int read_timeout_seconds = 30;
  int shutdown_grace_seconds = 20;
};

using Handler = std::function<HttpResponse(HttpRequest&)>;

/// Serves until SIGTERM or SIGINT, then stops accepting, lets in-flight requests finish
/// (up to the grace period) and returns. `on_listening` is told the bound port.
Status Serve(const ServerOptions& options, const Handler& handler,
             const std::function<void(std::uint16_t)>& on_listening = nullptr);

}  // namespace chaincrm::api
