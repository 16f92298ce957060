-- Appends several outbox events for the current tenant in one statement: $1 topics, $2 resource
-- names, $3 payloads (JSON), one element each per event.
INSERT INTO outbox_events (topic, resource_name, payload)
SELECT v.topic, v.resource_name, v.payload::jsonb
FROM unnest($1::text[], $2::text[], $3::text[]) AS v (topic, resource_name, payload)
