#pragma once
// The HTTP application: every route behind the middleware, served by the transport.

#include <cstdint>
#include <functional>
#include <string>

#include "api/server.h"
#include "services/actor.h"

namespace chaincrm::api {

struct AppOptions {
  ServerOptions server;
  std::string web_root = "web/dist";
  int sla_interval_seconds = 60;  // SLA sweeps (warnings, escalations); 0 disables them
};

/// Serves the API and the web app until SIGTERM/SIGINT.
Status RunApp(const services::Env& env, const AppOptions& options,
              const std::function<void(std::uint16_t)>& on_listening = nullptr);

}  // namespace chaincrm::api
