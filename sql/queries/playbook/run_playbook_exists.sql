-- One row when the current tenant has playbook $1 (ListRuns of one playbook).
SELECT 1 FROM playbooks WHERE id = $1
