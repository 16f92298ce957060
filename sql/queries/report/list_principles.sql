-- One page of the principle catalog in document order: optionally only one kind ($1, '' for all)
-- and the sub-items of one common principle ($2, '' for all), after sort order $3 (-1 for the
-- first page), at most $4 rows. Sort orders are unique (V0002 numbers the entries in document
-- order), so the sort order alone is the keyset.
SELECT id, kind, parent_id, code, title_ja, title_en, summary_en, obligation_level, applicability,
       related_principles, source_lines, sort_order, edition_id
FROM principles
WHERE ($1 = '' OR kind = $1) AND ($2 = '' OR parent_id = $2) AND sort_order > $3::int
ORDER BY sort_order, id
LIMIT $4::int
