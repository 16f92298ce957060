-- V0011: response playbooks, their versions, runs (incident responses and drills), run steps and
-- run timelines, and the row views the playbook service's stores read.
-- Owner: playbook service. Tables: playbooks, playbook_versions, playbook_runs, run_steps,
-- run_events.
--
-- A playbook's content (title, purpose, owner, triggers, target times, steps, drill interval) is
-- kept per version as the JSON of airr.playbook.v1.Playbook, immutable once written; the
-- playbooks row points at the current version and repeats what queries filter and sort on. A run
-- copies its version's steps into run_steps, so progress and target-vs-actual figures are plain
-- columns that reports can aggregate in SQL.

CREATE TABLE playbooks (
  tenant_id uuid NOT NULL DEFAULT airr_current_tenant() REFERENCES tenants (id),
  id text NOT NULL CHECK (id ~ '^[a-z][a-z0-9-]{0,62}$'),
  current_version integer NOT NULL CHECK (current_version >= 1),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  -- Whether a triaged incident matching the triggers starts a run by itself.
  auto_start boolean NOT NULL,
  drill_interval_seconds bigint NOT NULL CHECK (drill_interval_seconds > 0),
  archive_time timestamptz,
  create_time timestamptz NOT NULL,
  update_time timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
-- The auto-start consumer loads the tenant's active automatic playbooks.
CREATE INDEX playbooks_auto_start ON playbooks (tenant_id, id)
  WHERE auto_start AND archive_time IS NULL;
ALTER TABLE playbooks ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON playbooks
  USING (tenant_id = airr_current_tenant()) WITH CHECK (tenant_id = airr_current_tenant());
GRANT SELECT, INSERT, UPDATE ON playbooks TO airr_app;

CREATE TABLE playbook_versions (
  tenant_id uuid NOT NULL DEFAULT airr_current_tenant() REFERENCES tenants (id),
  playbook_id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  -- airr.playbook.v1.Playbook as JSON, definition fields only.
  definition jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object'),
  -- Who made the version, as the audit trail names them.
  author text NOT NULL,
  change_note text NOT NULL DEFAULT '' CHECK (length(change_note) <= 1000),
  create_time timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, playbook_id, version),
  FOREIGN KEY (tenant_id, playbook_id) REFERENCES playbooks (tenant_id, id)
);
ALTER TABLE playbook_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON playbook_versions
  USING (tenant_id = airr_current_tenant()) WITH CHECK (tenant_id = airr_current_tenant());
-- Versions are immutable: the service may only add them.
GRANT SELECT, INSERT ON playbook_versions TO airr_app;

CREATE TABLE playbook_runs (
  tenant_id uuid NOT NULL DEFAULT airr_current_tenant() REFERENCES tenants (id),
  playbook_id text NOT NULL,
  id text NOT NULL CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  playbook_version integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('RUN_KIND_INCIDENT', 'RUN_KIND_DRILL')),
  incident_id text,
  start_mode text NOT NULL CHECK (start_mode IN ('START_MODE_MANUAL', 'START_MODE_AUTOMATIC')),
  state text NOT NULL
    CHECK (state IN ('RUN_STATE_ACTIVE', 'RUN_STATE_COMPLETED', 'RUN_STATE_ABORTED')),
  -- airr.playbook.v1.Drill as JSON; set exactly for drills.
  drill jsonb CHECK (drill IS NULL OR jsonb_typeof(drill) = 'object'),
  -- airr.playbook.v1.RunEvaluation as JSON.
  evaluation jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(evaluation) = 'object'),
  bcp boolean NOT NULL,
  start_time timestamptz NOT NULL,
  end_time timestamptz,
  started_by text NOT NULL,
  ended_by text NOT NULL DEFAULT '',
  abort_reason text NOT NULL DEFAULT '',
  summary text NOT NULL DEFAULT '',
  version bigint NOT NULL DEFAULT 1,
  create_request_id uuid,
  create_time timestamptz NOT NULL,
  update_time timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, playbook_id, id),
  FOREIGN KEY (tenant_id, playbook_id, playbook_version)
    REFERENCES playbook_versions (tenant_id, playbook_id, version),
  FOREIGN KEY (tenant_id, incident_id) REFERENCES incidents (tenant_id, id),
  CHECK ((kind = 'RUN_KIND_INCIDENT') = (incident_id IS NOT NULL)),
  CHECK ((kind = 'RUN_KIND_DRILL') = (drill IS NOT NULL)),
  CHECK ((state = 'RUN_STATE_ACTIVE') = (end_time IS NULL))
);
-- Never two live runs of one playbook for one incident, however they were started (by hand, by
-- the incident feed on several replicas, or both). An aborted run does not count.
CREATE UNIQUE INDEX playbook_runs_one_per_incident ON playbook_runs
  (tenant_id, playbook_id, incident_id)
  WHERE incident_id IS NOT NULL AND state <> 'RUN_STATE_ABORTED';
CREATE UNIQUE INDEX playbook_runs_create_request ON playbook_runs (tenant_id, create_request_id);
-- Listings newest first, per playbook and across the tenant.
CREATE INDEX playbook_runs_by_start ON playbook_runs (tenant_id, start_time, playbook_id, id);
CREATE INDEX playbook_runs_by_incident ON playbook_runs (tenant_id, incident_id)
  WHERE incident_id IS NOT NULL;
-- The drill cadence reads each playbook's last completed drill.
CREATE INDEX playbook_runs_completed_drills ON playbook_runs (tenant_id, playbook_id, end_time)
  WHERE kind = 'RUN_KIND_DRILL' AND state = 'RUN_STATE_COMPLETED';
ALTER TABLE playbook_runs ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON playbook_runs
  USING (tenant_id = airr_current_tenant()) WITH CHECK (tenant_id = airr_current_tenant());
GRANT SELECT, INSERT, UPDATE ON playbook_runs TO airr_app;

CREATE TABLE run_steps (
  tenant_id uuid NOT NULL DEFAULT airr_current_tenant() REFERENCES tenants (id),
  playbook_id text NOT NULL,
  run_id text NOT NULL,
  step_id text NOT NULL,
  -- The step's position in the playbook version, from 1.
  ordinal integer NOT NULL CHECK (ordinal >= 1),
  title text NOT NULL,
  instructions text NOT NULL DEFAULT '',
  role text NOT NULL,
  target_offset_seconds bigint NOT NULL CHECK (target_offset_seconds >= 0),
  depends_on text[] NOT NULL DEFAULT '{}',
  mandatory boolean NOT NULL,
  kind text NOT NULL,
  milestone text NOT NULL,
  state text NOT NULL CHECK (state IN ('STEP_STATE_PENDING', 'STEP_STATE_IN_PROGRESS',
                                       'STEP_STATE_DONE', 'STEP_STATE_SKIPPED')),
  start_time timestamptz,
  end_time timestamptz,
  started_by text NOT NULL DEFAULT '',
  ended_by text NOT NULL DEFAULT '',
  notes text NOT NULL DEFAULT '',
  skip_reason text NOT NULL DEFAULT '',
  skip_override boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, playbook_id, run_id, step_id),
  UNIQUE (tenant_id, playbook_id, run_id, ordinal),
  FOREIGN KEY (tenant_id, playbook_id, run_id) REFERENCES playbook_runs (tenant_id, playbook_id, id),
  CHECK (end_time IS NULL OR start_time IS NULL OR end_time >= start_time),
  CHECK (NOT skip_override OR state = 'STEP_STATE_SKIPPED')
);
ALTER TABLE run_steps ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON run_steps
  USING (tenant_id = airr_current_tenant()) WITH CHECK (tenant_id = airr_current_tenant());
GRANT SELECT, INSERT, UPDATE ON run_steps TO airr_app;

-- A run's timeline: append-only.
CREATE TABLE run_events (
  tenant_id uuid NOT NULL DEFAULT airr_current_tenant() REFERENCES tenants (id),
  playbook_id text NOT NULL,
  run_id text NOT NULL,
  seq integer NOT NULL CHECK (seq >= 1),
  type text NOT NULL,
  occur_time timestamptz NOT NULL,
  step_id text NOT NULL DEFAULT '',
  actor text NOT NULL,
  title text NOT NULL DEFAULT '',
  text text NOT NULL DEFAULT '',
  create_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, playbook_id, run_id, seq),
  FOREIGN KEY (tenant_id, playbook_id, run_id) REFERENCES playbook_runs (tenant_id, playbook_id, id)
);
ALTER TABLE run_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON run_events
  USING (tenant_id = airr_current_tenant()) WITH CHECK (tenant_id = airr_current_tenant());
GRANT SELECT, INSERT ON run_events TO airr_app;

-- The rows as the stores read them: API columns, timestamps as epoch microseconds, and the raw
-- columns queries filter and page on. A playbook row is the playbook with its current version.
CREATE VIEW playbook_rows WITH (security_invoker = true) AS
  SELECT p.id, p.current_version, p.display_name, p.auto_start, p.drill_interval_seconds,
         p.archive_time, p.create_time, v.definition, v.author, v.change_note,
         (extract(epoch FROM v.create_time) * 1000000)::bigint AS version_create_time_us,
         (extract(epoch FROM p.archive_time) * 1000000)::bigint AS archive_time_us,
         (extract(epoch FROM p.create_time) * 1000000)::bigint AS create_time_us,
         (extract(epoch FROM p.update_time) * 1000000)::bigint AS update_time_us,
         (SELECT (extract(epoch FROM max(r.end_time)) * 1000000)::bigint
          FROM playbook_runs r
          WHERE r.tenant_id = p.tenant_id AND r.playbook_id = p.id
            AND r.kind = 'RUN_KIND_DRILL' AND r.state = 'RUN_STATE_COMPLETED')
           AS last_drill_time_us
  FROM playbooks p
  JOIN playbook_versions v
    ON v.tenant_id = p.tenant_id AND v.playbook_id = p.id AND v.version = p.current_version;
GRANT SELECT ON playbook_rows TO airr_app;

CREATE VIEW playbook_version_rows WITH (security_invoker = true) AS
  SELECT v.playbook_id, v.version, v.definition, v.author, v.change_note,
         (extract(epoch FROM v.create_time) * 1000000)::bigint AS version_create_time_us,
         (extract(epoch FROM p.archive_time) * 1000000)::bigint AS archive_time_us,
         (extract(epoch FROM p.create_time) * 1000000)::bigint AS create_time_us,
         (extract(epoch FROM p.update_time) * 1000000)::bigint AS update_time_us
  FROM playbook_versions v
  JOIN playbooks p ON p.tenant_id = v.tenant_id AND p.id = v.playbook_id;
GRANT SELECT ON playbook_version_rows TO airr_app;

CREATE VIEW run_rows WITH (security_invoker = true) AS
  SELECT playbook_id, id, playbook_version, kind, COALESCE(incident_id, '') AS incident_id,
         start_mode, state, drill, evaluation, bcp, started_by, ended_by, abort_reason, summary,
         version, create_request_id, start_time,
         (extract(epoch FROM start_time) * 1000000)::bigint AS start_time_us,
         (extract(epoch FROM end_time) * 1000000)::bigint AS end_time_us,
         (extract(epoch FROM create_time) * 1000000)::bigint AS create_time_us,
         (extract(epoch FROM update_time) * 1000000)::bigint AS update_time_us
  FROM playbook_runs;
GRANT SELECT ON run_rows TO airr_app;

CREATE VIEW run_step_rows WITH (security_invoker = true) AS
  SELECT playbook_id, run_id, step_id, ordinal, title, instructions, role, target_offset_seconds,
         depends_on, mandatory, kind, milestone, state, started_by, ended_by, notes, skip_reason,
         skip_override,
         (extract(epoch FROM start_time) * 1000000)::bigint AS start_time_us,
         (extract(epoch FROM end_time) * 1000000)::bigint AS end_time_us
  FROM run_steps;
GRANT SELECT ON run_step_rows TO airr_app;

CREATE VIEW run_event_rows WITH (security_invoker = true) AS
  SELECT playbook_id, run_id, seq, type, step_id, actor, title, text,
         (extract(epoch FROM occur_time) * 1000000)::bigint AS occur_time_us
  FROM run_events;
GRANT SELECT ON run_event_rows TO airr_app;
