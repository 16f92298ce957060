-- Creates consumer $1's cursor for the current tenant at the start of its outbox, unless it
-- exists.
INSERT INTO outbox_cursors (consumer) VALUES ($1) ON CONFLICT (tenant_id, consumer) DO NOTHING
