-- Replaces every stored field of an incident (descriptive and lifecycle; $2..$40 as in
-- insert_incident) and bumps its version.
UPDATE incidents SET
  title = $2, description = $3, ai_system_id = $4, kind = $5, severity = $6, state = $7,
  occur_time = NULLIF($8, '')::timestamptz, detect_time = NULLIF($9, '')::timestamptz,
  report_time = NULLIF($10, '')::timestamptz, aware_time = NULLIF($11, '')::timestamptz,
  reporter = $12, owner = $13, harm_types = $14::text[], affected_parties = $15::text[],
  affected_people = $16::bigint, deaths = $17::integer, serious_injuries = $18::integer,
  fundamental_rights_infringed = $19::boolean, personal_data_involved = $20::boolean,
  personal_data_breached = $21::boolean, breach_types = $22::text[],
  breach_categories = $23::text[], breach_persons = $24::bigint,
  breach_aware_time = NULLIF($25, '')::timestamptz, jurisdictions = $26::text[],
  detection_source = $27, cause_hints = $28::text[], immediate_actions = $29::text[],
  labels = $30::jsonb, triage_time = NULLIF($31, '')::timestamptz,
  mitigation_start_time = NULLIF($32, '')::timestamptz,
  resolve_time = NULLIF($33, '')::timestamptz, close_time = NULLIF($34, '')::timestamptz,
  resolution_summary = $35, post_incident_review = $36, bcp_invoked = $37::boolean,
  reject_reason = $38, merged_into = NULLIF($39, ''), signal_fingerprint = $40,
  version = version + 1, update_time = now()
WHERE id = $1
