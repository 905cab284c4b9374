#include "core/log.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>

namespace chaincrm::log {

namespace {

std::atomic<bool> g_quiet{false};

spdlog::logger& Logger() {
  static auto logger = [] {
    auto l = spdlog::stderr_color_mt("chaincrm");
    l->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ level=%l %v", spdlog::pattern_time_type::utc);
    return l;
  }();
  return *logger;
}

}  // namespace

void SetLevel(Level level) {
  static constexpr spdlog::level::level_enum kMap[] = {spdlog::level::debug, spdlog::level::info,
                                                       spdlog::level::warn, spdlog::level::err};
  Logger().set_level(kMap[static_cast<int>(level)]);
}

void SetQuiet(bool quiet) { g_quiet = quiet; }

void Write(Level level, std::string_view message) {
  if (g_quiet) return;
  switch (level) {
    case Level::kDebug:
      Logger().debug("{}", message);
      break;
    case Level::kInfo:
      Logger().info("{}", message);
      break;
    case Level::kWarn:
      Logger().warn("{}", message);
      break;
    case Level::kError:
      Logger().error("{}", message);
      break;
  }
}

}  // namespace chaincrm::log
