-- Makes sure every fingerprint in $1 has a group row, inserting in fingerprint order so that
-- concurrent batches wait for each other instead of deadlocking.
INSERT INTO signal_groups (fingerprint)
SELECT f FROM unnest($1::text[]) AS f ORDER BY f
ON CONFLICT (tenant_id, fingerprint) DO NOTHING
