-- Appends one outbox event for the current tenant (NOTIFY airr_outbox is sent by trigger).
INSERT INTO outbox_events (topic, resource_name, payload) VALUES ($1, $2, $3::jsonb)
