#!/usr/bin/env bash
# End-to-end test of the real binaries: airr-admin bootstraps a fresh database of the ctest
# cluster, airr-server and airr-inventory serve it, and the airr CLI and buf (through server
# reflection) talk to them. Covers health, reflection, CRUD through the CLI, roles, the audit
# trail and its tamper detection, serving as the unprivileged role, TLS and mutual TLS, and
# graceful shutdown.
#
#   e2e_test.sh BIN_DIR SOURCE_DIR      (cluster DSN from $AIRR_TEST_PG_DSN_FILE)
set -uo pipefail

BIN=$1
SRC=$2
BUF=$SRC/tools/buf/node_modules/.bin/buf
# shellcheck source=tests/e2e/e2e_lib.sh
source "$SRC/tests/e2e/e2e_lib.sh"
e2e_begin e2e
# Revocation takes effect at once (the default cache keeps a token for 10 s).
export AIRR_TOKEN_CACHE_SECONDS=0

# --- bootstrap -----------------------------------------------------------------------------
check "airr-admin migrate" contains "schema is up to date" "$BIN/airr-admin" migrate
check "airr-admin migrate again applies nothing" contains "(0 applied now)" "$BIN/airr-admin" migrate
check "airr-admin create-tenant" "$BIN/airr-admin" create-tenant acme
check "airr-admin create-tenant twice fails" fails_with "ALREADY_EXISTS" "$BIN/airr-admin" create-tenant acme
ADMIN=$("$BIN/airr-admin" issue-token --tenant acme --role admin --name ops 2>/dev/null)
VIEWER=$("$BIN/airr-admin" issue-token --tenant acme --role viewer --name dashboard 2>/dev/null)
check "issued tokens are distinct bearer tokens" test "${ADMIN:0:5}" = airr_ -a "$ADMIN" != "$VIEWER"
check "tokens are stored only as hashes" test "$(psql -Atq "$AIRR_DATABASE_URL" -c \
  "SELECT count(*) FROM api_principals WHERE token_hash = sha256(convert_to('$ADMIN', 'UTF8'))")" = 1

# --- airr-server ---------------------------------------------------------------------------
start_server airr-server
export AIRR_ADDR=127.0.0.1:$PORT AIRR_TOKEN=$ADMIN
airr() { "$BIN/airr" "$@"; }
check "health answers SERVING" contains SERVING airr health

if [ -x "$BUF" ]; then
  check "reflection lists the inventory service" contains "airr.inventory.v1.InventoryService/ListAiSystems" \
    "$BUF" curl --protocol grpc --http2-prior-knowledge --list-methods "http://127.0.0.1:$PORT"
  check "buf curl health check via reflection" contains SERVING \
    "$BUF" curl --protocol grpc --http2-prior-knowledge "http://127.0.0.1:$PORT/grpc.health.v1.Health/Check"
  check "buf curl ListAiSystems with a token" contains "{" \
    "$BUF" curl --protocol grpc --http2-prior-knowledge -H "authorization: Bearer $ADMIN" \
    "http://127.0.0.1:$PORT/airr.inventory.v1.InventoryService/ListAiSystems"
elif [ -n "${CI:-}" ]; then
  check "buf is installed (tools/dev deps)" test -x "$BUF"
else
  echo "note: $BUF missing (run tools/dev deps); reflection checks not run outside CI"
fi

create() {
  airr systems create --id "$1" --display-name "$2" --owner risk-team --role business_user \
    --stage operation --model-type classical_ml --data personal --jurisdiction JP \
    --oversight in_the_loop --tier high "${@:3}"
}
check "create a system" contains "aiSystems/credit-scoring" create credit-scoring "Credit scoring"
check "create with an EU jurisdiction needs the AI Act class" fails_with "eu_ai_act.category" \
  create hr-screening "HR screening" --jurisdiction DE
check "create a high-risk EU system" contains "high_risk" create hr-screening "HR screening" \
  --jurisdiction DE --eu-category high_risk --eu-area employment
check "list shows both" contains "hr-screening" airr systems list
check "filter by jurisdiction" contains "aiSystems/hr-screening" airr systems list -o json \
  --filter 'jurisdictions:"DE" AND risk_tier = HIGH'
check "bad filter is INVALID_ARGUMENT naming filter" fails_with "filter:" \
  airr systems list --filter 'colour = "red"'
check "update with the current etag" contains '"risk_tier": "RISK_TIER_MEDIUM"' \
  airr systems update credit-scoring --tier medium --etag 'W/"1"' -o json
check "update with a stale etag is ABORTED" fails_with "ABORTED" \
  airr systems update credit-scoring --tier low --etag 'W/"1"'
check "delete" contains "delete_time" airr systems delete credit-scoring
check "deleted systems leave the list" bash -c "! '$BIN/airr' systems list | grep -q credit-scoring"
check "undelete" contains "aiSystems/credit-scoring" airr systems undelete credit-scoring
check "viewer cannot create" fails_with "PERMISSION_DENIED" \
  env AIRR_TOKEN="$VIEWER" "$BIN/airr" systems create --id x --display-name x --owner x \
  --role provider --stage planning --model-type llm --data none --jurisdiction JP \
  --oversight none --tier low
check "viewer cannot delete, even what does not exist" fails_with "PERMISSION_DENIED" \
  env AIRR_TOKEN="$VIEWER" "$BIN/airr" systems delete nope
check "viewer can list" contains "credit-scoring" env AIRR_TOKEN="$VIEWER" "$BIN/airr" systems list
check "no token is UNAUTHENTICATED" fails_with "UNAUTHENTICATED" env -u AIRR_TOKEN "$BIN/airr" systems list
check "revoke a token" "$BIN/airr-admin" revoke-token --tenant acme --name dashboard
check "a revoked token is UNAUTHENTICATED" fails_with "UNAUTHENTICATED" \
  env AIRR_TOKEN="$VIEWER" "$BIN/airr" systems list

# --- audit trail ---------------------------------------------------------------------------
check "audit chain verifies" contains "audit chain OK" "$BIN/airr-admin" audit verify --tenant acme
check "every mutation left an audit row" test "$(psql -Atq "$AIRR_DATABASE_URL" -c \
  "SELECT count(*) FROM audit_log WHERE rpc LIKE '%InventoryService%'")" = 5
psql -q "$AIRR_DATABASE_URL" -c "UPDATE audit_log SET after = '{\"forged\": true}' WHERE seq = 4" >/dev/null
check "a tampered row is found and named" fails_with "BROKEN at seq 4" \
  "$BIN/airr-admin" audit verify --tenant acme

# --- shutdown ------------------------------------------------------------------------------
kill -TERM "$SERVER_PID"
check "airr-server exits 0 on SIGTERM" wait "$SERVER_PID"

# --- airr-inventory: the same service alone ----------------------------------------------
start_server airr-inventory
export AIRR_ADDR=127.0.0.1:$PORT
check "airr-inventory answers health" contains SERVING airr health
check "airr-inventory serves the same data" contains "hr-screening" airr systems list
kill -TERM "$SERVER_PID"
check "airr-inventory exits 0 on SIGTERM" wait "$SERVER_PID"

# --- the unprivileged service role as the DSN ---------------------------------------------
# airr_app (created by migrate) may log in directly; trust auth in the test cluster.
AIRR_DATABASE_URL=${AIRR_DATABASE_URL/postgres@/airr_app@} start_server airr-inventory
export AIRR_ADDR=127.0.0.1:$PORT AIRR_TOKEN=$ADMIN
check "serving as airr_app: list works" contains "hr-screening" airr systems list
kill -TERM "$SERVER_PID"
wait "$SERVER_PID"

# --- TLS and mutual TLS ---------------------------------------------------------------------
make_cert() {  # make_cert NAME SUBJECT_ALT_NAME: a key and a certificate signed by the test CA
  openssl req -new -newkey rsa:2048 -nodes -keyout "$WORK/$1.key" -subj "/CN=$1" \
    -out "$WORK/$1.csr" 2>/dev/null &&
    openssl x509 -req -in "$WORK/$1.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" \
      -CAcreateserial -days 1 -extfile <(printf 'subjectAltName=%s' "$2") \
      -out "$WORK/$1.pem" 2>/dev/null
}
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/ca.key" -subj "/CN=airr-e2e-ca" \
  -days 1 -out "$WORK/ca.pem" 2>/dev/null
make_cert server IP:127.0.0.1
make_cert client DNS:e2e-client

AIRR_TLS_CERT=$WORK/server.pem AIRR_TLS_KEY=$WORK/server.key start_server airr-server
export AIRR_ADDR=127.0.0.1:$PORT
check "TLS: health with the CA" contains SERVING airr --tls-ca "$WORK/ca.pem" health
check "TLS: plaintext client is refused" fails_with UNAVAILABLE airr --timeout 3 health
kill -TERM "$SERVER_PID"
wait "$SERVER_PID"

AIRR_TLS_CERT=$WORK/server.pem AIRR_TLS_KEY=$WORK/server.key AIRR_TLS_CLIENT_CA=$WORK/ca.pem \
  start_server airr-server
export AIRR_ADDR=127.0.0.1:$PORT
check "mTLS: a client certificate is accepted" contains "hr-screening" \
  airr --tls-ca "$WORK/ca.pem" --tls-cert "$WORK/client.pem" --tls-key "$WORK/client.key" systems list
check "mTLS: no client certificate is refused" fails_with UNAVAILABLE \
  airr --timeout 3 --tls-ca "$WORK/ca.pem" health
kill -TERM "$SERVER_PID"
check "TLS server exits 0 on SIGTERM" wait "$SERVER_PID"

e2e_end
