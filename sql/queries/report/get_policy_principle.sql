-- One policy principle of the transaction's tenant, deleted ones included.
SELECT * FROM policy_principle_rows
WHERE id = $1
