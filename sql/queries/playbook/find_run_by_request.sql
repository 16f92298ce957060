-- The run that the request id $1 (a UUID) started, if any.
SELECT playbook_id, id FROM run_rows WHERE create_request_id = $1::uuid
