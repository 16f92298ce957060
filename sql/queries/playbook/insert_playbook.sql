-- Creates a playbook of the current tenant at version 1. $1 the id, $2 display name, $3 auto
-- start, $4 the drill interval in seconds, $5 the creation time. Returns nothing when the id is
-- taken.
INSERT INTO playbooks (
  id, current_version, display_name, auto_start, drill_interval_seconds, create_time, update_time)
VALUES ($1, 1, $2, $3::boolean, $4::bigint, $5::timestamptz, $5::timestamptz)
ON CONFLICT (tenant_id, id) DO NOTHING
RETURNING id
