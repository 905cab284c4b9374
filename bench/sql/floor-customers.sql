-- The storage floor for the customers import (bench/import.sh): the same rows, tables
-- and indexes that `chaincrm import customers` writes (customer, email, phone, address,
-- tag, a change-log entry of similar size), written by the database itself from the
-- staged CSV (table c) with INSERT ... SELECT: no parsing, mapping or validation.
-- Portable SQL for SQLite and PostgreSQL 15.
CREATE TABLE cs AS SELECT row_number() OVER () AS rn, c.* FROM c;
INSERT INTO customers (id, kind, name, name_folded, status, roles, birth_date, country, city,
                       version, created_at, updated_at)
  SELECT rn, 'person', name, lower(name), 'active', ',end_customer,', born, upper(country),
         lower(city), 1, 0, 0 FROM cs;
INSERT INTO customer_emails (customer_id, position, address, address_norm, label, is_primary)
  SELECT rn, 0, email, lower(email), '', 1 FROM cs;
INSERT INTO customer_phones (customer_id, position, number, normalized, reversed, label)
  SELECT rn, 0, phone, substr(phone, 2), substr(phone, 2), '' FROM cs;
INSERT INTO customer_addresses (customer_id, position, label, line1, line2, city, region,
                                postal_code, country)
  SELECT rn, 0, '', '', '', city, '', '', upper(country) FROM cs;
INSERT INTO customer_tags (customer_id, tag) SELECT rn, tier FROM cs;
INSERT INTO change_log (at, actor, entity, entity_id, customer_id, op, after_json, request_id)
  SELECT 0, 'cli', 'customer', rn, rn, 'create',
         '{"birth_date":"' || born || '","emails":[{"address":"' || email ||
         '"}],"kind":"person","name":"' || name || '","phones":[{"number":"' || phone ||
         '"}],"roles":["end_customer"],"tags":["' || tier || '"],"addresses":[{"city":"' ||
         city || '","country":"' || country || '"}]}', 'import-job-0'
  FROM cs;
DROP TABLE cs;
