-- Creates an AI system for the current tenant. $1 is the id ('' = a new UUID); $22 the request
-- id ('' = none). Returns nothing when a system with the same request id exists already.
INSERT INTO ai_systems (
  id, display_name, description, business_purpose, owner, accountable_officer, actor_roles,
  lifecycle_stage, model_type, advanced_ai, generative_ai, upstream_models, vendors,
  data_categories, jurisdictions, eu_risk_category, eu_high_risk_area, eu_gpai_class,
  human_oversight, risk_tier, labels, create_request_id)
VALUES (
  COALESCE(NULLIF($1, ''), gen_random_uuid()::text), $2, $3, $4, $5, $6, $7::text[], $8, $9,
  $10::boolean, $11::boolean, $12::text[], $13::text[], $14::text[], $15::text[], $16, $17, $18,
  $19, $20, $21::jsonb, NULLIF($22, '')::uuid)
ON CONFLICT (tenant_id, create_request_id) DO NOTHING
RETURNING id
