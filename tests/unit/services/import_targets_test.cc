// The import target registry and each target's mapping and key checks.

#include <gtest/gtest.h>

#include "services/import_target.h"

namespace chaincrm::services {
namespace {

ImportMapping Columns(std::vector<std::string> fields) {
  ImportMapping m;
  for (auto& f : fields) m.columns.push_back({"col " + f, f, {}});
  return m;
}

ImportKey Key(std::string_view s) {
  auto k = ParseImportKey(s);
  EXPECT_TRUE(k.has_value()) << s;
  return *k;
}

std::vector<std::string> Fields(const std::vector<FieldError>& errs) {
  std::vector<std::string> out;
  for (const auto& e : errs) out.push_back(e.field);
  return out;
}

std::vector<std::string> Check(std::string_view target, const ImportMapping& m,
                               std::string_view key) {
  auto t = MakeImportTarget(target);
  EXPECT_TRUE(t.has_value()) << target;
  return Fields((*t)->CheckFields(m, Key(key)));
}

TEST(ImportTargets, RegistryHoldsEveryTarget) {
  EXPECT_EQ(ImportTargetNames(),
            (std::vector<std::string>{"customers", "contacts", "purchases", "products", "orders"}));
  auto bad = MakeImportTarget("invoices");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().fields().front().message.find("orders"), std::string::npos);
}

TEST(ImportTargets, KeysForProductsAndOrdersHaveNoSystem) {
  EXPECT_EQ(Key("sku").Field(), "sku");
  EXPECT_EQ(Key("external_id").Field(), "external_id");
  EXPECT_EQ(Key("external_id").Label(), "external_id");
  EXPECT_EQ(Key("external_id:erp").Field(), "external_id.erp");
  EXPECT_FALSE(ParseImportKey("name").has_value());
}

TEST(ImportTargets, PurchasesNeedACustomerKeyADateAndRevenue) {
  EXPECT_TRUE(Check("purchases", Columns({"email", "occurred_at", "revenue", "reference"}), "email")
                  .empty());
  EXPECT_TRUE(
      Check("purchases", Columns({"external_id.erp", "occurred_at", "revenue"}), "external_id:erp")
          .empty());
  EXPECT_EQ(Check("purchases", Columns({"sku", "occurred_at", "revenue"}), "sku"),
            (std::vector<std::string>{"key"}));
  EXPECT_EQ(Check("purchases", Columns({"email", "revenue", "colour"}), "email"),
            (std::vector<std::string>{"columns.col colour", "columns"}));
}

TEST(ImportTargets, ProductsAreMatchedBySkuOrExternalId) {
  const auto m = Columns({"sku", "name", "price", "cost", "currency", "lead_time_days",
                          "external_id", "active", "description"});
  EXPECT_TRUE(Check("products", m, "sku").empty());
  EXPECT_TRUE(Check("products", m, "external_id").empty());
  EXPECT_EQ(Check("products", m, "email"), (std::vector<std::string>{"key"}));
  EXPECT_EQ(Check("products", Columns({"name", "weight"}), "sku"),
            (std::vector<std::string>{"columns.col weight", "key"}));
}

TEST(ImportTargets, OrdersAreGroupedByExternalIdAndNameTheirCustomer) {
  EXPECT_TRUE(Check("orders",
                    Columns({"external_id", "customer.external_id.erp", "sku", "quantity",
                             "unit_price", "promised_date"}),
                    "external_id")
                  .empty());
  EXPECT_EQ(Check("orders", Columns({"external_id", "sku", "quantity"}), "external_id"),
            (std::vector<std::string>{"columns"}));
  EXPECT_EQ(Check("orders", Columns({"external_id", "customer_id"}), "external_id:erp"),
            (std::vector<std::string>{"key"}));
}

TEST(ImportTargets, CustomersRefuseProductKeys) {
  EXPECT_EQ(Check("customers", Columns({"name", "email"}), "sku"),
            (std::vector<std::string>{"key"}));
}

}  // namespace
}  // namespace chaincrm::services
