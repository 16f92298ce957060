-- Writes every changeable column of one mitigation ($1 the incident id, $2 the id) and bumps its
-- version. $3 the violation id ('' = none), $4..$8 kind, title, description, owner, due time,
-- $9 state, $10..$20 the lifecycle columns (times '' = NULL).
UPDATE mitigations SET
  violation_id = NULLIF($3, ''), kind = $4, title = $5, description = $6, owner = $7,
  due_time = $8::timestamptz, state = $9, begin_time = NULLIF($10, '')::timestamptz,
  complete_time = NULLIF($11, '')::timestamptz, completed_by = $12, completed_by_id = $13,
  completion_note = $14, verifier = $15, verifier_id = $16,
  verify_time = NULLIF($17, '')::timestamptz, verification_method = $18,
  cancel_time = NULLIF($19, '')::timestamptz, cancel_reason = $20,
  version = version + 1, update_time = clock_timestamp()
WHERE incident_id = $1 AND id = $2
