-- Appends entries to the timeline of run ($1 the playbook id, $2 the run id), numbered after its
-- last one in the order given; the caller holds the run's lock. $3..$8 are parallel arrays, one
-- entry per event: types, occur times (timestamptz text), step ids ('' for none), actors, titles
-- and texts.
INSERT INTO run_events (playbook_id, run_id, seq, type, occur_time, step_id, actor, title, text)
SELECT $1, $2,
       (SELECT COALESCE(max(seq), 0) FROM run_events WHERE playbook_id = $1 AND run_id = $2)
         + e.n::integer,
       e.type, e.occur_time::timestamptz, e.step_id, e.actor, e.title, e.text
FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
  WITH ORDINALITY AS e (type, occur_time, step_id, actor, title, text, n)
