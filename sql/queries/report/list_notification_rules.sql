-- One page of the notification rules the current tenant sees (seeded and its own, RLS), by id
-- and version, with the tenant's enabled setting (else the rule's default). $1 the regime ('' =
-- all); $2 every version (else only the latest of each rule); $3, $4 the id and version of the
-- previous page's last row ($3 '' on the first page); $5 the LIMIT.
SELECT * FROM notification_rule_rows r
WHERE ($1 = '' OR r.regime = $1)
  AND ($2::boolean OR r.version = (SELECT max(l.version) FROM notification_rules l
                                   WHERE l.owner_key = r.owner_key AND l.id = r.id))
  AND ($3 = '' OR (r.id, r.version) > ($3, $4::integer))
ORDER BY r.id, r.version
LIMIT $5::bigint
