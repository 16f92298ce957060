-- Serializes writers of one key of the current tenant until the transaction ends: $1 the key,
-- e.g. 'notifications/incidents/x' (an incident's obligations) or 'notificationRules/r'.
SELECT pg_advisory_xact_lock(
  hashtextextended(current_setting('airr.tenant_id', true) || '/' || $1, 0))
