#!/usr/bin/env bash
# tools/bench/incident.sh — the incident service's write throughput beside PostgreSQL's own,
# both measured in the same run on this machine (issue 3, "must show" #6).
#
#   tools/bench/incident.sh                    5 to 6 minutes with the defaults
#   BENCH_DURATION=5 tools/bench/incident.sh   a quick look, about 2 minutes
#
# Steps, all on this machine:
#   1. builds airr-server, airr-admin, airr and airr-bench in $BUILD_DIR (skip: BENCH_NO_BUILD=1);
#   2. starts a private DURABLE PostgreSQL (tools/pg.sh start: fsync on, default settings, as
#      `tools/dev run` uses) in a temporary directory on a free port; stops and removes it at exit;
#   3. migrates a database with airr-admin, creates a tenant, an admin token and three AI systems
#      (airr systems create), starts airr-server on it (AIRR_DB_POOL_SIZE=BENCH_POOL_SIZE), and
#      primes it (500 incidents, 3 signal batches, VACUUM ANALYZE; see prime_airr);
#   4. for each point, first PostgreSQL's own yardstick with pgbench, as measured in
#      reference/stack.md §6 (TRUNCATE and CHECKPOINT first; -n -M prepared, -j min(clients, 2),
#      -T BENCH_DURATION), then right after it airr-bench on airr-server (CHECKPOINT first,
#      BENCH_WARMUP seconds of warm-up, BENCH_DURATION measured):
#        create_incident at 1, 4 and 16 clients beside a single-row INSERT into a table shaped
#        like an incidents row (19 columns: text, timestamptz, text[], jsonb; PRIMARY KEY
#        (tenant_id uuid, id text)) at as many clients;
#        ingest_signals at 1 and 4 streams beside a batched INSERT ... SELECT generate_series of
#        BENCH_BATCH_SIZE rows shaped like a signals row at as many clients;
#   5. prints one table (scenario | clients | airr throughput | p50 ms | p99 ms | PostgreSQL
#      baseline | ratio) and under it the machine's state and the CPU time per request of each
#      process, and writes everything as one JSON file.
#
# Everything (pgbench, PostgreSQL, airr-server, airr-bench) shares this machine's CPUs, as in
# stack.md §6; the JSON records the CPU seconds each of them used per point.
#
# Environment (defaults in brackets):
#   BUILD_DIR          the CMake build tree with bin/ [build]; configured with Ninja if missing
#   BENCH_NO_BUILD     1: use the binaries in BUILD_DIR/bin as they are
#   BENCH_DURATION     measured seconds per point, pgbench -T and airr-bench --duration [20]
#   BENCH_WARMUP       airr-bench warm-up seconds per point [3]
#   BENCH_POOL_SIZE    airr-server's AIRR_DB_POOL_SIZE [16], so 16 clients are not capped by it
#   BENCH_CHANNELS     airr-bench --channels: per-client or shared [per-client]
#   BENCH_BATCH_SIZE   signals per batch, and rows per batched pgbench INSERT [1000]
#   BENCH_FINGERPRINTS distinct signal fingerprints [100], shared by the streams, so their batches
#                      serialize on the server; BENCH_FINGERPRINTS_PER_CLIENT=1 gives each its own
#   BENCH_JSON         the result file [BUILD_DIR/bench/incident.json]
#   BENCH_KEEP         1: keep the work directory (pgbench logs, server log) and say where
# Needs pgbench (postgresql-15), jq and ss; exits non-zero when any point failed.
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
# Relative paths in the environment are taken from where the script was started.
BUILD_DIR=$(realpath -m -- "${BUILD_DIR:-$ROOT/build}")
[[ -z ${BENCH_JSON:-} ]] || BENCH_JSON=$(realpath -m -- "$BENCH_JSON")
cd "$ROOT"
readonly BUILD_DIR BIN=$BUILD_DIR/bin
readonly DURATION=${BENCH_DURATION:-20}
readonly WARMUP=${BENCH_WARMUP:-3}
readonly POOL_SIZE=${BENCH_POOL_SIZE:-16}
readonly CHANNELS=${BENCH_CHANNELS:-per-client}
readonly BATCH_SIZE=${BENCH_BATCH_SIZE:-1000}
readonly FINGERPRINTS=${BENCH_FINGERPRINTS:-100}
readonly FINGERPRINTS_PER_CLIENT=${BENCH_FINGERPRINTS_PER_CLIENT:-0}
readonly JSON_OUT=${BENCH_JSON:-$BUILD_DIR/bench/incident.json}
readonly CREATE_CLIENTS=(1 4 16)
readonly INGEST_CLIENTS=(1 4)
readonly AI_SYSTEMS=(bench-chatbot bench-cv-screening bench-credit-scoring)
# The tenant id of the pgbench rows; any constant does (the baseline tables have no RLS).
readonly PGBENCH_TENANT=3f1c2a9e-0b7d-4e35-9a61-5b2d8c4e7f10

T0=$(date +%s)
readonly T0
say() { echo "bench: [+$(($(date +%s) - T0))s] $*" >&2; }
warn() { echo "bench: warning: $*" >&2; }
die() { echo "bench: error: $*" >&2; exit 1; }

is_count() { [[ $1 =~ ^[0-9]+$ ]] && (($1 > 0)); }

check_settings() {
  local name value
  for name in DURATION WARMUP POOL_SIZE BATCH_SIZE FINGERPRINTS; do
    value=${!name}
    [[ $name == WARMUP && $value == 0 ]] && continue
    is_count "$value" || die "BENCH_$name must be a positive integer, not '$value'"
  done
  [[ $CHANNELS == per-client || $CHANNELS == shared ]] ||
    die "BENCH_CHANNELS must be per-client or shared"
  [[ $FINGERPRINTS_PER_CLIENT == 0 || $FINGERPRINTS_PER_CLIENT == 1 ]] ||
    die "BENCH_FINGERPRINTS_PER_CLIENT must be 0 or 1"
  local tool
  for tool in pgbench jq ss; do
    command -v "$tool" >/dev/null ||
      die "$tool not found (apt-get install postgresql-15 jq iproute2)"
  done
}

# ---- CPU accounting --------------------------------------------------------------------------

CLK_TCK=$(getconf CLK_TCK)

# CPU ticks (user + system) of process $1; with "children", also of its reaped children (cutime,
# cstime), which is where the exited backends of a finished pgbench end up.
proc_ticks() {
  local pid=$1 with_children=${2:-} stat
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || { echo 0; return 0; }
  # Fields after the command name, which may contain spaces: 14 utime, 15 stime, 16 cutime,
  # 17 cstime (1-based over the whole line) are 12..15 after "pid (comm) ".
  local -a f
  read -ra f <<<"${stat##*) }"
  if [[ $with_children == children ]]; then
    echo $((f[11] + f[12] + f[13] + f[14]))
  else
    echo $((f[11] + f[12]))
  fi
}

# CPU ticks of the whole PostgreSQL cluster: the postmaster with its reaped children, plus the
# processes still running under it.
postgres_ticks() {
  local total child
  total=$(proc_ticks "$PG_PID" children)
  for child in $(pgrep -P "$PG_PID" || true); do
    total=$((total + $(proc_ticks "$child")))
  done
  echo "$total"
}

# Waits (up to 5 s) until no backend connected to database $1 runs any more and the postmaster
# has reaped every child that exited. A backend reaped between the two reads of postgres_ticks
# would be counted in neither, so the CPU of a finished pgbench's backends is read only then.
wait_for_backends_gone() {
  local i child busy
  for ((i = 0; i < 100; i++)); do
    busy=0
    for child in $(pgrep -P "$PG_PID" || true); do
      if [[ $(sed 's/^.*) \(.\).*$/\1/' "/proc/$child/stat" 2>/dev/null) == Z ]] ||
        tr '\0' ' ' 2>/dev/null <"/proc/$child/cmdline" | grep -q "^postgres: [^ ]* $1 "; then
        busy=1
        break
      fi
    done
    ((busy)) || return 0
    sleep 0.05
  done
  warn "backends of database $1 still running; its CPU figure may be low"
}

# CPU ticks of the children this script has waited for (pgbench, airr-bench).
own_children_ticks() {
  local -a f
  read -ra f <<<"$(sed 's/^.*) //' "/proc/$$/stat")"
  echo $((f[13] + f[14]))
}

ticks_to_seconds() { awk -v t="$1" -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", t / hz }'; }

# ---- lifecycle -------------------------------------------------------------------------------

WORK=""
PG_DIR=""
PG_STARTED=0
SERVER_PID=""

process_alive() {
  local state
  state=$(sed 's/^.*) \(.\).*$/\1/' "/proc/$1/stat" 2>/dev/null) || return 1
  [[ -n $state && $state != Z ]]
}

stop_server() {
  [[ -n $SERVER_PID ]] || return 0
  local pid=$SERVER_PID i
  SERVER_PID=""
  if process_alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 300; i++)); do
      process_alive "$pid" || break
      sleep 0.1
    done
    process_alive "$pid" && kill -KILL "$pid" 2>/dev/null
  fi
  wait "$pid" 2>/dev/null || true
}

on_exit() {
  local rc=$?
  trap - EXIT INT TERM
  trap '' PIPE
  set +e
  stop_server
  if ((PG_STARTED)); then
    tools/pg.sh stop "$PG_DIR" >/dev/null 2>&1 || warn "could not stop PostgreSQL in $PG_DIR"
  fi
  [[ -n $PG_DIR ]] && rm -rf -- "$PG_DIR"
  if [[ -n $WORK ]]; then
    if [[ ${BENCH_KEEP:-0} == 1 ]]; then
      say "kept the work directory $WORK"
    else
      rm -rf -- "$WORK"
    fi
  fi
  exit "$rc"
}

build() {
  if [[ ${BENCH_NO_BUILD:-0} == 1 ]]; then
    say "BENCH_NO_BUILD=1: using $BIN as it is"
  else
    if [[ ! -f $BUILD_DIR/build.ninja ]]; then
      say "configuring $BUILD_DIR"
      cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja >/dev/null
    fi
    say "building airr-server airr-admin airr airr-bench in $BUILD_DIR"
    local targets=(airr-server airr-admin airr airr-bench)
    cmake --build "$BUILD_DIR" -j2 --target "${targets[@]}" >/dev/null ||
      die "the build failed (cmake --build $BUILD_DIR -j2 --target ${targets[*]})"
  fi
  local b
  for b in airr-server airr-admin airr airr-bench; do
    [[ -x $BIN/$b ]] || die "$BIN/$b is missing"
  done
}

free_port() {
  local p _
  for _ in $(seq 1 100); do
    p=$((20000 + RANDOM % 40000))
    [[ -z $(ss -Htln "sport = :$p" 2>/dev/null) ]] && { echo "$p"; return 0; }
  done
  return 1
}

# A durable cluster as `tools/dev run` has it (tools/pg.sh start: fsync and synchronous_commit
# on, default settings), in a fresh temporary directory. Sets DSN (secret: never printed),
# PG_PID and the PG* variables psql and pgbench use (TCP, like airr-server).
start_cluster() {
  local attempt port
  PG_DIR=$(mktemp -d /tmp/airr-bench-pg.XXXXXX)
  for attempt in 1 2 3 4 5; do
    port=$(free_port) || die "no free TCP port found"
    if DSN=$(tools/pg.sh start "$PG_DIR" "$port" 2>"$WORK/pg-start.log"); then
      PG_STARTED=1
      break
    fi
    if ! grep -q busy "$WORK/pg-start.log"; then
      cat "$WORK/pg-start.log" >&2
      die "PostgreSQL did not start"
    fi
    say "port $port was taken (attempt $attempt); trying another"
  done
  ((PG_STARTED)) || die "PostgreSQL did not start after 5 port attempts"
  PG_PID=$(head -n1 "$PG_DIR/data/postmaster.pid")
  export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=postgres
  PGPASSWORD=$(cat "$PG_DIR/password")
  export PGPASSWORD
  say "durable PostgreSQL $(psql -Atqc 'SHOW server_version') on 127.0.0.1:$port" \
    "(fsync=$(psql -Atqc 'SHOW fsync'), synchronous_commit=$(psql -Atqc 'SHOW synchronous_commit'))"
  psql -q -c "CREATE DATABASE pgbench" -c "CREATE DATABASE airr"
}

# Milliseconds per synchronous 8 kB write (O_DSYNC, 200 of them) on the cluster's file system:
# what every durable commit waits for, and the figure that moves most between machines and
# between quiet and busy times on a shared one.
sync_write_ms() {
  local probe=$PG_DIR/sync-probe out seconds
  if ! out=$(LC_ALL=C dd if=/dev/zero of="$probe" bs=8k count=200 oflag=dsync 2>&1); then
    echo null
    return 0
  fi
  rm -f -- "$probe"
  seconds=$(sed -n 's/.* copied, \([0-9.e-]*\) s,.*/\1/p' <<<"$out")
  awk -v s="${seconds:-0}" 'BEGIN { printf "%.3f", s * 1000 / 200 }'
}

# The machine's state now, as JSON: load average and the synchronous write latency.
machine_state() {
  jq -nc --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" --argjson sync "$(sync_write_ms)" \
    '{load_average: $load, sync_write_8k_ms: $sync}'
}

# ---- PostgreSQL's yardstick ------------------------------------------------------------------

# Shaped like an incidents row (sql/migrations/V0004__incident.sql) and a signals row, with only
# the primary key as index, as the yardstick in stack.md §6.
write_pgbench_files() {
  cat >"$WORK/schema.sql" <<'SQL'
CREATE TABLE bench_incidents (
  tenant_id uuid NOT NULL, id text NOT NULL, title text NOT NULL, description text NOT NULL,
  ai_system_id text NOT NULL, kind text NOT NULL, severity text NOT NULL, state text NOT NULL,
  occur_time timestamptz, detect_time timestamptz NOT NULL, report_time timestamptz NOT NULL,
  aware_time timestamptz NOT NULL, reporter text NOT NULL, harm_types text[] NOT NULL,
  detection_source text NOT NULL, labels jsonb NOT NULL, create_request_id uuid,
  create_time timestamptz NOT NULL DEFAULT now(), update_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id));
CREATE TABLE bench_signals (
  tenant_id uuid NOT NULL, incident_id text NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY, batch_id uuid NOT NULL, source text NOT NULL,
  ai_system_id text NOT NULL, kind text NOT NULL, fingerprint text NOT NULL,
  severity_hint text NOT NULL, attributes jsonb NOT NULL, observe_time timestamptz NOT NULL,
  summary text NOT NULL, receive_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, incident_id, seq));
SQL
  # One incident per transaction, about 300 characters of description, a fresh uuid as id.
  cat >"$WORK/single.sql" <<SQL
\\set sys random(0, 2)
\\set sev random(2, 4)
\\set ago random(60, 7200)
INSERT INTO bench_incidents (tenant_id, id, title, description, ai_system_id, kind, severity,
  state, occur_time, detect_time, report_time, aware_time, reporter, harm_types,
  detection_source, labels, create_request_id)
VALUES ('$PGBENCH_TENANT', gen_random_uuid()::text,
  'Assistant disclosed another customer''s order history',
  repeat('The retrieval step matched the wrong account after a session reuse. ', 4) || :ago,
  'bench-system-' || :sys, 'KIND_INCIDENT', 'SEVERITY_SEV' || :sev, 'STATE_REPORTED',
  now() - :ago * interval '1 second' - interval '10 minutes', now() - :ago * interval '1 second',
  now(), now() - :ago * interval '1 second', 'bench-admin',
  '{HARM_TYPE_PRIVACY,HARM_TYPE_REPUTATIONAL}', 'DETECTION_SOURCE_PERSON',
  '{"source": "pgbench"}', gen_random_uuid());
SQL
  # One batch per transaction: BATCH_SIZE signals over FINGERPRINTS groups, one batch id.
  cat >"$WORK/batch.sql" <<SQL
INSERT INTO bench_signals (tenant_id, incident_id, batch_id, source, ai_system_id, kind,
  fingerprint, severity_hint, attributes, observe_time, summary)
SELECT '$PGBENCH_TENANT', 'incident-' || (g % $FINGERPRINTS), (SELECT gen_random_uuid()),
  'pgbench/monitor', 'bench-system-' || (g % 3), 'SIGNAL_KIND_GUARDRAIL',
  'pgbench.fp-' || (g % $FINGERPRINTS), 'SEVERITY_SEV4',
  '{"detector_version": "2.4.1", "score": "0.93"}', now() - (g % 59) * interval '1 second',
  'Guardrail blocked an output (pgbench group ' || (g % $FINGERPRINTS) || ')'
FROM generate_series(1, $BATCH_SIZE) AS g;
SQL
  psql -q -d pgbench -v ON_ERROR_STOP=1 -f "$WORK/schema.sql"
}

# Latency percentile $2 (0-100, nearest rank) in ms of the pgbench logs with prefix $1.
pgbench_percentile() {
  cat "$1".* | awk '{ print $3 }' | sort -n |
    awk -v p="$2" '{ v[NR] = $1 } END {
      r = int(p / 100 * NR); if (r < p / 100 * NR) r++; if (r < 1) r = 1;
      printf "%.3f", v[r] / 1000 }'
}

# pgbench_point NAME FILE CLIENTS ROWS_PER_TX TABLE: one measured point, appended to
# $WORK/pg_points.jsonl.
pgbench_point() {
  local name=$1 file=$2 clients=$3 rows=$4 table=$5
  local threads=$((clients < 2 ? clients : 2)) prefix=$WORK/log_${name}_$clients
  psql -q -d pgbench -c "TRUNCATE $table" -c "CHECKPOINT"
  local sync
  sync=$(sync_write_ms)
  say "pgbench $name, $clients client(s), ${DURATION}s (synchronous 8 kB write: $sync ms)"
  local pg0 own0 pg1 own1
  pg0=$(postgres_ticks)
  own0=$(own_children_ticks)
  pgbench -n -M prepared -f "$file" -c "$clients" -j "$threads" -T "$DURATION" \
    -l --log-prefix="$prefix" pgbench >"$WORK/pgbench_${name}_$clients.out" 2>&1 ||
    { cat "$WORK/pgbench_${name}_$clients.out" >&2; die "pgbench failed"; }
  wait_for_backends_gone pgbench
  pg1=$(postgres_ticks)
  own1=$(own_children_ticks)
  local tps failed
  tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)$/\1/p' \
    "$WORK/pgbench_${name}_$clients.out")
  [[ -n $tps ]] || { cat "$WORK/pgbench_${name}_$clients.out" >&2; die "no tps in pgbench output"; }
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' \
    "$WORK/pgbench_${name}_$clients.out")
  jq -nc --arg name "$name" --argjson clients "$clients" --argjson tps "$tps" \
    --argjson rows "$rows" --argjson failed "${failed:-0}" \
    --argjson p50 "$(pgbench_percentile "$prefix" 50)" \
    --argjson p99 "$(pgbench_percentile "$prefix" 99)" \
    --argjson pg_cpu "$(ticks_to_seconds $((pg1 - pg0)))" \
    --argjson bench_cpu "$(ticks_to_seconds $((own1 - own0)))" \
    --argjson duration "$DURATION" --argjson sync "$sync" \
    '{name: $name, clients: $clients, duration_seconds: $duration, transactions_per_second: $tps,
      rows_per_transaction: $rows, rows_per_second: ($tps * $rows), failed: $failed,
      latency_ms: {p50: $p50, p99: $p99}, postgres_cpu_seconds: $pg_cpu,
      pgbench_cpu_seconds: $bench_cpu, sync_write_8k_ms_before: $sync}' >>"$WORK/pg_points.jsonl"
  rm -f "$prefix".*
}


# ---- airr ------------------------------------------------------------------------------------

admin() { AIRR_DATABASE_URL=$AIRR_DSN "$BIN/airr-admin" "$@"; }
cli() { AIRR_ADDR=$ADDR AIRR_TOKEN=$TOKEN "$BIN/airr" "$@"; }

# Starts airr-server on a free port (it prints "airr-server listening on HOST:PORT" first) and
# waits for that line on a FIFO; sets SERVER_PID and ADDR.
start_server() {
  local fifo=$WORK/server.fifo line="" fd
  mkfifo "$fifo"
  AIRR_DATABASE_URL=$AIRR_DSN AIRR_LISTEN=127.0.0.1:0 AIRR_DB_POOL_SIZE=$POOL_SIZE \
    "$BIN/airr-server" >"$fifo" 2>"$WORK/server.log" &
  SERVER_PID=$!
  exec {fd}<"$fifo"
  if ! read -r -t 30 line <&"$fd"; then
    tail -n 20 "$WORK/server.log" >&2
    die "airr-server did not start"
  fi
  # Keep draining its stdout, so that a later line can never block the server.
  cat <&"$fd" >>"$WORK/server.out" &
  exec {fd}<&-
  ADDR=127.0.0.1:${line##*:}
  say "airr-server (pid $SERVER_PID) on $ADDR, AIRR_DB_POOL_SIZE=$POOL_SIZE"
}

setup_airr() {
  AIRR_DSN=${DSN%/*}/airr
  admin migrate >/dev/null || die "airr-admin migrate failed"
  admin create-tenant bench >/dev/null || die "airr-admin create-tenant failed"
  TOKEN=$(admin issue-token --tenant bench --role admin --name bench-admin 2>/dev/null) ||
    die "airr-admin issue-token failed"
  start_server
  timeout 10 env AIRR_ADDR="$ADDR" "$BIN/airr" health >/dev/null || die "airr-server is not SERVING"
  local id
  for id in "${AI_SYSTEMS[@]}"; do
    cli systems create --id "$id" --display-name "Benchmark system $id" --owner bench \
      --role business_user --stage operation --model-type llm --data personal \
      --jurisdiction JP --oversight on_the_loop --tier medium >/dev/null ||
      die "could not create AI system $id"
  done
  say "tenant bench with AI systems ${AI_SYSTEMS[*]}"
}

# airr_point SCENARIO CLIENTS: one airr-bench run, appended to $WORK/airr_points.jsonl.
FAILED_POINTS=0
airr_point() {
  local scenario=$1 clients=$2 out=$WORK/airr_${1}_$2.json rc=0 extra=()
  [[ $FINGERPRINTS_PER_CLIENT != 1 ]] || extra+=(--fingerprints-per-client)
  if ! process_alive "$SERVER_PID"; then
    tail -n 20 "$WORK/server.log" >&2
    die "airr-server has exited"
  fi
  psql -q -d airr -c "CHECKPOINT"
  local sync
  sync=$(sync_write_ms)
  say "airr-bench $scenario, $clients client(s) (synchronous 8 kB write: $sync ms)"
  local pg0 srv0 pg1 srv1
  pg0=$(postgres_ticks)
  srv0=$(proc_ticks "$SERVER_PID")
  AIRR_TOKEN=$TOKEN "$BIN/airr-bench" --addr "$ADDR" --scenario "$scenario" --clients "$clients" \
    --duration "$DURATION" --warmup "$WARMUP" --channels "$CHANNELS" \
    --ai-systems "$(IFS=,; echo "${AI_SYSTEMS[*]}")" --batch-size "$BATCH_SIZE" \
    --fingerprints "$FINGERPRINTS" "${extra[@]}" --json "$out" \
    >"$WORK/airr_${scenario}_$clients.out" || rc=$?
  pg1=$(postgres_ticks)
  srv1=$(proc_ticks "$SERVER_PID")
  sed 's/^/    /' "$WORK/airr_${scenario}_$clients.out" >&2
  if ((rc != 0)) || [[ ! -s $out ]]; then
    warn "airr-bench $scenario x$clients failed (exit $rc)"
    FAILED_POINTS=$((FAILED_POINTS + 1))
    jq -nc --arg s "$scenario" --argjson c "$clients" \
      '{scenario: $s, clients: $c, failed_run: true}' >>"$WORK/airr_points.jsonl"
    return 0
  fi
  # The server's and the cluster's CPU over the whole run (warm-up included): compare it with
  # the client's, which airr-bench measures over the measured window only.
  jq -c --argjson srv "$(ticks_to_seconds $((srv1 - srv0)))" \
    --argjson pg "$(ticks_to_seconds $((pg1 - pg0)))" --argjson wall "$((DURATION + WARMUP))" \
    --argjson sync "$sync" \
    '. + {server_cpu_seconds: $srv, postgres_cpu_seconds: $pg, run_wall_seconds: $wall,
          sync_write_8k_ms_before: $sync}' \
    "$out" >>"$WORK/airr_points.jsonl"
}

# Brings the fresh database to a steady state before anything is measured: some incidents and
# signals, then VACUUM ANALYZE. On a freshly migrated database the server's pooled connections
# cache generic plans made while `incidents` was empty, and those scan every incident of the
# tenant per lookup (through incidents_by_ai_system) until autovacuum first processes the table;
# measured from the start, the first point would report that transient, not the service.
prime_airr() {
  local systems
  systems=$(IFS=,; echo "${AI_SYSTEMS[*]}")
  AIRR_TOKEN=$TOKEN "$BIN/airr-bench" --addr "$ADDR" --scenario create_incident --clients 4 \
    --requests 500 --warmup 0 --ai-systems "$systems" >/dev/null ||
    die "priming with create_incident failed"
  AIRR_TOKEN=$TOKEN "$BIN/airr-bench" --addr "$ADDR" --scenario ingest_signals --requests 3 \
    --warmup 0 --ai-systems "$systems" --batch-size "$BATCH_SIZE" \
    --fingerprints "$FINGERPRINTS" >/dev/null || die "priming with ingest_signals failed"
  psql -q -d airr -c "VACUUM ANALYZE"
  say "primed the database (500 incidents, 3 signal batches, VACUUM ANALYZE)"
}

# Each airr point runs right after its baseline, so that both see the same machine: on a shared
# virtual machine the latency of a synchronous write, which bounds every durable commit, was seen
# to swing between 0.25 and 6 ms within minutes.
run_points() {
  local c
  for c in "${CREATE_CLIENTS[@]}"; do
    pgbench_point single_row_insert "$WORK/single.sql" "$c" 1 bench_incidents
    airr_point create_incident "$c"
  done
  for c in "${INGEST_CLIENTS[@]}"; do
    pgbench_point batched_insert "$WORK/batch.sql" "$c" "$BATCH_SIZE" bench_signals
    airr_point ingest_signals "$c"
  done
}

# ---- report ----------------------------------------------------------------------------------

# The comparison rows: each airr point beside the pgbench point of the same client count
# (create_incident vs single-row INSERT in tx/s, ingest_signals vs batched INSERT in rows/s).
write_json() {
  mkdir -p "$(dirname "$JSON_OUT")"
  jq -n --slurpfile pg "$WORK/pg_points.jsonl" --slurpfile airr "$WORK/airr_points.jsonl" \
    --arg time "$(date -Is)" --arg host "$(uname -srm)" --argjson cpus "$(nproc)" \
    --arg pgversion "$(psql -Atqc 'SHOW server_version')" \
    --argjson before "$STATE_BEFORE" --argjson after "$(machine_state)" \
    --argjson duration "$DURATION" --argjson warmup "$WARMUP" --argjson pool "$POOL_SIZE" \
    --arg channels "$CHANNELS" --argjson batch "$BATCH_SIZE" --argjson fps "$FINGERPRINTS" \
    --argjson fps_per_client "$([[ $FINGERPRINTS_PER_CLIENT == 1 ]] && echo true || echo false)" '
    def baseline($name; $c): first($pg[] | select(.name == $name and .clients == $c));
    {
      time: $time,
      machine: {host: $host, cpus: $cpus, postgres: $pgversion,
                postgres_settings: "tools/pg.sh start (durable: fsync, synchronous_commit on)",
                before: $before, after: $after},
      settings: {duration_seconds: $duration, warmup_seconds: $warmup, db_pool_size: $pool,
                 channels: $channels, batch_size: $batch, fingerprints: $fps,
                 fingerprints_per_client: $fps_per_client},
      postgres_baseline: $pg,
      airr: $airr,
      comparison: [ $airr[] | . as $a |
        (if $a.scenario == "create_incident"
         then {b: baseline("single_row_insert"; $a.clients), unit: "req/s", field: "throughput_rps",
               bunit: "tx/s", bfield: "transactions_per_second"}
         else {b: baseline("batched_insert"; $a.clients), unit: "signals/s",
               field: "signals_per_second", bunit: "rows/s", bfield: "rows_per_second"} end) as $m |
        {scenario: $a.scenario, clients: $a.clients, unit: $m.unit,
         airr_throughput: (if $a.failed_run then null else $a[$m.field] end),
         p50_ms: $a.latency_ms.p50, p99_ms: $a.latency_ms.p99, failed: $a.failed,
         errors: $a.errors, baseline: $m.b.name, baseline_unit: $m.bunit,
         baseline_throughput: $m.b[$m.bfield],
         sync_write_8k_ms_before: {baseline: $m.b.sync_write_8k_ms_before,
                                   airr: $a.sync_write_8k_ms_before},
         ratio: (if $a.failed_run or ($m.b[$m.bfield] // 0) == 0 then null
                 else ($a[$m.field] / $m.b[$m.bfield] * 1000 | round / 1000) end)} ]
    }' >"$JSON_OUT"
}

# The notes under the table: how the baseline was measured, the machine's state, CPU per request.
# shellcheck disable=SC2016  # jq's $variables, not the shell's
readonly NOTES_JQ='
  def ms($cpu; $n): if $n > 0 then ($cpu * 1000 / $n * 100 | round / 100) else null end;
  "Baseline: pgbench -M prepared; single_row = one incident-shaped row per transaction "
  + "(p50/p99 ms: " + ([.postgres_baseline[] | select(.name == "single_row_insert")
      | "c=\(.clients) \(.latency_ms.p50)/\(.latency_ms.p99)"] | join(", ")) + "),",
  "  batched = one INSERT ... SELECT of \(.settings.batch_size) signal-shaped rows per "
  + "transaction.",
  "Machine: \(.machine.cpus) CPUs shared by everything above; load average "
  + "\(.machine.before.load_average) -> \(.machine.after.load_average); a synchronous 8 kB write "
  + "took \(.machine.before.sync_write_8k_ms) -> \(.machine.after.sync_write_8k_ms) ms.",
  "A synchronous 8 kB write (ms) just before the baseline / the airr point: "
  + ([.comparison[] | "\(.scenario) x\(.clients) \(.sync_write_8k_ms_before.baseline)"
      + "/\(.sync_write_8k_ms_before.airr)"] | join(", ")) + ".",
  "CPU ms per request (airr, warm-up included) or per transaction (pgbench):",
  (.airr[] | select(.failed_run | not)
    | ((.duration_seconds + .settings.warmup_seconds) * .throughput_rps) as $n
    | "  airr \(.scenario) x\(.clients): airr-server \(ms(.server_cpu_seconds; $n)), "
      + "PostgreSQL \(ms(.postgres_cpu_seconds; $n)), "
      + "airr-bench \(ms(.client_cpu_seconds; .duration_seconds * .throughput_rps))"),
  (.postgres_baseline[]
    | "  pgbench \(.name) x\(.clients): PostgreSQL "
      + "\(ms(.postgres_cpu_seconds; .duration_seconds * .transactions_per_second)), "
      + "pgbench \(ms(.pgbench_cpu_seconds; .duration_seconds * .transactions_per_second))"),
  (.comparison[] | select((.failed // 0) > 0)
    | "Failed: \(.scenario) x\(.clients): "
      + (.errors | to_entries | map("\(.key) \(.value)") | join(", ")))'

print_table() {
  local row='%-16s %7s %18s %8s %8s %28s %7s\n'
  echo
  # shellcheck disable=SC2059  # the format is the constant above
  printf "$row" scenario clients "airr throughput" "p50 ms" "p99 ms" "PostgreSQL baseline" ratio
  jq -r '.comparison[] | [.scenario, .clients,
      (if .airr_throughput == null then "FAILED" else "\(.airr_throughput | round) \(.unit)" end),
      (.p50_ms // "-"), (.p99_ms // "-"),
      "\(.baseline_throughput | round) \(.baseline_unit) (\(.baseline | sub("_insert"; "")))",
      (if .ratio == null then "-" else "\(.ratio * 100 | round / 100)" end)] | @tsv' "$JSON_OUT" |
    while IFS=$'\t' read -r s c t p50 p99 b r; do
      # shellcheck disable=SC2059
      printf "$row" "$s" "$c" "$t" "$p50" "$p99" "$b" "$r"
    done
  echo
  jq -r "$NOTES_JQ" "$JSON_OUT"
  echo
  say "results in $JSON_OUT"
}

main() {
  case ${1:-} in
    "") ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; return 0 ;;
    *) die "no arguments expected (settings come from the environment; see --help)" ;;
  esac
  check_settings
  trap on_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  WORK=$(mktemp -d /tmp/airr-bench-work.XXXXXX)
  build
  start_cluster
  STATE_BEFORE=$(machine_state)
  say "machine: $STATE_BEFORE"
  write_pgbench_files
  setup_airr
  prime_airr
  run_points
  write_json
  print_table
  say "done"
  ((FAILED_POINTS == 0)) || die "$FAILED_POINTS airr-bench point(s) failed"
}

main "$@"
