-- Opens one incident per element of the arrays, for fingerprints without an open incident: kind
-- HAZARD, state REPORTED, detected by a monitor, with its CREATED timeline event numbered 1.
-- $1 ids, $2 titles, $3 descriptions, $4 AI system ids, $5 severities, $6 detect times,
-- $7 reporters, $8 fingerprints, $9 the actor of the timeline events.
WITH opened AS (
  INSERT INTO incidents (
    id, title, description, ai_system_id, kind, severity, state, detect_time, report_time,
    aware_time, reporter, detection_source, signal_fingerprint, timeline_seq)
  SELECT v.id, v.title, v.description, v.ai_system_id, 'KIND_HAZARD', v.severity,
         'STATE_REPORTED', v.detect_time, GREATEST(now(), v.detect_time), v.detect_time,
         v.reporter, 'DETECTION_SOURCE_MONITOR', v.fingerprint, 1
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[],
              $7::text[], $8::text[])
       AS v (id, title, description, ai_system_id, severity, detect_time, reporter, fingerprint)
  RETURNING id, title
)
INSERT INTO incident_timeline_events (incident_id, seq, type, occur_time, actor, text, to_state)
SELECT id, 1, 'TIMELINE_EVENT_TYPE_CREATED', now(), $9, title, 'STATE_REPORTED' FROM opened
