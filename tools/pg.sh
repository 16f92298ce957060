#!/usr/bin/env bash
# tools/pg.sh — private PostgreSQL clusters for airr development and tests.
#
#   tools/pg.sh temp-start DIR      throwaway cluster for tests (no durability, trust auth, random
#                                   port); prints its URI and writes it to DIR/dsn. Wipes whatever a
#                                   crashed earlier run left in DIR first.
#   tools/pg.sh temp-stop DIR       immediate stop, then removes DIR.
#   tools/pg.sh start DIR [PORT]    durable cluster for `tools/dev run` (initdb on first use only),
#                                   on 127.0.0.1:PORT (default 55432); prints its URI and writes it
#                                   to DIR/dsn (mode 0600: it holds the generated password).
#                                   Does nothing but print the URI when it is already running.
#   tools/pg.sh stop DIR            fast shutdown; keeps the data.
#   tools/pg.sh status DIR          says whether the cluster runs; exit 0 running, 3 stopped,
#                                   4 no cluster in DIR (as pg_ctl status).
#
# Works as root (PostgreSQL refuses root, so initdb and the server run as the `postgres` user, or
# `nobody` where there is none, through runuser) and as a normal user (runs as that user).
# DIR holds the cluster (DIR/data, DIR/server.log) and DIR/env (PG* variables for psql). As root,
# DIR is handed to the server user, so every parent of DIR must be traversable by it; temp-start
# falls back to a private /tmp dir (named in DIR/home) when one is not, start fails and says which.
# The durable cluster needs a password on every connection, kept in DIR/password (mode 0600).
#
# Environment: AIRR_PGBIN  PostgreSQL bin dir (default /usr/lib/postgresql/15/bin, else the newest
#                          /usr/lib/postgresql/*/bin).
set -euo pipefail

readonly TEMP_MARK=.airr-pg-temp
readonly DURABLE_MARK=.airr-pg-durable
readonly DEFAULT_PORT=55432

die() { echo "pg.sh: $*" >&2; exit 1; }
say() { echo "pg.sh: $*" >&2; }

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
}

find_pgbin() {
  local bin=${AIRR_PGBIN:-}
  if [[ -z $bin ]]; then
    if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
      bin=/usr/lib/postgresql/15/bin
    else
      bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
    fi
  fi
  [[ -n $bin && -x $bin/initdb && -x $bin/pg_ctl ]] ||
    die "no PostgreSQL server binaries found (install postgresql-15: tools/dev deps, or set AIRR_PGBIN)"
  PGBIN=$bin
}

# as_pg CMD...: run CMD as the user that owns the cluster. From / so that the server user never
# trips over an unreadable working directory.
setup_user() {
  if [[ $(id -u) -eq 0 ]]; then
    if id -u postgres >/dev/null 2>&1; then RUNAS=postgres; else RUNAS=nobody; fi
    command -v runuser >/dev/null || die "runuser (util-linux) is needed to run PostgreSQL as root"
    as_pg() { (cd / && runuser -u "$RUNAS" -- "$@"); }
  else
    RUNAS=$(id -un)
    as_pg() { (cd / && "$@"); }
  fi
}

# The topmost parent of $1 that RUNAS cannot traverse, or nothing.
untraversable_parent() {
  local p="" part
  local -a parts
  IFS=/ read -ra parts <<<"${1#/}"
  for part in "${parts[@]:0:${#parts[@]}-1}"; do
    p+=/$part
    as_pg test -x "$p" || { echo "$p"; return 0; }
  done
}

# Makes DIR (and its parents) and hands it to RUNAS. Fails when RUNAS cannot reach it.
prepare_dir() {
  local dir=$1 bad
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then
    bad=$(untraversable_parent "$dir")
    if [[ -n $bad ]]; then
      say "$RUNAS cannot traverse $bad, a parent of $dir"
      return 1
    fi
    chown "$RUNAS": "$dir"
  fi
  chmod 0700 "$dir"
  as_pg test -w "$dir" || { say "$RUNAS cannot write $dir"; return 1; }
}

port_busy() {
  local port=$1
  if command -v ss >/dev/null; then
    [[ -n $(ss -Htln "sport = :$port" 2>/dev/null) ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

random_free_port() {
  local p _
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 40000))
    port_busy "$p" || { echo "$p"; return 0; }
  done
  return 1
}

# Unix socket paths are limited to 107 bytes: the socket lives in DIR when "DIR/.s.PGSQL.PORT"
# fits, else in a private /tmp dir (recorded in DIR/sockdir so stop can remove it).
choose_sockdir() {
  local dir=$1
  if (( ${#dir} + 20 < 100 )); then
    echo "$dir"
  else
    as_pg mktemp -d /tmp/airr-pgsock.XXXXXX
  fi
}

remove_private_sockdir() {
  local dir=$1 s
  [[ -f $dir/sockdir ]] || return 0
  s=$(<"$dir/sockdir")
  case $s in /tmp/airr-pgsock.*) rm -rf -- "$s" ;; esac
  rm -f -- "$dir/sockdir"
}

# Whether the postmaster of cluster home $1 is alive. As pg_ctl status, but a zombie (a killed
# postmaster not yet reaped, seen in containers whose init reaps late) counts as dead.
is_running() {
  local pidfile=$1/data/postmaster.pid pid state
  pid=$(as_pg sed -n 1p "$pidfile" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/stat ]] || return 1
  state=$(sed 's/^.*) \(.\).*$/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
  [[ $state != Z ]]
}

# The port of the running server, from line 4 of postmaster.pid.
running_port() { as_pg sed -n 4p "$1/data/postmaster.pid"; }

# DIR/dsn: the URI. DIR/env: PG* variables for psql over the unix socket (`. DIR/env; psql`).
# Both are private (0600) when they hold a password.
write_conn_files() {
  local dir=$1 uri=$2 port=$3 sock=$4 password=$5
  (
    [[ -z $password ]] || umask 077
    echo "$uri" >"$dir/dsn"
    printf 'export PGHOST=%s PGPORT=%s PGUSER=postgres PGDATABASE=postgres\n' "$sock" "$port" \
      >"$dir/env"
    [[ -z $password ]] || printf 'export PGPASSWORD=%s\n' "$password" >>"$dir/env"
  )
}

# pg_ctl start on PORT; on failure shows the log. Returns 2 when the port was taken meanwhile.
start_server() {
  local dir=$1 port=$2 sock=$3
  local log=$dir/server.log
  rm -f -- "$log"
  if as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$log" -w -t 60 \
    -o "-p $port -k $sock" start >/dev/null; then
    return 0
  fi
  if grep -q 'could not bind\|Address already in use\|could not create any TCP/IP sockets' \
    "$log" 2>/dev/null; then
    return 2
  fi
  say "server start failed; $log says:"
  tail -n 20 "$log" >&2 2>/dev/null || true
  return 1
}

# ---- throwaway clusters ----------------------------------------------------------------------

# Where the cluster of DIR lives: DIR itself, or the /tmp dir named in DIR/home when RUNAS could
# not reach DIR.
home_of() {
  if [[ -f $1/home ]]; then cat "$1/home"; else echo "$1"; fi
}

# Stops and removes what an earlier temp-start left in DIR. Refuses to touch anything else.
wipe_temp() {
  local dir=$1 home
  [[ -e $dir ]] || return 0
  if [[ ! -e $dir/$TEMP_MARK ]]; then
    [[ -d $dir && -z $(ls -A "$dir") ]] ||
      die "$dir exists but was not made by temp-start; refusing to wipe it"
    rmdir -- "$dir"
    return 0
  fi
  home=$(home_of "$dir")
  if is_running "$home"; then
    as_pg "$PGBIN/pg_ctl" -D "$home/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  remove_private_sockdir "$dir"
  case $home in /tmp/airr-pgtest.*) rm -rf -- "$home" ;; esac
  rm -rf -- "$dir"
}

# A private /tmp dir for the cluster, for when RUNAS cannot reach DIR (e.g. a clone under /root).
fallback_home() {
  local home
  home=$(mktemp -d /tmp/airr-pgtest.XXXXXX)
  [[ $(id -u) -ne 0 ]] || chown "$RUNAS": "$home"
  echo "$home"
}

cmd_temp_start() {
  local dir=$1 home sock port rc=1 attempt t0
  t0=$(date +%s%N)
  wipe_temp "$dir"
  mkdir -p "$dir"
  touch "$dir/$TEMP_MARK"
  if prepare_dir "$dir" 2>/dev/null; then
    home=$dir
  else
    home=$(fallback_home)
    echo "$home" >"$dir/home"
    say "$RUNAS cannot use $dir; the cluster lives in $home instead"
  fi
  sock=$(choose_sockdir "$home")
  echo "$sock" >"$dir/sockdir"
  as_pg "$PGBIN/initdb" -D "$home/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    --no-sync --no-instructions >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  printf '%s\n' "listen_addresses = '127.0.0.1'" "max_connections = 200" "fsync = off" \
    "synchronous_commit = off" "full_page_writes = off" |
    as_pg tee -a "$home/data/postgresql.conf" >/dev/null
  for attempt in 1 2 3 4 5; do
    port=$(random_free_port) || die "no free TCP port found"
    rc=0
    start_server "$home" "$port" "$sock" || rc=$?
    [[ $rc -eq 0 ]] && break
    [[ $rc -eq 2 ]] || die "could not start the test cluster in $home"
    say "port $port was taken (attempt $attempt), retrying on another"
  done
  [[ $rc -eq 0 ]] || die "could not start the test cluster after 5 port attempts"
  local uri="postgresql://postgres@127.0.0.1:$port/postgres"
  write_conn_files "$dir" "$uri" "$port" "$sock" ""
  say "test cluster up in $((($(date +%s%N) - t0) / 1000000)) ms on 127.0.0.1:$port, runs as $RUNAS, data in $home/data"
  echo "$uri"
}

cmd_temp_stop() {
  wipe_temp "$1"
}

# ---- the durable cluster ---------------------------------------------------------------------

init_durable() {
  local dir=$1 pwfile
  prepare_dir "$dir" || die "cannot keep a cluster in $dir as $RUNAS; make its parents traversable (chmod o+x) or pick another DIR"
  [[ -z $(ls -A "$dir") ]] || die "$dir is not empty and holds no airr cluster; refusing to use it"
  say "creating a new cluster in $dir (first use)"
  # Every connection needs this generated password: other local users must not reach the data.
  # It is kept in DIR/password, DIR/dsn and DIR/env, all mode 0600.
  local pw
  pw=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  pwfile=$(as_pg mktemp "$dir/pw.XXXXXX")
  printf '%s\n' "$pw" | as_pg tee "$pwfile" >/dev/null
  if ! as_pg "$PGBIN/initdb" -D "$dir/data" -U postgres --pwfile="$pwfile" \
    --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-instructions \
    >"$dir/initdb.log" 2>&1; then
    rm -f -- "$pwfile"
    cat "$dir/initdb.log" >&2
    die "initdb failed"
  fi
  rm -f -- "$pwfile"
  printf '%s\n' "listen_addresses = '127.0.0.1'" "max_connections = 100" |
    as_pg tee -a "$dir/data/postgresql.conf" >/dev/null
  (umask 077 && echo "$pw" >"$dir/password")
  touch "$dir/$DURABLE_MARK"
}

check_durable() {
  local dir=$1
  [[ -e $dir/$TEMP_MARK ]] && die "$dir holds a throwaway test cluster, not a durable one"
  [[ -e $dir/$DURABLE_MARK && -f $dir/data/PG_VERSION ]]
}

cmd_start() {
  local dir=$1 port=${2:-$DEFAULT_PORT} sock rc=0 uri
  if [[ ! $port =~ ^[0-9]+$ ]] || ((port < 1 || port > 65535)); then die "bad port: $port"; fi
  check_durable "$dir" || init_durable "$dir"
  if is_running "$dir"; then
    local running
    running=$(running_port "$dir")
    [[ $running == "$port" ]] ||
      say "already running on port $running (not $port); stop it first to change the port"
    port=$running
    say "already running in $dir on port $port"
  else
    port_busy "$port" &&
      die "port $port on 127.0.0.1 is busy (another PostgreSQL?); free it or pass another: tools/pg.sh start $dir PORT"
    remove_private_sockdir "$dir"
    sock=$(choose_sockdir "$dir")
    echo "$sock" >"$dir/sockdir"
    start_server "$dir" "$port" "$sock" || rc=$?
    [[ $rc -eq 2 ]] && die "port $port on 127.0.0.1 is busy; pass another: tools/pg.sh start $dir PORT"
    [[ $rc -eq 0 ]] || die "could not start the cluster in $dir (log: $dir/server.log)"
    say "started in $dir on 127.0.0.1:$port (runs as $RUNAS)"
  fi
  local pw
  pw=$(<"$dir/password")
  uri="postgresql://postgres:$pw@127.0.0.1:$port/postgres"
  write_conn_files "$dir" "$uri" "$port" "$(<"$dir/sockdir")" "$pw"
  echo "$uri"
}

cmd_stop() {
  local dir=$1
  if ! check_durable "$dir"; then
    say "no cluster in $dir"
    return 0
  fi
  if is_running "$dir"; then
    # A failure is fine when the server went down meanwhile (e.g. a terminal's Ctrl-C reached it).
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 ||
      ! is_running "$dir" || die "could not stop the cluster in $dir (log: $dir/server.log)"
    say "stopped the cluster in $dir"
  else
    say "the cluster in $dir is not running"
  fi
  remove_private_sockdir "$dir"
}

cmd_status() {
  local dir=$1 home
  home=$(home_of "$dir")
  if [[ ! -f $home/data/PG_VERSION ]]; then
    echo "no cluster in $dir"
    return 4
  fi
  if is_running "$home"; then
    echo "running in $dir on 127.0.0.1:$(running_port "$home") (pid $(as_pg sed -n 1p "$home/data/postmaster.pid"))"
  else
    echo "stopped ($dir)"
    return 3
  fi
}

main() {
  local cmd=${1:-}
  case $cmd in
    -h | --help | help) usage; return 0 ;;
    temp-start | temp-stop | stop | status) [[ $# -eq 2 ]] || die "usage: $0 $cmd DIR" ;;
    start) [[ $# -eq 2 || $# -eq 3 ]] || die "usage: $0 start DIR [PORT]" ;;
    *) usage >&2; return 2 ;;
  esac
  [[ -n $2 ]] || die "empty DIR"
  local dir
  dir=$(realpath -m -- "$2")
  [[ $dir != / ]] || die "refusing to use / as DIR"
  find_pgbin
  setup_user
  case $cmd in
    temp-start) cmd_temp_start "$dir" ;;
    temp-stop) cmd_temp_stop "$dir" ;;
    start) cmd_start "$dir" "${3:-}" ;;
    stop) cmd_stop "$dir" ;;
    status) cmd_status "$dir" ;;
  esac
}

main "$@"
