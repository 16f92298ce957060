-- Locks the groups of the fingerprints in $1, in fingerprint order, until the transaction ends,
-- and returns the incident each currently feeds (NULL for none yet).
SELECT fingerprint, incident_id FROM signal_groups
WHERE fingerprint = ANY($1::text[])
ORDER BY fingerprint
FOR UPDATE
