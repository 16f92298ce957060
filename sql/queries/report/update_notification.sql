-- Writes obligation $2 of the current tenant's incident $1 as changed (all mutable columns) and
-- bumps its version.
UPDATE notifications SET rule_version = $3::integer, regime = $4, title = $5, citation = $6,
  stage = $7, recipient_type = $8, recipient = $9, channel = $10, clock_start = $11,
  clock_start_time = $12::timestamptz, provisional = $13::boolean, due_time = $14::timestamptz,
  target_time = NULLIF($15, '')::timestamptz, statutory_deadline = $16::boolean, state = $17,
  not_required_reason = $18, waived = $19::boolean, sent_time = NULLIF($20, '')::timestamptz,
  sent_by = $21, content_ref = $22, evidence_refs = $23::text[], late_reason = $24,
  ack_time = NULLIF($25, '')::timestamptz, recipient_reference = $26,
  evaluate_time = $27::timestamptz, version = version + 1, update_time = now()
WHERE incident_id = $1 AND id = $2
