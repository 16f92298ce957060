-- One playbook of the current tenant at its current version ($1 the id).
SELECT * FROM playbook_rows WHERE id = $1
