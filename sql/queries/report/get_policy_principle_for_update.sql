-- One policy principle of the transaction's tenant, locked for a change.
SELECT * FROM policy_principle_rows
WHERE id = (SELECT id FROM policy_principles WHERE id = $1 FOR UPDATE)
