-- Writes a policy principle's fields (code $2, title $3, description $4, mapped ids $5) and, when
-- $6 is true, marks it deleted; bumps the version.
UPDATE policy_principles
SET code = $2, title = $3, description = $4, mapped_principles = $5::text[],
    delete_time = CASE WHEN $6::boolean THEN now() ELSE delete_time END,
    version = version + 1, update_time = now()
WHERE id = $1
