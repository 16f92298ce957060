-- One page of the tenant's policy principles by code (then id): deleted ones too when $1, after
-- (code $2, id $3) unless $4 is false (the first page), at most $5 rows.
SELECT * FROM policy_principle_rows
WHERE ($1::boolean OR delete_time IS NULL)
  AND (NOT $4::boolean OR (code, id) > ($2, $3))
ORDER BY code, id
LIMIT $5::int
