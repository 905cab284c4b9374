#include "store/customer_links.h"

namespace chaincrm::store {

const std::vector<CustomerLink>& CustomerLinks() {
  static const std::vector<CustomerLink> kLinks = {
      // The customer record's own child rows.
      {"customer_emails", "customer_id", LinkKind::kRecord, "position, address, label, is_primary",
       "position"},
      {"customer_phones", "customer_id", LinkKind::kRecord, "position, number, label", "position"},
      {"customer_addresses", "customer_id", LinkKind::kRecord,
       "position, label, line1, line2, city, region, postal_code, country", "position"},
      {"customer_external_ids", "customer_id", LinkKind::kRecord, "system, value", "system, value"},
      {"customer_serials", "customer_id", LinkKind::kRecord, "serial, product", "serial"},
      {"customer_tags", "customer_id", LinkKind::kRecord, "tag", "tag"},
      {"customer_custom_values", "customer_id", LinkKind::kRecord,
       "field_id, value_text, value_num", "field_id"},
      // Records around the customer.
      {"contacts", "customer_id", LinkKind::kMove,
       "id, name, title, email, phone, is_primary, notes, created_at, updated_at, archived_at",
       "id"},
      {"interactions", "customer_id", LinkKind::kMove,
       "id, contact_id, type, direction, channel, occurred_at, subject, body, links, created_at",
       "id"},
      {"purchases", "customer_id", LinkKind::kMove,
       "id, occurred_at, sku, product, quantity, revenue, cost, currency, order_ref, created_at",
       "id"},
      {"consents", "customer_id", LinkKind::kMove,
       "id, contact_id, channel, purpose, status, source, occurred_at, recorded_by", "id"},
      {"customers", "parent_id", LinkKind::kMove, "id, kind, name", "id"},
      {"users", "customer_id", LinkKind::kMove, "id, email, name, role, created_at", "id"},
      {"customer_scores", "customer_id", LinkKind::kDrop,
       "run_id, computed_at, recency_days, frequency, monetary, rfm_cell, abc_class, clv, "
       "p_alive, value_class, account_size",
       "customer_id"},
      {"change_log", "customer_id", LinkKind::kKeep,
       "seq, at, actor, entity, entity_id, op, before_json, after_json", "seq"},
      {"erasures", "customer_id", LinkKind::kKeep, "id, reason, actor, erased_at", "id"},
      // Service (migration 6).
      {"cases", "customer_id", LinkKind::kMove,
       "id, number, subject, description, category, channel, priority, status, queue, "
       "order_id, serial, created_at, resolved_at, closed_at",
       "id"},
      {"calls", "customer_id", LinkKind::kMove, "id, caller_number, queue, occurred_at", "id"},
      {"returns", "customer_id", LinkKind::kMove,
       "id, purchase_id, order_line_id, case_id, reason, decision, status, quantity, amount, "
       "currency, created_at",
       "id"},
      {"surveys", "customer_id", LinkKind::kMove,
       "id, source_kind, source_id, case_id, status, issued_at, answered_at, csat, nps, comment, "
       "satisfaction_index",
       "id"},
      // Sales (migrations 4 and 5).
      {"configurations", "customer_id", LinkKind::kMove,
       "id, product_id, selections, unit_price, currency, created_at", "id"},
      {"orders", "customer_id", LinkKind::kMove,
       "id, kind, number, status, currency, total, ordered_at, promised_at, carrier, notes", "id"},
      {"shipments", "customer_id", LinkKind::kMove,
       "id, number, order_id, carrier, tracking_number, status, shipped_at, delivered_at", "id"},
      {"opportunities", "customer_id", LinkKind::kMove,
       "id, name, amount_minor, currency, stage, expected_close, lost_reason, created_at", "id"},
      {"tasks", "customer_id", LinkKind::kMove, "id, title, notes, due_at, status, created_at",
       "id"},
      {"invoices", "customer_id", LinkKind::kMove,
       "id, number, order_id, currency, total_minor, paid_minor, credited_minor, issued_at, "
       "due_at, status",
       "id"},
      {"customer_credit", "customer_id", LinkKind::kKeep, "credit_limit_minor, currency",
       "customer_id"},
  };
  return kLinks;
}

}  // namespace chaincrm::store
