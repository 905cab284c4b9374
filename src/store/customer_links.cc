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
      // Later capabilities add their tables here, e.g.
      // {"cases", "customer_id", LinkKind::kMove, "id, subject, status, created_at", "id"},
  };
  return kLinks;
}

}  // namespace chaincrm::store
