-- The definition of version $2 of playbook $1: what a run of that version follows.
SELECT definition FROM playbook_version_rows WHERE playbook_id = $1 AND version = $2::integer
