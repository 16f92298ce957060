-- The steps of several runs at once (a page of ListRuns): $1 their playbook ids and $2 their run
-- ids (text[], pairwise), by run and in planned order.
SELECT s.* FROM run_step_rows s
JOIN unnest($1::text[], $2::text[]) AS r (playbook_id, run_id)
  ON s.playbook_id = r.playbook_id AND s.run_id = r.run_id
ORDER BY s.playbook_id, s.run_id, s.ordinal
