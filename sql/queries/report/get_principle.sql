-- One catalog entry by id.
SELECT id, kind, parent_id, code, title_ja, title_en, summary_en, obligation_level, applicability,
       related_principles, source_lines, sort_order, edition_id
FROM principles
WHERE id = $1
