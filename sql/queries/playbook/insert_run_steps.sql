-- Copies a playbook version's steps into a new run ($1 the playbook id, $2 the run id), all
-- PENDING, in one statement: $3..$11 are parallel arrays, one entry per step in planned order
-- (the order gives the ordinal): ids, titles, instructions, roles, target offsets in seconds
-- (bigint[]), dependencies (each the ids joined by ',', '' for none), mandatory flags
-- (boolean[]), kinds and milestones.
INSERT INTO run_steps (
  playbook_id, run_id, step_id, ordinal, title, instructions, role, target_offset_seconds,
  depends_on, mandatory, kind, milestone, state)
SELECT $1, $2, s.step_id, s.ordinal::integer, s.title, s.instructions, s.role, s.offset_seconds,
       COALESCE(string_to_array(NULLIF(s.depends_on, ''), ','), '{}'), s.mandatory, s.kind,
       s.milestone, 'STEP_STATE_PENDING'
FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[],
            $9::boolean[], $10::text[], $11::text[])
  WITH ORDINALITY AS s (step_id, title, instructions, role, offset_seconds, depends_on,
                        mandatory, kind, milestone, ordinal)
