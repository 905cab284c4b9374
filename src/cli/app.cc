#include "cli/app.h"

#include <cstdio>

namespace chaincrm::cli {

int Main(int, char**) {
  std::fputs("chaincrm: being written\n", stderr);
  return 1;
}

}  // namespace chaincrm::cli
