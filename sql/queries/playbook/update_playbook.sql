-- Points a playbook of the current tenant at a new current version and repeats what queries
-- read from it. $1 the id, $2 the version, $3 display name, $4 auto start, $5 the drill interval
-- in seconds, $6 the update time.
UPDATE playbooks
SET current_version = $2::integer, display_name = $3, auto_start = $4::boolean,
    drill_interval_seconds = $5::bigint, update_time = $6::timestamptz
WHERE id = $1
