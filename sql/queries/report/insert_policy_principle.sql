-- Adds a policy principle of the transaction's tenant: id $1, code $2, title $3, description $4,
-- mapped catalog ids $5 (text[]).
INSERT INTO policy_principles (id, code, title, description, mapped_principles)
VALUES ($1, $2, $3, $4, $5::text[])
