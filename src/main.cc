#include "cli/app.h"
#include "core/huge_pages.h"

int main(int argc, char** argv) {
  chaincrm::UseHugePagesForMalloc(argv);
  return chaincrm::cli::Main(argc, argv);
}
