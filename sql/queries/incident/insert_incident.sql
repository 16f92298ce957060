-- Creates an incident for the current tenant with its first timeline event number taken. $1 is
-- the id ('' = a new UUID), $2..$40 the stored fields (see PgIncidentStore), $41 the request id
-- ('' = none). Returns nothing when an incident with the same request id exists already.
INSERT INTO incidents (
  id, title, description, ai_system_id, kind, severity, state, occur_time, detect_time,
  report_time, aware_time, reporter, owner, harm_types, affected_parties, affected_people, deaths,
  serious_injuries, fundamental_rights_infringed, personal_data_involved, personal_data_breached,
  breach_types, breach_categories, breach_persons, breach_aware_time, jurisdictions,
  detection_source, cause_hints, immediate_actions, labels, triage_time, mitigation_start_time,
  resolve_time, close_time, resolution_summary, post_incident_review, bcp_invoked, reject_reason,
  merged_into, signal_fingerprint, create_request_id)
VALUES (
  COALESCE(NULLIF($1, ''), gen_random_uuid()::text), $2, $3, $4, $5, $6, $7,
  NULLIF($8, '')::timestamptz, NULLIF($9, '')::timestamptz, NULLIF($10, '')::timestamptz,
  NULLIF($11, '')::timestamptz, $12, $13, $14::text[], $15::text[], $16::bigint, $17::integer,
  $18::integer, $19::boolean, $20::boolean, $21::boolean, $22::text[], $23::text[], $24::bigint,
  NULLIF($25, '')::timestamptz, $26::text[], $27, $28::text[], $29::text[], $30::jsonb,
  NULLIF($31, '')::timestamptz, NULLIF($32, '')::timestamptz, NULLIF($33, '')::timestamptz,
  NULLIF($34, '')::timestamptz, $35, $36, $37::boolean, $38, NULLIF($39, ''), $40,
  NULLIF($41, '')::uuid)
ON CONFLICT (tenant_id, create_request_id) DO NOTHING
RETURNING id
