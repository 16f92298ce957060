-- The acknowledgement stored for a committed signal batch.
SELECT ack::text AS ack FROM signal_batches WHERE batch_id = $1::uuid
