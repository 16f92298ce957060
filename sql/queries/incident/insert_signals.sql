-- Stores a batch's signals in one statement; every array has one element per signal.
-- $1 batch id, $2 incident ids, $3 numbers within the incident, $4 sources, $5 AI system ids,
-- $6 kinds, $7 fingerprints, $8 severity hints, $9 attributes (JSON objects), $10 observe
-- times, $11 summaries.
INSERT INTO signals (
  batch_id, incident_id, seq, source, ai_system_id, kind, fingerprint, severity_hint,
  attributes, observe_time, summary)
SELECT $1::uuid, v.incident_id, v.seq, v.source, v.ai_system_id, v.kind, v.fingerprint,
       v.severity_hint, v.attributes::jsonb, v.observe_time, v.summary
FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[],
            $8::text[], $9::text[], $10::timestamptz[], $11::text[])
     AS v (incident_id, seq, source, ai_system_id, kind, fingerprint, severity_hint, attributes,
           observe_time, summary)
