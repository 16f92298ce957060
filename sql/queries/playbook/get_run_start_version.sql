-- What a new run of playbook $1 starts from: its current version and that version's definition,
-- and whether it is archived. Read after lock_playbook_for_run.
SELECT current_version, definition, archive_time_us FROM playbook_rows WHERE id = $1
