-- Share-locks the current tenant's automatic playbooks in use, in id order, before the auto-start
-- consumer writes any audit row, so an edit waiting on one of them cannot also hold the tenant's
-- audit chain the consumer needs next (no deadlock), and none changes before the runs are stored.
-- The caller reads them in the next statement (list_auto_start_playbooks), which sees their
-- latest committed versions.
SELECT id FROM playbooks WHERE auto_start AND archive_time IS NULL ORDER BY id FOR SHARE
