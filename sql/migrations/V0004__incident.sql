-- V0004: the incident register.
-- Owner: incident service. Tables: incidents, incident_timeline_events, signal_groups,
-- signal_batches, signals. Other services read incidents_v and refer to an incident by
-- (tenant_id, id) foreign keys.
--
-- Enumerations are stored as proto enum value names (e.g. 'SEVERITY_SEV1'), as in V0003.

CREATE TABLE incidents (
  tenant_id uuid NOT NULL DEFAULT airr_current_tenant() REFERENCES tenants (id),
  id text NOT NULL CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  ai_system_id text NOT NULL,
  -- The AI system's resource name, for filters ("ai_system = aiSystems/x") over an index.
  ai_system text GENERATED ALWAYS AS ('aiSystems/' || ai_system_id) STORED,
  kind text NOT NULL,
  severity text NOT NULL,
  state text NOT NULL,
  occur_time timestamptz,
  detect_time timestamptz NOT NULL,
  report_time timestamptz NOT NULL,
  aware_time timestamptz NOT NULL,
  reporter text NOT NULL,
  owner text NOT NULL DEFAULT '',
  harm_types text[] NOT NULL DEFAULT '{}',
  affected_parties text[] NOT NULL DEFAULT '{}',
  affected_people bigint NOT NULL DEFAULT 0 CHECK (affected_people >= 0),
  deaths integer NOT NULL DEFAULT 0 CHECK (deaths >= 0),
  serious_injuries integer NOT NULL DEFAULT 0 CHECK (serious_injuries >= 0),
  fundamental_rights_infringed boolean NOT NULL DEFAULT false,
  personal_data_involved boolean NOT NULL DEFAULT false,
  personal_data_breached boolean NOT NULL DEFAULT false,
  breach_types text[] NOT NULL DEFAULT '{}',
  breach_categories text[] NOT NULL DEFAULT '{}',
  breach_persons bigint NOT NULL DEFAULT 0 CHECK (breach_persons >= 0),
  breach_aware_time timestamptz,
  jurisdictions text[] NOT NULL DEFAULT '{}',
  detection_source text NOT NULL,
  cause_hints text[] NOT NULL DEFAULT '{}',
  immediate_actions text[] NOT NULL DEFAULT '{}',
  labels jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(labels) = 'object'),
  triage_time timestamptz,
  mitigation_start_time timestamptz,
  resolve_time timestamptz,
  close_time timestamptz,
  resolution_summary text NOT NULL DEFAULT '',
  post_incident_review text NOT NULL DEFAULT '',
  bcp_invoked boolean NOT NULL DEFAULT false,
  reject_reason text NOT NULL DEFAULT 'REJECT_REASON_UNSPECIFIED',
  merged_into text,
  signal_fingerprint text NOT NULL DEFAULT '',
  signal_count bigint NOT NULL DEFAULT 0,
  first_signal_time timestamptz,
  last_signal_time timestamptz,
  -- The number of the incident's last timeline event (events count from 1).
  timeline_seq bigint NOT NULL DEFAULT 0,
  version bigint NOT NULL DEFAULT 1,
  create_request_id uuid,
  create_time timestamptz NOT NULL DEFAULT now(),
  update_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, ai_system_id) REFERENCES ai_systems (tenant_id, id),
  FOREIGN KEY (tenant_id, merged_into) REFERENCES incidents (tenant_id, id),
  CHECK (merged_into IS NULL OR merged_into <> id)
);
CREATE UNIQUE INDEX incidents_create_request ON incidents (tenant_id, create_request_id);
-- Keyset pagination for each allowed order_by, the id breaking ties; the first also serves the
-- default listing and detect_time range filters.
CREATE INDEX incidents_by_detect_time ON incidents (tenant_id, detect_time, id);
CREATE INDEX incidents_by_report_time ON incidents (tenant_id, report_time, id);
CREATE INDEX incidents_by_create_time ON incidents (tenant_id, create_time, id);
CREATE INDEX incidents_by_update_time ON incidents (tenant_id, update_time, id);
CREATE INDEX incidents_by_severity ON incidents (tenant_id, severity, id);
CREATE INDEX incidents_by_title ON incidents (tenant_id, title, id);
-- Common filters: the open work queue and one system's incidents.
CREATE INDEX incidents_by_state ON incidents (tenant_id, state, detect_time);
CREATE INDEX incidents_by_ai_system ON incidents (tenant_id, ai_system, detect_time);

ALTER TABLE incidents ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON incidents
  USING (tenant_id = airr_current_tenant()) WITH CHECK (tenant_id = airr_current_tenant());
GRANT SELECT, INSERT, UPDATE ON incidents TO airr_app;

-- The append-only timeline. airr_app may insert and read, never change or delete.
CREATE TABLE incident_timeline_events (
  tenant_id uuid NOT NULL DEFAULT airr_current_tenant() REFERENCES tenants (id),
  incident_id text NOT NULL,
  seq bigint NOT NULL CHECK (seq >= 1),
  type text NOT NULL,
  occur_time timestamptz NOT NULL,
  create_time timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  text text NOT NULL DEFAULT '',
  from_state text NOT NULL DEFAULT 'STATE_UNSPECIFIED',
  to_state text NOT NULL DEFAULT 'STATE_UNSPECIFIED',
  attributes jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(attributes) = 'object'),
  PRIMARY KEY (tenant_id, incident_id, seq),
  FOREIGN KEY (tenant_id, incident_id) REFERENCES incidents (tenant_id, id)
);
ALTER TABLE incident_timeline_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON incident_timeline_events
  USING (tenant_id = airr_current_tenant()) WITH CHECK (tenant_id = airr_current_tenant());
GRANT SELECT, INSERT ON incident_timeline_events TO airr_app;

-- One row per monitor fingerprint: the incident its signals currently go to. Its row lock
-- serializes the batches that carry the same fingerprint, so concurrent batches never open two
-- incidents for one fingerprint.
CREATE TABLE signal_groups (
  tenant_id uuid NOT NULL DEFAULT airr_current_tenant() REFERENCES tenants (id),
  fingerprint text NOT NULL,
  incident_id text,
  PRIMARY KEY (tenant_id, fingerprint),
  FOREIGN KEY (tenant_id, incident_id) REFERENCES incidents (tenant_id, id)
);
ALTER TABLE signal_groups ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON signal_groups
  USING (tenant_id = airr_current_tenant()) WITH CHECK (tenant_id = airr_current_tenant());
GRANT SELECT, INSERT, UPDATE ON signal_groups TO airr_app;

-- Every committed batch and its acknowledgement, so a resent batch is answered, not rewritten.
CREATE TABLE signal_batches (
  tenant_id uuid NOT NULL DEFAULT airr_current_tenant() REFERENCES tenants (id),
  batch_id uuid NOT NULL,
  ack jsonb NOT NULL,
  create_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, batch_id)
);
ALTER TABLE signal_batches ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON signal_batches
  USING (tenant_id = airr_current_tenant()) WITH CHECK (tenant_id = airr_current_tenant());
GRANT SELECT, INSERT, UPDATE ON signal_batches TO airr_app;

CREATE TABLE signals (
  tenant_id uuid NOT NULL DEFAULT airr_current_tenant() REFERENCES tenants (id),
  incident_id text NOT NULL,
  -- The signal's number within its incident, counting from 1.
  seq bigint NOT NULL,
  batch_id uuid NOT NULL,
  source text NOT NULL,
  ai_system_id text NOT NULL,
  kind text NOT NULL,
  fingerprint text NOT NULL,
  severity_hint text NOT NULL,
  attributes jsonb NOT NULL DEFAULT '{}',
  observe_time timestamptz NOT NULL,
  summary text NOT NULL DEFAULT '',
  receive_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, incident_id, seq),
  FOREIGN KEY (tenant_id, incident_id) REFERENCES incidents (tenant_id, id),
  FOREIGN KEY (tenant_id, ai_system_id) REFERENCES ai_systems (tenant_id, id)
);
ALTER TABLE signals ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON signals
  USING (tenant_id = airr_current_tenant()) WITH CHECK (tenant_id = airr_current_tenant());
GRANT SELECT, INSERT ON signals TO airr_app;

-- The read-only view other services use (reports, notifications, playbook triggers).
CREATE VIEW incidents_v WITH (security_invoker = true) AS
  SELECT tenant_id, id, title, ai_system_id, kind, severity, state, occur_time, detect_time,
         report_time, aware_time, owner, harm_types, affected_people, deaths, serious_injuries,
         fundamental_rights_infringed, personal_data_involved, personal_data_breached,
         breach_types, breach_categories, breach_persons, breach_aware_time, jurisdictions,
         detection_source, cause_hints, immediate_actions, labels, triage_time,
         mitigation_start_time, resolve_time, close_time, bcp_invoked, merged_into, signal_count,
         create_time, update_time
  FROM incidents;
GRANT SELECT ON incidents_v TO airr_app;

-- The rows as the incident API reads them: every column plus timestamps as epoch microseconds.
CREATE VIEW incident_rows WITH (security_invoker = true) AS
  SELECT i.*,
         (extract(epoch FROM occur_time) * 1000000)::bigint AS occur_time_us,
         (extract(epoch FROM detect_time) * 1000000)::bigint AS detect_time_us,
         (extract(epoch FROM report_time) * 1000000)::bigint AS report_time_us,
         (extract(epoch FROM aware_time) * 1000000)::bigint AS aware_time_us,
         (extract(epoch FROM breach_aware_time) * 1000000)::bigint AS breach_aware_time_us,
         (extract(epoch FROM triage_time) * 1000000)::bigint AS triage_time_us,
         (extract(epoch FROM mitigation_start_time) * 1000000)::bigint AS mitigation_start_time_us,
         (extract(epoch FROM resolve_time) * 1000000)::bigint AS resolve_time_us,
         (extract(epoch FROM close_time) * 1000000)::bigint AS close_time_us,
         (extract(epoch FROM first_signal_time) * 1000000)::bigint AS first_signal_time_us,
         (extract(epoch FROM last_signal_time) * 1000000)::bigint AS last_signal_time_us,
         (extract(epoch FROM create_time) * 1000000)::bigint AS create_time_us,
         (extract(epoch FROM update_time) * 1000000)::bigint AS update_time_us
  FROM incidents i;
GRANT SELECT ON incident_rows TO airr_app;

-- Outbox reads by cursor for one tenant (WatchIncidents): the primary key (tenant_id, id) serves
-- them. The per-tenant audit chain lock, taken before any outbox row is inserted, makes id order
-- the commit order within a tenant (docs/adr/0007).
