#pragma once
// Invoices, payments and credit notes. An invoice's balance is total − paid − credited;
// payments and credit notes may not exceed it. Each write is one transaction with its
// change-log row; a rejected write leaves nothing behind.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "services/actor.h"
#include "services/batch_upsert.h"

namespace chaincrm::services {

/// "INV-000123" for invoice id 123.
std::string InvoiceNumber(std::int64_t id);

/// Invoices an order (orders/order_lines of migration 4): one line per order line, the
/// order's currency and total. Body: optional issued_at (default now), due_at or
/// terms_days (default 30). NotFound for an unknown order; FailedPrecondition for a
/// quote or a cancelled order; Conflict when the order already has an invoice.
Result<boost::json::object> CreateInvoiceFromOrder(const Env& env, const Actor& actor,
                                                   std::int64_t order_id,
                                                   const boost::json::object& body);
/// Within `tx`, without access checks or change log (the demo, the use case above):
/// invoices an order; the errors of CreateInvoiceFromOrder. Returns the invoice id.
Result<std::int64_t> InvoiceOrder(store::Tx& tx, std::int64_t order_id, Millis issued_at,
                                  Millis due_at, Millis now);
/// Within `tx`, without access checks or change log: records a payment; InvalidArgument
/// when it is not positive or larger than the open balance.
Status ApplyPayment(store::Tx& tx, std::int64_t invoice_id, std::int64_t amount_minor,
                    Millis paid_at, const std::optional<std::string>& method,
                    const std::optional<std::string>& reference, Millis now);
/// An invoice without an order: customer_id, currency, lines [{description, quantity,
/// unit_price}], issued_at, due_at, optional external_id.
Result<boost::json::object> CreateInvoice(const Env& env, const Actor& actor,
                                          const boost::json::object& body);
/// The invoice with its lines, payments and credit notes (portal: its own, else 404).
Result<boost::json::object> GetInvoice(const Env& env, const Actor& actor, std::int64_t id);

struct InvoiceListQuery {
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> status;  // open | paid | credited
  std::string cursor;
  int limit = 50;
};
/// Newest first; a portal user sees only its own customer's invoices.
Result<boost::json::object> ListInvoices(const Env& env, const Actor& actor,
                                         const InvoiceListQuery& q);

/// Records a payment {amount, paid_at?, method?, reference?}. InvalidArgument (field
/// "amount") when it is not positive, in another currency or larger than the balance.
Result<boost::json::object> RecordPayment(const Env& env, const Actor& actor,
                                          std::int64_t invoice_id, const boost::json::object& body,
                                          const std::optional<IdempotencyKey>& idem);
/// Issues a credit note {amount, reason, issued_at?} against the invoice's balance.
Result<boost::json::object> IssueCreditNote(const Env& env, const Actor& actor,
                                            std::int64_t invoice_id,
                                            const boost::json::object& body);

/// ERP batch: items are invoice documents (as CreateInvoice) keyed by external_id;
/// customer_id or customer_external_id ("system:value" is not needed: any system). An
/// existing invoice without payments or credit notes gets its header and lines replaced.
Result<boost::json::object> UpsertInvoicesBatch(const Env& env, const Actor& actor,
                                                const boost::json::object& body,
                                                const BatchOptions& options);

}  // namespace chaincrm::services
