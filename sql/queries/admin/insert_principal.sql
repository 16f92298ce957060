-- Registers an API principal of a tenant with the SHA-256 (hex) of its token.
INSERT INTO api_principals (tenant_id, name, role, token_hash)
VALUES ($1::uuid, $2, $3, decode($4, 'hex'))
RETURNING id::text
