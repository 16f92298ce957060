-- Locks consumer $1's cursor of the current tenant until the transaction ends and returns it; no
-- row when another transaction (a replica of the consumer) holds it.
SELECT last_id FROM outbox_cursors WHERE consumer = $1 FOR UPDATE SKIP LOCKED
