-- Which of the ids in $1 (text[]) are catalog entries.
SELECT id FROM principles WHERE id = ANY($1::text[])
