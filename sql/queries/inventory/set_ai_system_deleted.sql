-- Soft-deletes ($2 = true) or restores ($2 = false) an AI system and bumps its version.
UPDATE ai_systems SET
  delete_time = CASE WHEN $2::boolean THEN now() END, version = version + 1, update_time = now()
WHERE id = $1
