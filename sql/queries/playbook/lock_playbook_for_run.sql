-- Share-locks playbook $1 of the current tenant until the transaction ends, so it cannot be
-- archived or get a new version before a run of it is stored; no row when there is none. The
-- caller reads it in the next statement (get_run_start_version), which then sees its latest
-- committed version.
SELECT 1 FROM playbooks WHERE id = $1 FOR SHARE
