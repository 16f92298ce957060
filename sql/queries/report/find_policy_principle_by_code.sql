-- The id of the tenant's non-deleted policy principle with code $1 other than id $2, if any.
SELECT id FROM policy_principles WHERE code = $1 AND id <> $2 AND delete_time IS NULL
