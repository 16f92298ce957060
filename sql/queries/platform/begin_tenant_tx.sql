-- Scopes the current transaction to one tenant (row-level security) and caps each statement at
-- the caller's remaining deadline. Both settings end with the transaction.
SELECT set_config('airr.tenant_id', $1, true), set_config('statement_timeout', $2, true)
