-- Ends version $2 of the current tenant's rule $1 at $3 (when it is open past $3 and began
-- before it), so the next version takes over from there.
UPDATE notification_rules SET effective_to = $3::timestamptz
WHERE tenant_id = airr_current_tenant() AND id = $1 AND version = $2::integer
  AND (effective_to IS NULL OR effective_to > $3::timestamptz)
  AND (effective_from IS NULL OR effective_from < $3::timestamptz)
