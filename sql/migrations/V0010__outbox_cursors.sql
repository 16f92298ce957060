-- V0010: where each background consumer of the outbox stands, per tenant (playbook auto-start
-- now; risk review triggers and export schedules later).
-- Owner: platform (libs/pg/outbox_consumer). Tables: outbox_cursors.
--
-- A consumer processes one tenant's events in one transaction that also advances the tenant's
-- cursor, holding the cursor row locked (FOR UPDATE SKIP LOCKED): replicas of one consumer never
-- process a tenant at the same time, and an event's effects and the cursor move commit together,
-- so no event is lost or handled twice across crashes. Outbox ids follow commit order within a
-- tenant (ADR 0007), which is what makes a per-tenant id cursor sound.

CREATE TABLE outbox_cursors (
  tenant_id uuid NOT NULL DEFAULT airr_current_tenant() REFERENCES tenants (id),
  consumer text NOT NULL CHECK (consumer ~ '^[a-z][a-z0-9_.-]{0,62}$'),
  last_id bigint NOT NULL DEFAULT 0 CHECK (last_id >= 0),
  update_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, consumer)
);
ALTER TABLE outbox_cursors ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbox_cursors
  USING (tenant_id = airr_current_tenant()) WITH CHECK (tenant_id = airr_current_tenant());
GRANT SELECT, INSERT, UPDATE ON outbox_cursors TO airr_app;

-- The tenants that have outbox events after `p_consumer`'s cursor. It is the only cross-tenant
-- read a consumer makes (it reveals tenant ids, nothing of their rows); the events themselves are
-- then read in a transaction of each tenant, under row-level security.
CREATE FUNCTION airr_outbox_backlog(p_consumer text)
  RETURNS TABLE (tenant_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT t.id
    FROM tenants t
    WHERE EXISTS (
      SELECT 1 FROM outbox_events e
      WHERE e.tenant_id = t.id
        AND e.id > COALESCE((SELECT c.last_id FROM outbox_cursors c
                             WHERE c.tenant_id = t.id AND c.consumer = p_consumer), 0))
    ORDER BY t.id
  $$;
REVOKE ALL ON FUNCTION airr_outbox_backlog(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION airr_outbox_backlog(text) TO airr_app;
