-- Replaces every updatable field of an AI system and bumps its version.
UPDATE ai_systems SET
  display_name = $2, description = $3, business_purpose = $4, owner = $5,
  accountable_officer = $6, actor_roles = $7::text[], lifecycle_stage = $8, model_type = $9,
  advanced_ai = $10::boolean, generative_ai = $11::boolean, upstream_models = $12::text[],
  vendors = $13::text[], data_categories = $14::text[], jurisdictions = $15::text[],
  eu_risk_category = $16, eu_high_risk_area = $17, eu_gpai_class = $18, human_oversight = $19,
  risk_tier = $20, labels = $21::jsonb, version = version + 1, update_time = now()
WHERE id = $1
