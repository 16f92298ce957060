-- The mitigation created by the request with this id ($1), if any.
SELECT * FROM mitigation_rows
WHERE create_request_id = $1::uuid
