-- The incident created by the request with this id, if any.
SELECT * FROM incident_rows WHERE create_request_id = $1::uuid
