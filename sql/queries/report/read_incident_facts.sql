-- The facts of one incident and its AI system, for reports, suggestions and notification rules.
SELECT i.id, i.title, i.description, i.ai_system_id, i.kind, i.severity, i.state, i.owner,
       i.harm_types, i.affected_people, i.deaths, i.serious_injuries,
       i.fundamental_rights_infringed, i.personal_data_involved, i.personal_data_breached,
       i.breach_types, i.breach_categories, i.breach_persons, i.jurisdictions, i.cause_hints,
       i.detection_source,
       (extract(epoch FROM i.occur_time) * 1000000)::bigint AS occur_time_us,
       (extract(epoch FROM i.detect_time) * 1000000)::bigint AS detect_time_us,
       (extract(epoch FROM i.report_time) * 1000000)::bigint AS report_time_us,
       (extract(epoch FROM i.aware_time) * 1000000)::bigint AS aware_time_us,
       (extract(epoch FROM i.breach_aware_time) * 1000000)::bigint AS breach_aware_time_us,
       (extract(epoch FROM i.triage_time) * 1000000)::bigint AS triage_time_us,
       (extract(epoch FROM i.resolve_time) * 1000000)::bigint AS resolve_time_us,
       (extract(epoch FROM i.close_time) * 1000000)::bigint AS close_time_us,
       s.display_name AS system_display_name, s.owner AS system_owner,
       s.accountable_officer AS system_accountable_officer, s.actor_roles AS system_actor_roles,
       s.eu_risk_category AS system_eu_risk_category,
       s.eu_high_risk_area AS system_eu_high_risk_area, s.jurisdictions AS system_jurisdictions,
       s.risk_tier AS system_risk_tier
FROM incidents_v i
JOIN ai_systems_v s ON s.tenant_id = i.tenant_id AND s.id = i.ai_system_id
WHERE i.id = $1
