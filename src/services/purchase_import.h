#pragma once
// Bulk import of purchases into the ledger from a file: the CDNOW layouts (whitespace
// separated, customer in the first column) or a CSV with a header. Streams the file
// in batches (bounded memory), reports rejected lines with their numbers, and is
// idempotent: re-importing the same file posts nothing twice.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "services/actor.h"

namespace chaincrm::services {

enum class PurchaseFormat { kCdnow, kCsv };

struct ImportOptions {
  PurchaseFormat format = PurchaseFormat::kCsv;
  /// External-id system that names customers in the file ("cdnow" for CDNOW).
  std::string customer_system = "import";
  std::string currency = "USD";  // for formats without a currency column
  int batch_size = 5000;
};

struct RejectedLine {
  std::int64_t line = 0;
  std::string message;
};

struct ImportReport {
  std::int64_t lines = 0, posted = 0, duplicates = 0, customers_created = 0;
  std::vector<RejectedLine> rejected;  // first 1000 kept
  std::int64_t rejected_count = 0;
};

/// `progress(bytes_read, total_bytes)` is called after each batch.
Result<ImportReport> ImportPurchases(
    const Env& env, const Actor& actor, const std::string& path, const ImportOptions& options,
    const std::function<void(std::int64_t, std::int64_t)>& progress = nullptr);

}  // namespace chaincrm::services
