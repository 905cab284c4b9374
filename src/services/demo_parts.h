#pragma once
// The demo records of the capabilities added after the foundation, one file each
// (demo_sales.cc, demo_pipeline.cc, demo_service.cc). GenerateDemo calls them in this
// order once the customers, purchases and users exist; each counts what it made in
// summary.more.

#include <cstdint>

#include "services/actor.h"
#include "services/demo_data.h"

namespace chaincrm::services {

Status AddSalesDemo(const Env& env, std::uint64_t seed, DemoSummary& summary);
Status AddPipelineDemo(const Env& env, std::uint64_t seed, DemoSummary& summary);
Status AddServiceDemo(const Env& env, std::uint64_t seed, DemoSummary& summary);

}  // namespace chaincrm::services
