-- Stores a signal batch's acknowledgement, returned again when the batch is resent.
UPDATE signal_batches SET ack = $2::jsonb WHERE batch_id = $1::uuid
