#include "core/huge_pages.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

namespace chaincrm {

namespace {

constexpr std::string_view kTunable = "glibc.malloc.hugetlb";

// "always [madvise] never": transparent huge pages can be had by madvise unless "[never]".
bool KernelOffersHugePages() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string line;
  if (!std::getline(in, line)) return false;
  return line.find("[never]") == std::string::npos;
}

}  // namespace

void UseHugePagesForMalloc(char** argv) {
  if (const char* opt = std::getenv("CHAINCRM_HUGE_PAGES"); opt && std::string_view(opt) == "0")
    return;
  const char* current = std::getenv("GLIBC_TUNABLES");
  std::string tunables = current ? current : "";
  if (tunables.find(kTunable) != std::string::npos) return;  // set: by us before, or the user
  if (!KernelOffersHugePages()) return;
  tunables += tunables.empty() ? "" : ":";
  tunables += std::string(kTunable) + "=1";
  if (setenv("GLIBC_TUNABLES", tunables.c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);
  // Only reached when exec failed: run on with ordinary pages, and leave the variable out of
  // the environment of anything this process starts.
  if (current) {
    setenv("GLIBC_TUNABLES", current, 1);
  } else {
    unsetenv("GLIBC_TUNABLES");
  }
}

}  // namespace chaincrm
