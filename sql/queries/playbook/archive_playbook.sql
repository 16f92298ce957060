-- Archives a playbook of the current tenant. $1 the id, $2 the archive time.
UPDATE playbooks
SET archive_time = $2::timestamptz, update_time = $2::timestamptz
WHERE id = $1
