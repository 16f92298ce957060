-- Locks one run of the current tenant ($1 the playbook id, $2 the run id; every change to a run, its steps or its timeline takes this lock) until the transaction ends; no row when there is none.
-- The caller reads the row with its get query in the next statement: under READ COMMITTED that
-- statement sees the version committed by whoever held the lock before (a read joined to the
-- locking sub-select in one statement would see the statement's older snapshot).
SELECT 1 FROM playbook_runs WHERE playbook_id = $1 AND id = $2 FOR UPDATE
