-- One page of the suggestion rules by id, after id $1 ('' for the first page), at most $2 rows.
SELECT id, principle_id, fact, match_values, confidence, description
FROM suggestion_rules
WHERE id > $1
ORDER BY id
LIMIT $2::int
