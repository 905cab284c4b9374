// The registry of import targets: adding products or orders is one file with its
// factory and one line here.

#include <algorithm>

#include "services/import_target.h"

namespace chaincrm::services {

namespace {

struct Entry {
  const char* name;
  std::unique_ptr<ImportTarget> (*make)();
};

constexpr Entry kTargets[] = {
    {"customers", MakeCustomerImportTarget}, {"contacts", MakeContactImportTarget},
    {"purchases", MakePurchaseImportTarget}, {"products", MakeProductImportTarget},
    {"orders", MakeOrderImportTarget},
};

}  // namespace

std::vector<std::string> ImportTargetNames() {
  std::vector<std::string> out;
  for (const auto& e : kTargets) out.emplace_back(e.name);
  return out;
}

Result<std::unique_ptr<ImportTarget>> MakeImportTarget(std::string_view name) {
  for (const auto& e : kTargets)
    if (name == e.name) return e.make();
  std::string names;
  for (const auto& n : ImportTargetNames()) names += (names.empty() ? "" : ", ") + n;
  return Fail(Error::InvalidArgument(
      "unknown import target", {{"target", "'" + std::string(name) + "' is not one of " + names}}));
}

Result<ImportKey> ParseImportKey(std::string_view s) {
  ImportKey k;
  if (s == "email" || s == "phone" || s == "tax_id" || s == "sku" || s == "external_id") {
    k.kind = std::string(s);
    return k;
  }
  if (s.starts_with("external_id:") && s.size() > 12) {
    k.kind = "external_id";
    k.system = std::string(s.substr(12));
    return k;
  }
  return Fail(Error::InvalidArgument(
      "bad key",
      {{"key", "must be email, phone, tax_id, sku, external_id or external_id:SYSTEM"}}));
}

}  // namespace chaincrm::services
