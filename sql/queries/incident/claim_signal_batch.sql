-- Claims a signal batch id for the current transaction. Returns nothing when the batch was
-- committed before (a concurrent claim of the same id waits here until that one ends).
INSERT INTO signal_batches (batch_id, ack) VALUES ($1::uuid, '{}'::jsonb)
ON CONFLICT (tenant_id, batch_id) DO NOTHING
RETURNING batch_id
