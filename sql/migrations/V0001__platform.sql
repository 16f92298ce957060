-- V0001: the platform every service stands on.
-- Owner: platform (libs/auth, libs/pg, airr-admin). Tables: tenants, api_principals,
-- audit_chain_heads, audit_log, outbox_events, server_secrets.
--
-- Tenancy: every tenant table has tenant_id leading its primary key, defaults it from the
-- transaction's airr.tenant_id setting, and has a row-level-security policy restricting it to that
-- tenant. Services run as airr_app, which owns nothing and cannot bypass RLS; without
-- airr.tenant_id set, airr_current_tenant() is NULL and every policy hides every row.

DO $$
BEGIN
  CREATE ROLE airr_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  -- Roles are cluster-wide: another database of the cluster created it already, or is creating
  -- it right now (the migration lock is per database, so that race gives unique_violation).
  NULL;
END
$$;

REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO airr_app;

-- The tenant of the current transaction, or NULL when none is set.
CREATE FUNCTION airr_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('airr.tenant_id', true), '')::uuid $$;

CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE CHECK (name ~ '^[a-z][a-z0-9-]{0,62}$'),
  create_time timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants USING (id = airr_current_tenant());
GRANT SELECT ON tenants TO airr_app;

-- Callers of the API. Tokens are random, shown once, and stored only as their SHA-256.
CREATE TABLE api_principals (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role text NOT NULL
    CHECK (role IN ('viewer', 'reporter', 'analyst', 'responder', 'admin', 'auditor')),
  token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
  create_time timestamptz NOT NULL DEFAULT now(),
  revoke_time timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX api_principals_active_name ON api_principals (tenant_id, name)
  WHERE revoke_time IS NULL;
ALTER TABLE api_principals ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_principals USING (tenant_id = airr_current_tenant());

-- Resolves a token hash to its principal before any tenant is known. It is the only way the
-- service role reaches api_principals (it has no privilege on the table itself).
CREATE FUNCTION airr_authenticate(p_token_hash bytea)
  RETURNS TABLE (tenant_id uuid, principal_id uuid, principal_name text, role text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT p.tenant_id, p.id, p.name, p.role
    FROM api_principals p
    WHERE p.token_hash = p_token_hash AND p.revoke_time IS NULL
  $$;
REVOKE ALL ON FUNCTION airr_authenticate(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION airr_authenticate(bytea) TO airr_app;

-- The audit trail: one row per mutation, appended in the mutation's transaction. Each row's hash
-- covers its content and the previous row's hash of the same tenant, so any change, insertion
-- or removal breaks the chain (airr-admin audit verify). airr_app may only INSERT.
CREATE TABLE audit_chain_heads (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
  last_seq bigint NOT NULL,
  last_hash bytea NOT NULL
);

CREATE TABLE audit_log (
  tenant_id uuid NOT NULL DEFAULT airr_current_tenant() REFERENCES tenants (id),
  seq bigint NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  rpc text NOT NULL,
  resource_name text NOT NULL,
  before jsonb,
  after jsonb,
  request_id text NOT NULL DEFAULT '',
  prev_hash bytea NOT NULL,
  hash bytea NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_log
  USING (tenant_id = airr_current_tenant()) WITH CHECK (tenant_id = airr_current_tenant());
GRANT INSERT ON audit_log TO airr_app;

-- The canonical hash of an audit row: SHA-256 over the previous hash and every field, each
-- length-prefixed so no two different rows serialize alike. Used by the insert trigger and by
-- the verifier, so both agree on one definition.
CREATE FUNCTION audit_row_hash(p_prev bytea, p_tenant uuid, p_seq bigint, p_at timestamptz,
                               p_actor text, p_rpc text, p_resource text, p_before jsonb,
                               p_after jsonb, p_request_id text) RETURNS bytea
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT sha256(p_prev || convert_to(
      (SELECT string_agg(length(f)::text || ':' || f, '|' ORDER BY ord)
       FROM unnest(ARRAY[
         p_tenant::text, p_seq::text,
         (extract(epoch FROM p_at) * 1000000)::bigint::text,
         p_actor, p_rpc, p_resource,
         coalesce(p_before::text, '-'), coalesce(p_after::text, '-'), p_request_id
       ]) WITH ORDINALITY AS t (f, ord)), 'UTF8'))
  $$;

CREATE FUNCTION audit_log_chain() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    head audit_chain_heads%ROWTYPE;
  BEGIN
    INSERT INTO audit_chain_heads (tenant_id, last_seq, last_hash)
      VALUES (NEW.tenant_id, 0, ''::bytea) ON CONFLICT (tenant_id) DO NOTHING;
    -- The row lock serializes the appends of one tenant until commit, so seq has no gaps.
    SELECT * INTO head FROM audit_chain_heads h WHERE h.tenant_id = NEW.tenant_id FOR UPDATE;
    NEW.seq := head.last_seq + 1;
    NEW.prev_hash := head.last_hash;
    NEW.hash := audit_row_hash(NEW.prev_hash, NEW.tenant_id, NEW.seq, NEW.occurred_at, NEW.actor,
                               NEW.rpc, NEW.resource_name, NEW.before, NEW.after, NEW.request_id);
    UPDATE audit_chain_heads SET last_seq = NEW.seq, last_hash = NEW.hash
      WHERE audit_chain_heads.tenant_id = NEW.tenant_id;
    RETURN NEW;
  END
  $$;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

-- The outbox: events other services react to, written in the same transaction as the change and
-- announced with NOTIFY airr_outbox. Consumers read by id cursor, so nothing is lost while they
-- are down.
CREATE TABLE outbox_events (
  tenant_id uuid NOT NULL DEFAULT airr_current_tenant() REFERENCES tenants (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  topic text NOT NULL,
  resource_name text NOT NULL,
  payload jsonb NOT NULL,
  create_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX outbox_events_id ON outbox_events (id);
ALTER TABLE outbox_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbox_events
  USING (tenant_id = airr_current_tenant()) WITH CHECK (tenant_id = airr_current_tenant());
GRANT SELECT, INSERT ON outbox_events TO airr_app;

CREATE FUNCTION outbox_notify() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    PERFORM pg_notify('airr_outbox', NEW.topic);
    RETURN NULL;
  END
  $$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox_events
  FOR EACH ROW EXECUTE FUNCTION outbox_notify();

-- Secrets shared by all replicas, generated once per database. The service role reads them only
-- through airr_server_secret().
CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  secret bytea NOT NULL CHECK (length(secret) >= 32)
);
INSERT INTO server_secrets (name, secret)
  VALUES ('page_token_key',
          decode(replace(gen_random_uuid()::text || gen_random_uuid()::text
                         || gen_random_uuid()::text, '-', ''), 'hex'));

CREATE FUNCTION airr_server_secret(p_name text) RETURNS bytea
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT secret FROM server_secrets WHERE name = p_name $$;
REVOKE ALL ON FUNCTION airr_server_secret(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION airr_server_secret(text) TO airr_app;
