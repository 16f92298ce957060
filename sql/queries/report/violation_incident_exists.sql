-- Whether the transaction's tenant has incident $1 (read through the incident service's view).
SELECT 1 FROM incidents_v WHERE id = $1
