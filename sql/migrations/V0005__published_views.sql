-- V0005: more columns in the read-only views that the inventory and incident services publish
-- for other services (the report service's incident report, principle suggestions and
-- notification rules read them).
-- Owners: inventory service (ai_systems_v), incident service (incidents_v,
-- incident_timeline_events_v). New columns go at the end, so CREATE OR REPLACE keeps the view.

CREATE OR REPLACE VIEW ai_systems_v WITH (security_invoker = true) AS
  SELECT tenant_id, id, display_name, owner, accountable_officer, lifecycle_stage, risk_tier,
         jurisdictions, eu_risk_category, delete_time, actor_roles, eu_high_risk_area,
         eu_gpai_class
  FROM ai_systems;

CREATE OR REPLACE VIEW incidents_v WITH (security_invoker = true) AS
  SELECT tenant_id, id, title, ai_system_id, kind, severity, state, occur_time, detect_time,
         report_time, aware_time, owner, harm_types, affected_people, deaths, serious_injuries,
         fundamental_rights_infringed, personal_data_involved, personal_data_breached,
         breach_types, breach_categories, breach_persons, breach_aware_time, jurisdictions,
         detection_source, cause_hints, immediate_actions, labels, triage_time,
         mitigation_start_time, resolve_time, close_time, bcp_invoked, merged_into, signal_count,
         create_time, update_time, description, version
  FROM incidents;

-- The timeline as other services may read it (the incident report).
CREATE VIEW incident_timeline_events_v WITH (security_invoker = true) AS
  SELECT tenant_id, incident_id, seq, type, occur_time, create_time, actor, text, from_state,
         to_state
  FROM incident_timeline_events;
GRANT SELECT ON incident_timeline_events_v TO airr_app;
