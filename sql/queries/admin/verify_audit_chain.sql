-- For each tenant ($1 = its name, or '' for all): how many audit rows it has, and the first row
-- whose hash does not match its content, whose prev_hash does not match the previous row's hash,
-- or whose seq does not follow the previous one. Also whether the chain head still points at the
-- last row (a removed tail shows there).
WITH chain AS (
  SELECT a.tenant_id, a.seq, a.hash,
         a.hash = audit_row_hash(a.prev_hash, a.tenant_id, a.seq, a.occurred_at, a.actor, a.rpc,
                                 a.resource_name, a.before, a.after, a.request_id) AS hash_ok,
         a.prev_hash = coalesce(lag(a.hash) OVER w, ''::bytea) AS link_ok,
         a.seq = coalesce(lag(a.seq) OVER w, 0) + 1 AS seq_ok
  FROM audit_log a
  WINDOW w AS (PARTITION BY a.tenant_id ORDER BY a.seq)
),
first_break AS (
  SELECT DISTINCT ON (tenant_id) tenant_id, seq, hash_ok, link_ok, seq_ok
  FROM chain WHERE NOT (hash_ok AND link_ok AND seq_ok)
  ORDER BY tenant_id, seq
),
tails AS (
  SELECT DISTINCT ON (tenant_id) tenant_id, seq, hash FROM chain ORDER BY tenant_id, seq DESC
)
SELECT t.name,
       (SELECT count(*) FROM chain c WHERE c.tenant_id = t.id) AS rows,
       b.seq AS broken_seq, b.hash_ok, b.link_ok, b.seq_ok,
       coalesce(h.last_seq, 0) = coalesce(tl.seq, 0)
         AND coalesce(h.last_hash, ''::bytea) = coalesce(tl.hash, ''::bytea) AS head_ok,
       coalesce(h.last_seq, 0) AS head_seq
FROM tenants t
LEFT JOIN first_break b ON b.tenant_id = t.id
LEFT JOIN tails tl ON tl.tenant_id = t.id
LEFT JOIN audit_chain_heads h ON h.tenant_id = t.id
WHERE $1 = '' OR t.name = $1
ORDER BY t.name
