-- Links incident $1 to catalog entry $3 as violation $2 in state PROPOSED: rationale $4, evidence
-- $5 (text[]), confidence $6, suggestion rule $7 ('' for none), assessor $8 / $9, assessed at $10.
INSERT INTO violations (incident_id, id, principle_id, rationale, evidence_refs, confidence,
                        suggestion_rule_id, state, assessor, assessor_id, assess_time)
VALUES ($1, $2, $3, $4, $5::text[], $6, NULLIF($7, ''), 'VIOLATION_STATE_PROPOSED', $8, $9,
        $10::timestamptz)
