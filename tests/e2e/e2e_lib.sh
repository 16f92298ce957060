# Sourced by the e2e scripts of this directory: a fresh database of the ctest cluster, the real
# server binaries on free ports, pass/fail counting and clean-up. Set BIN (the binaries) first.
#
#   e2e_begin NAME      work dir /tmp/airr-NAME.XXXXXX, database airr_NAME_$$ (AIRR_DATABASE_URL),
#                       cluster DSN in CLUSTER; everything is removed on exit
#   check NAME CMD...   counts a pass when CMD succeeds, else a failure with CMD's output;
#                       CMD is often one of fails_with, contains, exits_with (below)
#   e2e_end             prints "e2e: N passed, M failed"; fails when anything failed
# shellcheck shell=bash
# shellcheck disable=SC2034  # sets globals for the scripts that source it (PORT, SERVER_PID)

# Kills what the script started (the PIDs in `pids`), drops the database, removes WORK.
e2e_cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  [ -n "${DB:-}" ] && psql -q "$CLUSTER" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$WORK"
}

e2e_begin() {
  WORK=$(mktemp -d "/tmp/airr-$1.XXXXXX")
  passed=0
  failed=0
  pids=()
  trap e2e_cleanup EXIT
  CLUSTER=$(head -n1 "${AIRR_TEST_PG_DSN_FILE:?run through ctest (fixture pg)}")
  DB=airr_${1//-/_}_$$
  psql -q "$CLUSTER" -c "CREATE DATABASE $DB TEMPLATE template0" || exit 1
  export AIRR_DATABASE_URL=${CLUSTER%/*}/$DB
}

e2e_end() {
  echo "e2e: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

check() {  # check NAME COMMAND... : passes when the command succeeds
  local name=$1
  shift
  if "$@" >"$WORK/last.out" 2>&1; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
    sed 's/^/     | /' "$WORK/last.out" | head -20
  fi
}

fails_with() {  # fails_with TEXT COMMAND... : the command exits non-zero and prints TEXT
  local text=$1
  shift
  local out
  out=$("$@" 2>&1) && { echo "unexpected success: $out"; return 1; }
  grep -qF -- "$text" <<<"$out" || { echo "expected '$text' in: $out"; return 1; }
}

contains() {  # contains TEXT COMMAND... : the command succeeds and prints TEXT
  local text=$1
  shift
  local out
  out=$("$@" 2>&1) || { echo "failed: $out"; return 1; }
  grep -qF -- "$text" <<<"$out" || { echo "expected '$text' in: $out"; return 1; }
}

# Starts a server binary on a free port; sets PORT and SERVER_PID. Waits for its "listening" line
# on a FIFO (no polling), bounded by read's timeout.
start_server() {
  local binary=$1
  local fifo=$WORK/$binary.fifo
  rm -f "$fifo"
  mkfifo "$fifo"
  AIRR_LISTEN=127.0.0.1:0 "$BIN/$binary" >"$fifo" 2>"$WORK/$binary.log" &
  SERVER_PID=$!
  pids+=("$SERVER_PID")
  exec {fd}<"$fifo"
  local line=""
  read -r -t 30 line <&"$fd" || { echo "$binary did not start:"; cat "$WORK/$binary.log"; exit 1; }
  PORT=${line##*:}
}

exits_with() {  # exits_with CODE TEXT COMMAND... : the command exits with CODE and prints TEXT
  local code=$1 text=$2
  shift 2
  local out rc
  out=$("$@" 2>&1)
  rc=$?
  [ "$rc" -eq "$code" ] || { echo "exit status $rc, expected $code: $out"; return 1; }
  grep -qF -- "$text" <<<"$out" || { echo "expected '$text' in: $out"; return 1; }
}
