#include "services/demo_parts.h"

namespace chaincrm::services {

Status AddPipelineDemo(const Env& /*env*/, std::uint64_t /*seed*/, DemoSummary& /*summary*/) {
  return Ok();
}

}  // namespace chaincrm::services
