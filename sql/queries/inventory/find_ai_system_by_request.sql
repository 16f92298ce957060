-- The AI system created by the request with this id, if any.
SELECT * FROM ai_system_rows WHERE create_request_id = $1::uuid
