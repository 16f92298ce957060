-- Moves consumer $1's cursor of the current tenant to outbox id $2 (the row is locked by
-- lock_outbox_cursor).
UPDATE outbox_cursors SET last_id = $2::bigint, update_time = now() WHERE consumer = $1
