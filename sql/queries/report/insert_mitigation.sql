-- Creates a PLANNED mitigation for the current tenant. $1 the incident id, $2 the id, $3 the
-- violation id ('' = none), $4 kind, $5 title, $6 description, $7 owner, $8 due time, $9 state,
-- $10 the request id ('' = none). Returns nothing when a mitigation with the same request id
-- exists already.
INSERT INTO mitigations (
  incident_id, id, violation_id, kind, title, description, owner, due_time, state,
  create_request_id)
VALUES ($1, $2, NULLIF($3, ''), $4, $5, $6, $7, $8::timestamptz, $9, NULLIF($10, '')::uuid)
ON CONFLICT (tenant_id, create_request_id) DO NOTHING
RETURNING id
