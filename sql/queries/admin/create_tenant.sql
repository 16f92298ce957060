-- Creates a tenant; its audit chain starts empty.
WITH t AS (INSERT INTO tenants (name) VALUES ($1) RETURNING id)
INSERT INTO audit_chain_heads (tenant_id, last_seq, last_hash)
SELECT id, 0, ''::bytea FROM t
RETURNING tenant_id::text
