-- Points the groups of fingerprints $1 at incidents $2 (pairwise).
UPDATE signal_groups AS g SET incident_id = v.incident_id
FROM unnest($1::text[], $2::text[]) AS v (fingerprint, incident_id)
WHERE g.fingerprint = v.fingerprint
