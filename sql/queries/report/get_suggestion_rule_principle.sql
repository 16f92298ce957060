-- The catalog entry suggestion rule $1 suggests (no row for an unknown rule).
SELECT principle_id FROM suggestion_rules WHERE id = $1
