-- The storage floor for the purchases import (bench/import.sh): the same purchase rows
-- and indexes and the same per-customer aggregates that `chaincrm import purchases`
-- writes, by the database itself from the staged CSV (table p: email, day, amount, sku,
-- qty) with INSERT ... SELECT and one UPDATE: no parsing, key lookup in the client or
-- validation. :EPOCH_MS(x) is replaced by the backend's "date text to epoch ms".
INSERT INTO purchases (customer_id, occurred_at, sku, quantity, revenue, cost, currency,
                       source_key, created_at)
  SELECT e.customer_id, :EPOCH_MS(p.day), p.sku, CAST(p.qty AS DOUBLE PRECISION),
         CAST(ROUND(CAST(p.amount AS DOUBLE PRECISION) * 100) AS BIGINT), 0, 'USD',
         'import:row:' || row_number() OVER (), 0
  FROM p JOIN customer_emails e ON e.address_norm = p.email;
UPDATE customers SET purchase_count = a.n, purchase_days = a.d, revenue_total = a.r,
                     first_purchase_at = a.f, last_purchase_at = a.l
  FROM (SELECT customer_id, COUNT(*) AS n, COUNT(DISTINCT occurred_at) AS d,
               SUM(revenue) AS r, MIN(occurred_at) AS f, MAX(occurred_at) AS l
        FROM purchases GROUP BY customer_id) AS a
  WHERE customers.id = a.customer_id;
