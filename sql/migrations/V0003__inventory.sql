-- V0003: the AI-system inventory.
-- Owner: inventory service. Tables: ai_systems. Other services read ai_systems_v and refer to a
-- system by (tenant_id, id) foreign keys.
--
-- Enumerations are stored as the proto enum value names (e.g. 'RISK_TIER_HIGH'), the same text
-- the API shows in JSON and accepts in filters.

CREATE TABLE ai_systems (
  tenant_id uuid NOT NULL DEFAULT airr_current_tenant() REFERENCES tenants (id),
  id text NOT NULL CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  business_purpose text NOT NULL DEFAULT '',
  owner text NOT NULL CHECK (length(owner) BETWEEN 1 AND 200),
  accountable_officer text NOT NULL DEFAULT '',
  actor_roles text[] NOT NULL CHECK (cardinality(actor_roles) > 0),
  lifecycle_stage text NOT NULL,
  model_type text NOT NULL,
  advanced_ai boolean NOT NULL DEFAULT false,
  generative_ai boolean NOT NULL DEFAULT false,
  upstream_models text[] NOT NULL DEFAULT '{}',
  vendors text[] NOT NULL DEFAULT '{}',
  data_categories text[] NOT NULL DEFAULT '{}',
  jurisdictions text[] NOT NULL CHECK (cardinality(jurisdictions) > 0),
  eu_risk_category text NOT NULL DEFAULT 'EU_RISK_CATEGORY_UNSPECIFIED',
  eu_high_risk_area text NOT NULL DEFAULT 'EU_HIGH_RISK_AREA_UNSPECIFIED',
  eu_gpai_class text NOT NULL DEFAULT 'EU_GPAI_CLASS_UNSPECIFIED',
  human_oversight text NOT NULL,
  risk_tier text NOT NULL,
  labels jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(labels) = 'object'),
  version bigint NOT NULL DEFAULT 1,
  create_request_id uuid,
  create_time timestamptz NOT NULL DEFAULT now(),
  update_time timestamptz NOT NULL DEFAULT now(),
  delete_time timestamptz,
  PRIMARY KEY (tenant_id, id)
);
-- Idempotent creates: one row per (tenant, request id).
CREATE UNIQUE INDEX ai_systems_create_request ON ai_systems (tenant_id, create_request_id);
-- Keyset pagination for each allowed order_by, the id breaking ties.
CREATE INDEX ai_systems_by_create_time ON ai_systems (tenant_id, create_time, id);
CREATE INDEX ai_systems_by_update_time ON ai_systems (tenant_id, update_time, id);
CREATE INDEX ai_systems_by_display_name ON ai_systems (tenant_id, display_name, id);

ALTER TABLE ai_systems ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ai_systems
  USING (tenant_id = airr_current_tenant()) WITH CHECK (tenant_id = airr_current_tenant());
GRANT SELECT, INSERT, UPDATE ON ai_systems TO airr_app;

-- The read-only view other services use (RLS of the base table applies: security_invoker).
CREATE VIEW ai_systems_v WITH (security_invoker = true) AS
  SELECT tenant_id, id, display_name, owner, accountable_officer, lifecycle_stage, risk_tier,
         jurisdictions, eu_risk_category, delete_time
  FROM ai_systems;
GRANT SELECT ON ai_systems_v TO airr_app;

-- The rows as the inventory API reads them: every column plus timestamps as epoch microseconds.
-- Get and List select from it, so the column list exists once.
CREATE VIEW ai_system_rows WITH (security_invoker = true) AS
  SELECT id, display_name, description, business_purpose, owner, accountable_officer,
         actor_roles, lifecycle_stage, model_type, advanced_ai, generative_ai, upstream_models,
         vendors, data_categories, jurisdictions, eu_risk_category, eu_high_risk_area,
         eu_gpai_class, human_oversight, risk_tier, labels, version, create_request_id,
         create_time, update_time, delete_time,
         (extract(epoch FROM create_time) * 1000000)::bigint AS create_time_us,
         (extract(epoch FROM update_time) * 1000000)::bigint AS update_time_us,
         (extract(epoch FROM delete_time) * 1000000)::bigint AS delete_time_us
  FROM ai_systems;
GRANT SELECT ON ai_system_rows TO airr_app;
