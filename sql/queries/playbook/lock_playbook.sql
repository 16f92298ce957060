-- Locks one playbook of the current tenant ($1 the id) until the transaction ends; no row when there is none.
-- The caller reads the row with its get query in the next statement: under READ COMMITTED that
-- statement sees the version committed by whoever held the lock before (a read joined to the
-- locking sub-select in one statement would see the statement's older snapshot).
SELECT 1 FROM playbooks WHERE id = $1 FOR UPDATE
