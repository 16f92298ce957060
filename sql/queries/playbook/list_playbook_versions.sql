-- One page of the versions of a playbook of the current tenant, newest first. $1 the playbook
-- id; $2 the previous page's last version (0 on the first page); $3 the LIMIT.
SELECT * FROM playbook_version_rows
WHERE playbook_id = $1
  AND ($2::integer = 0 OR version < $2::integer)
ORDER BY version DESC
LIMIT $3::bigint
