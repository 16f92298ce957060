-- Adds $2 signals observed between $3 and $4 to the counters of incidents $1 (pairwise).
UPDATE incidents AS i SET
  signal_count = i.signal_count + v.n,
  first_signal_time = LEAST(i.first_signal_time, v.first_time),
  last_signal_time = GREATEST(i.last_signal_time, v.last_time),
  version = i.version + 1, update_time = now()
FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::timestamptz[])
     AS v (id, n, first_time, last_time)
WHERE i.id = v.id
