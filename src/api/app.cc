#include "api/app.h"

#include "api/handlers/routes.h"
#include "api/metrics.h"
#include "api/router.h"

namespace chaincrm::api {

Status RunApp(const services::Env& env, const AppOptions& options,
              const std::function<void(std::uint16_t)>& on_listening) {
  Metrics metrics;
  Router router(env, metrics, options.web_root);
  // Before the customer routes: /customers/export must win over /customers/{id}.
  services::ImportRunner import_runner(env);
  AddImportRoutes(router, import_runner);
  AddAccountRoutes(router);
  AddCustomerRoutes(router);
  AddActivityRoutes(router);
  AddOpsRoutes(router, metrics);
  AddSalesRoutes(router);
  AddPipelineRoutes(router);
  AddReceivablesRoutes(router);
  AddServiceRoutes(router);
  AddPrivacyRoutes(router);
  // Declared after the router and before serving: destroyed (cancelled and joined) once
  // the server has stopped.
  services::AnalysisRunner runner(env);
  AddAnalysisRoutes(router, runner);
  services::SlaScheduler sla(env, std::chrono::seconds(options.sla_interval_seconds));
  AddSlaRoutes(router, sla);
  return Serve(
      options.server, [&](HttpRequest& req) { return router.Handle(req); }, on_listening);
}

}  // namespace chaincrm::api
