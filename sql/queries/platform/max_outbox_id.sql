-- The id of the current tenant's latest committed outbox event (0 when there is none).
SELECT COALESCE(max(id), 0) AS head FROM outbox_events
