-- One version of a notification rule the current tenant sees: $1 the id, $2 the version (0 =
-- the latest).
SELECT * FROM notification_rule_rows r
WHERE r.id = $1
  AND (($2::integer = 0 AND r.version = (SELECT max(l.version) FROM notification_rules l
                                          WHERE l.owner_key = r.owner_key AND l.id = r.id))
       OR r.version = $2::integer)
