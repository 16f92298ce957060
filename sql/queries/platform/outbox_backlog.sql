-- The tenants with outbox events after consumer $1's cursor, in tenant id order (the one
-- cross-tenant read of an outbox consumer; see airr_outbox_backlog in V0010).
SELECT tenant_id::text AS tenant_id FROM airr_outbox_backlog($1)
