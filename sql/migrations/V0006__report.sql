-- V0006: the report service's tables: principle violations, mitigations and notification
-- obligations of incidents, the tenant's policy principles, and the rule tables that drive
-- suggestions (suggestion_rules) and notification clocks (notification_rules).
-- Owner: report service. Tables: policy_principles, suggestion_rules, violations, mitigations,
-- notification_rules, notification_rule_settings, notifications.
--
-- Enumerations are stored as proto enum value names (airr.report.v1), as in V0003. Principle ids
-- are the catalog's ('C03.1'). Incidents are referred to by (tenant_id, incident_id) foreign keys.
-- The seeded rows of suggestion_rules and notification_rules follow in later migrations.

-- The tenant's own AI-policy principles, mapped onto catalog entries.
CREATE TABLE policy_principles (
  tenant_id uuid NOT NULL DEFAULT airr_current_tenant() REFERENCES tenants (id),
  id text NOT NULL CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  code text NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  -- Catalog ids ('C03', 'C03.1'); each is checked against principles by the store.
  mapped_principles text[] NOT NULL CHECK (cardinality(mapped_principles) BETWEEN 1 AND 20),
  version bigint NOT NULL DEFAULT 1,
  create_time timestamptz NOT NULL DEFAULT now(),
  update_time timestamptz NOT NULL DEFAULT now(),
  delete_time timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX policy_principles_code ON policy_principles (tenant_id, code)
  WHERE delete_time IS NULL;
CREATE INDEX policy_principles_mapped ON policy_principles USING gin (mapped_principles);
ALTER TABLE policy_principles ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON policy_principles
  USING (tenant_id = airr_current_tenant()) WITH CHECK (tenant_id = airr_current_tenant());
GRANT SELECT, INSERT, UPDATE ON policy_principles TO airr_app;

-- Which incident facts suggest which principle (reference data, the same for every tenant).
CREATE TABLE suggestion_rules (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  principle_id text NOT NULL REFERENCES principles (id),
  fact text NOT NULL,
  match_values text[] NOT NULL DEFAULT '{}',
  confidence text NOT NULL,
  description text NOT NULL
);
GRANT SELECT ON suggestion_rules TO airr_app;

-- Incident -> violated principle links. One active (not unlinked) link per incident and
-- principle; unlinked ones stay as records.
CREATE TABLE violations (
  tenant_id uuid NOT NULL DEFAULT airr_current_tenant() REFERENCES tenants (id),
  incident_id text NOT NULL,
  id text NOT NULL,
  principle_id text NOT NULL REFERENCES principles (id),
  rationale text NOT NULL CHECK (length(rationale) BETWEEN 1 AND 4000),
  evidence_refs text[] NOT NULL DEFAULT '{}',
  confidence text NOT NULL,
  suggestion_rule_id text REFERENCES suggestion_rules (id),
  state text NOT NULL,
  -- Names as recorded in the audit trail, and the principal ids that the four-eyes rule compares.
  assessor text NOT NULL,
  assessor_id text NOT NULL,
  assess_time timestamptz NOT NULL,
  confirmer text NOT NULL DEFAULT '',
  confirmer_id text NOT NULL DEFAULT '',
  confirm_time timestamptz,
  confirm_note text NOT NULL DEFAULT '',
  unlinked_by text NOT NULL DEFAULT '',
  unlink_time timestamptz,
  unlink_reason text NOT NULL DEFAULT '',
  version bigint NOT NULL DEFAULT 1,
  create_time timestamptz NOT NULL DEFAULT now(),
  update_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, incident_id, id),
  FOREIGN KEY (tenant_id, incident_id) REFERENCES incidents (tenant_id, id),
  CHECK ((confirm_time IS NULL) = (confirmer_id = '')),
  CHECK (confirmer_id = '' OR confirmer_id <> assessor_id)
);
CREATE UNIQUE INDEX violations_active_principle ON violations (tenant_id, incident_id, principle_id)
  WHERE state <> 'VIOLATION_STATE_UNLINKED';
-- Newest-first listings, per incident and across the tenant.
CREATE INDEX violations_by_create_time ON violations (tenant_id, create_time, incident_id, id);
CREATE INDEX violations_by_principle ON violations (tenant_id, principle_id);
ALTER TABLE violations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON violations
  USING (tenant_id = airr_current_tenant()) WITH CHECK (tenant_id = airr_current_tenant());
GRANT SELECT, INSERT, UPDATE ON violations TO airr_app;

CREATE TABLE mitigations (
  tenant_id uuid NOT NULL DEFAULT airr_current_tenant() REFERENCES tenants (id),
  incident_id text NOT NULL,
  id text NOT NULL,
  -- The violation it addresses: the foreign key includes incident_id, so it must be a violation
  -- of the same incident.
  violation_id text,
  kind text NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  owner text NOT NULL CHECK (length(owner) BETWEEN 1 AND 200),
  due_time timestamptz NOT NULL,
  state text NOT NULL,
  begin_time timestamptz,
  complete_time timestamptz,
  completed_by text NOT NULL DEFAULT '',
  completed_by_id text NOT NULL DEFAULT '',
  completion_note text NOT NULL DEFAULT '',
  verifier text NOT NULL DEFAULT '',
  verifier_id text NOT NULL DEFAULT '',
  verify_time timestamptz,
  verification_method text NOT NULL DEFAULT '',
  cancel_time timestamptz,
  cancel_reason text NOT NULL DEFAULT '',
  version bigint NOT NULL DEFAULT 1,
  create_request_id uuid,
  create_time timestamptz NOT NULL DEFAULT now(),
  update_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, incident_id, id),
  FOREIGN KEY (tenant_id, incident_id) REFERENCES incidents (tenant_id, id),
  FOREIGN KEY (tenant_id, incident_id, violation_id)
    REFERENCES violations (tenant_id, incident_id, id),
  CHECK (verifier_id = '' OR verifier_id <> completed_by_id)
);
CREATE UNIQUE INDEX mitigations_create_request ON mitigations (tenant_id, create_request_id);
-- Listings by due time, per incident and across the tenant; the partial index serves the
-- overdue list (open mitigations by due time).
CREATE INDEX mitigations_by_due_time ON mitigations (tenant_id, due_time, incident_id, id);
CREATE INDEX mitigations_open_by_due_time ON mitigations (tenant_id, due_time, incident_id, id)
  WHERE state IN ('MITIGATION_STATE_PLANNED', 'MITIGATION_STATE_IN_PROGRESS');
ALTER TABLE mitigations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mitigations
  USING (tenant_id = airr_current_tenant()) WITH CHECK (tenant_id = airr_current_tenant());
GRANT SELECT, INSERT, UPDATE ON mitigations TO airr_app;

-- Notification rules, versioned. tenant_id is NULL for the seeded rules every tenant sees; a
-- tenant's own rules carry its id. owner_key makes the key total (NULL cannot be in a primary
-- key). A version is never changed once written; a new version closes the previous one by
-- setting its effective_to.
CREATE TABLE notification_rules (
  tenant_id uuid REFERENCES tenants (id),
  owner_key uuid GENERATED ALWAYS AS
    (COALESCE(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid)) STORED,
  id text NOT NULL CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  version int NOT NULL CHECK (version >= 1),
  regime text NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  citation text NOT NULL DEFAULT '',
  stage text NOT NULL,
  recipient_type text NOT NULL,
  recipient text NOT NULL CHECK (length(recipient) BETWEEN 1 AND 200),
  channel text NOT NULL DEFAULT '',
  clock_start text NOT NULL,
  previous_stage_rule text,
  deadline_amount int NOT NULL CHECK (deadline_amount BETWEEN 0 AND 10000),
  deadline_unit text NOT NULL,
  target_amount int CHECK (target_amount BETWEEN 0 AND 10000),
  target_unit text,
  statutory_deadline boolean NOT NULL,
  -- Conditions as a JSON array of airr.report.v1.RuleCondition in proto JSON form, e.g.
  -- [{"fact": "RULE_FACT_PERSONAL_DATA_BREACHED", "operator": "RULE_OPERATOR_IS_TRUE"}].
  all_of jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(all_of) = 'array'),
  any_of jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(any_of) = 'array'),
  precedence_group text NOT NULL DEFAULT '',
  effective_from timestamptz,
  effective_to timestamptz,
  source text NOT NULL DEFAULT '',
  -- Whether a tenant without a notification_rule_settings row applies the rule.
  default_enabled boolean NOT NULL DEFAULT true,
  create_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (owner_key, id, version),
  CHECK ((target_amount IS NULL) = (target_unit IS NULL)),
  CHECK ((clock_start = 'CLOCK_START_PREVIOUS_STAGE_SENT') = (previous_stage_rule IS NOT NULL)),
  CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to > effective_from)
);
ALTER TABLE notification_rules ENABLE ROW LEVEL SECURITY;
-- Every tenant reads the seeded rules and its own; it writes only its own.
CREATE POLICY tenant_isolation ON notification_rules
  USING (tenant_id IS NULL OR tenant_id = airr_current_tenant())
  WITH CHECK (tenant_id = airr_current_tenant());
GRANT SELECT, INSERT, UPDATE ON notification_rules TO airr_app;

-- A tenant's choice to apply a rule or not, with the reason.
CREATE TABLE notification_rule_settings (
  tenant_id uuid NOT NULL DEFAULT airr_current_tenant() REFERENCES tenants (id),
  rule_id text NOT NULL,
  enabled boolean NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  changed_by text NOT NULL,
  update_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, rule_id)
);
ALTER TABLE notification_rule_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notification_rule_settings
  USING (tenant_id = airr_current_tenant()) WITH CHECK (tenant_id = airr_current_tenant());
GRANT SELECT, INSERT, UPDATE ON notification_rule_settings TO airr_app;

-- Obligations: one per incident and rule. The rule's words (title, recipient, ...) are copied in
-- so the record keeps what applied when it was evaluated. Never deleted.
CREATE TABLE notifications (
  tenant_id uuid NOT NULL DEFAULT airr_current_tenant() REFERENCES tenants (id),
  incident_id text NOT NULL,
  id text NOT NULL,
  rule_id text NOT NULL,
  rule_version int NOT NULL,
  regime text NOT NULL,
  title text NOT NULL,
  citation text NOT NULL DEFAULT '',
  stage text NOT NULL,
  recipient_type text NOT NULL,
  recipient text NOT NULL,
  channel text NOT NULL DEFAULT '',
  clock_start text NOT NULL,
  clock_start_time timestamptz NOT NULL,
  provisional boolean NOT NULL DEFAULT false,
  due_time timestamptz NOT NULL,
  target_time timestamptz,
  statutory_deadline boolean NOT NULL,
  -- PENDING, SENT, ACKNOWLEDGED or NOT_REQUIRED; OVERDUE is derived when read.
  state text NOT NULL CHECK (state IN ('NOTIFICATION_STATE_PENDING', 'NOTIFICATION_STATE_SENT',
                                       'NOTIFICATION_STATE_ACKNOWLEDGED',
                                       'NOTIFICATION_STATE_NOT_REQUIRED')),
  not_required_reason text NOT NULL DEFAULT '',
  waived boolean NOT NULL DEFAULT false,
  sent_time timestamptz,
  sent_by text NOT NULL DEFAULT '',
  content_ref text NOT NULL DEFAULT '',
  evidence_refs text[] NOT NULL DEFAULT '{}',
  late_reason text NOT NULL DEFAULT '',
  ack_time timestamptz,
  recipient_reference text NOT NULL DEFAULT '',
  evaluate_time timestamptz NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  create_time timestamptz NOT NULL DEFAULT now(),
  update_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, incident_id, id),
  FOREIGN KEY (tenant_id, incident_id) REFERENCES incidents (tenant_id, id),
  UNIQUE (tenant_id, incident_id, rule_id),
  CHECK ((state IN ('NOTIFICATION_STATE_SENT', 'NOTIFICATION_STATE_ACKNOWLEDGED'))
         = (sent_time IS NOT NULL)),
  CHECK ((state = 'NOTIFICATION_STATE_NOT_REQUIRED') = (not_required_reason <> ''))
);
-- Listings by due time, per incident and across the tenant (the morning list); the partial index
-- serves "pending, due before T".
CREATE INDEX notifications_by_due_time ON notifications (tenant_id, due_time, incident_id, id);
CREATE INDEX notifications_pending_by_due_time ON notifications (tenant_id, due_time, incident_id, id)
  WHERE state = 'NOTIFICATION_STATE_PENDING';
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notifications
  USING (tenant_id = airr_current_tenant()) WITH CHECK (tenant_id = airr_current_tenant());
GRANT SELECT, INSERT, UPDATE ON notifications TO airr_app;
