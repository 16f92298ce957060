-- Adds obligation $2 of the current tenant's incident $1 under rule $3 (version $4); $5.. the
-- rule's words, the clock and the evaluation time; it starts PENDING.
INSERT INTO notifications (incident_id, id, rule_id, rule_version, regime, title, citation, stage,
  recipient_type, recipient, channel, clock_start, clock_start_time, provisional, due_time,
  target_time, statutory_deadline, state, evaluate_time)
VALUES ($1, $2, $3, $4::integer, $5, $6, $7, $8, $9, $10, $11, $12, $13::timestamptz,
  $14::boolean, $15::timestamptz, NULLIF($16, '')::timestamptz, $17::boolean,
  'NOTIFICATION_STATE_PENDING', $18::timestamptz)
