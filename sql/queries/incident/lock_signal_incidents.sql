-- Locks the incidents in $1 (in id order) that signals may attach to, and returns what the
-- deduplication needs of each.
SELECT id, state, merged_into, signal_count,
       (extract(epoch FROM last_signal_time) * 1000000)::bigint AS last_signal_time_us
FROM incidents
WHERE id = ANY($1::text[])
ORDER BY id
FOR UPDATE
