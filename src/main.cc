#include "cli/app.h"

int main(int argc, char** argv) { return chaincrm::cli::Main(argc, argv); }
