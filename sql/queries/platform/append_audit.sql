-- Appends one audit row for the current tenant; the audit_log_chain trigger assigns seq and the
-- chained hash. $4/$5 are JSON text, '' for none.
INSERT INTO audit_log (actor, rpc, resource_name, before, after, request_id)
VALUES ($1, $2, $3, NULLIF($4, '')::jsonb, NULLIF($5, '')::jsonb, $6)
