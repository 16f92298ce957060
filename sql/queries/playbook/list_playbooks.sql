-- One page of the current tenant's playbooks by id, each at its current version. $1 true to
-- include archived ones; $2 the previous page's last id ('' on the first page); $3 the LIMIT.
SELECT * FROM playbook_rows
WHERE ($1::boolean OR archive_time IS NULL)
  AND id > $2
ORDER BY id
LIMIT $3::bigint
