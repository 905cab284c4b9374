#pragma once
// A thin logging facade (spdlog behind it). Lines are key=value; callers pass the
// request id where there is one. Never log secrets.

#include <string_view>

namespace chaincrm::log {

enum class Level { kDebug, kInfo, kWarn, kError };

void SetLevel(Level level);
/// Sends log lines to stderr (the default) or discards them when quiet.
void SetQuiet(bool quiet);
void Write(Level level, std::string_view message);

inline void Debug(std::string_view m) { Write(Level::kDebug, m); }
inline void Info(std::string_view m) { Write(Level::kInfo, m); }
inline void Warn(std::string_view m) { Write(Level::kWarn, m); }
inline void Error(std::string_view m) { Write(Level::kError, m); }

}  // namespace chaincrm::log
