-- The current tenant's automatic playbooks in use (not archived), by id, each with its current
-- version's definition. Read after lock_auto_start_playbooks.
SELECT p.id, v.definition::text AS definition
FROM playbooks p
JOIN playbook_versions v
  ON v.tenant_id = p.tenant_id AND v.playbook_id = p.id AND v.version = p.current_version
WHERE p.auto_start AND p.archive_time IS NULL
ORDER BY p.id
