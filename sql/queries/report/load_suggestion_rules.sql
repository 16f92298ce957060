-- Every suggestion rule with the catalog entry it suggests (titles and sort order), by id.
SELECT r.id, r.principle_id, r.fact, r.match_values, r.confidence, r.description,
       p.title_en, p.title_ja, p.sort_order
FROM suggestion_rules r
JOIN principles p ON p.id = r.principle_id
ORDER BY r.id
