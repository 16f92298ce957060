-- Adds a version of a playbook of the current tenant. $1 the playbook id, $2 the version, $3 the
-- definition (Playbook JSON), $4 the author, $5 the change note, $6 the creation time.
INSERT INTO playbook_versions (playbook_id, version, definition, author, change_note, create_time)
VALUES ($1, $2::integer, $3::jsonb, $4, $5, $6::timestamptz)
