#!/usr/bin/env bash
# End-to-end test of the incident service through the real binaries: airr-admin bootstraps two
# tenants, airr-server serves them, and the airr CLI logs incidents, moves them through every
# state (also the illegal way), merges and rejects, writes and reads the timeline, sends monitor
# signals for deduplication, and watches the change stream. Prints the main incident's timeline.
#
#   incident_e2e_test.sh BIN_DIR SOURCE_DIR      (cluster DSN from $AIRR_TEST_PG_DSN_FILE)
set -uo pipefail

BIN=$1
SRC=$2
# shellcheck source=tests/e2e/e2e_lib.sh
source "$SRC/tests/e2e/e2e_lib.sh"
e2e_begin incident-e2e

airr() { "$BIN/airr" "$@"; }
sql() { psql -Atq "$AIRR_DATABASE_URL" -c "$1"; }
field_of() { airr incidents get "$1" | sed -n "s/^$2: *//p"; }  # field_of ID FIELD

is_state() {  # is_state ID STATE : the incident is in STATE
  local state
  state=$(field_of "$1" state)
  [ "$state" = "$2" ] || { echo "state of $1 is '$state', expected '$2'"; return 1; }
}

shows_state() {  # shows_state STATE COMMAND... : the command succeeds and prints "state: STATE"
  local state=$1
  shift
  local out
  out=$("$@" 2>&1) || { echo "failed: $out"; return 1; }
  grep -qE "^state: +$state\$" <<<"$out" || { echo "expected state $state in: $out"; return 1; }
}

# What the failed creates below must leave untouched: incidents, timeline, audit trail, outbox.
footprint() {
  sql "SELECT (SELECT count(*) FROM incidents) || '/' || (SELECT count(*) FROM
    incident_timeline_events) || '/' || (SELECT count(*) FROM audit_log) || '/' ||
    (SELECT count(*) FROM outbox_events)"
}

# --- bootstrap -----------------------------------------------------------------------------
check "airr-admin migrate" contains "schema is up to date" "$BIN/airr-admin" migrate
check "create tenant acme" "$BIN/airr-admin" create-tenant acme
check "create tenant globex" "$BIN/airr-admin" create-tenant globex
ADMIN=$("$BIN/airr-admin" issue-token --tenant acme --role admin --name ops 2>/dev/null)
RESPONDER=$("$BIN/airr-admin" issue-token --tenant acme --role responder --name oncall 2>/dev/null)
REPORTER=$("$BIN/airr-admin" issue-token --tenant acme --role reporter --name alice 2>/dev/null)
GLOBEX=$("$BIN/airr-admin" issue-token --tenant globex --role admin --name ops 2>/dev/null)
check "issued four tokens" test -n "$ADMIN" -a -n "$RESPONDER" -a -n "$REPORTER" -a -n "$GLOBEX"

start_server airr-server
export AIRR_ADDR=127.0.0.1:$PORT AIRR_TOKEN=$RESPONDER
check "health answers SERVING" contains SERVING airr health
check "the incident service is served" contains SERVING \
  airr health --service airr.incident.v1.IncidentService

system() {  # system ID TOKEN : registers an AI system in the token's tenant
  airr --token "$2" systems create --id "$1" --display-name "$1" --owner cx-team \
    --role provider --stage operation --model-type llm --generative --data personal \
    --jurisdiction JP --oversight on_the_loop --tier medium
}
check "acme: register AI system support-bot" contains "aiSystems/support-bot" \
  system support-bot "$ADMIN"
check "globex: register AI system globex-bot" contains "aiSystems/globex-bot" \
  system globex-bot "$GLOBEX"

# --- log an incident -------------------------------------------------------------------------
REQUEST_ID=3f1c9a52-7c1e-4d7b-9a55-2b4e0c8d1e01
report() {  # report ID TITLE [FLAGS...] : logs an incident against support-bot as the reporter
  airr --token "$REPORTER" incidents create --id "$1" --title "$2" --ai-system support-bot \
    --kind incident --detection-source customer --severity sev3 "${@:3}"
}
check "reporter logs an incident (REPORTED)" shows_state reported \
  report chat-leak "Chatbot showed a customer another customer's address" \
  --request-id "$REQUEST_ID" --harm privacy --cause hallucination --action feature-disabled \
  --jurisdiction JP --breach leaked --breach-persons 1 --label channel=web \
  --detect-time "$(date -u -d '-2 hours' +%Y-%m-%dT%H:%M:%SZ)"
check "the same request id returns the same incident" contains "incidents/chat-leak" \
  report chat-leak-again "Retry" --request-id "$REQUEST_ID"
check "and created nothing more" test "$(sql "SELECT count(*) FROM incidents")" = 1
check "get by name shows the harm" contains "privacy" airr incidents get incidents/chat-leak
check "a breach implies personal data involved (JSON)" contains '"involved": true' \
  airr -o json incidents get chat-leak
check "the reporter is the caller" test "$(field_of chat-leak reporter)" = alice
check "a reporter may not triage" fails_with PERMISSION_DENIED \
  airr --token "$REPORTER" incidents triage chat-leak --severity sev2 --owner me

# --- through every state ---------------------------------------------------------------------
check "triage: REPORTED -> TRIAGED" shows_state triaged \
  airr incidents triage chat-leak --severity sev2 --owner cx-oncall --comment "Real leak"
check "triage set severity and owner" test "$(field_of chat-leak severity)/$(field_of chat-leak \
  owner)" = sev2/cx-oncall
ETAG=$(field_of chat-leak etag)
check "update with the current etag" contains "Address shown in chat" \
  airr incidents update chat-leak --etag "$ETAG" --description "Address shown in chat"
check "update with a stale etag is ABORTED" exits_with 1 ABORTED \
  airr incidents update chat-leak --etag "$ETAG" --description "Stale"
check "start-mitigation: TRIAGED -> MITIGATING" shows_state mitigating \
  airr incidents start-mitigation chat-leak --comment "Address lookup disabled"
check "add a note to the timeline" contains "incidents/chat-leak/timelineEvents/" \
  airr incidents timeline chat-leak --add --type note --text "Customer called back"
check "add a decision with a time in the past" contains "decision" \
  airr incidents timeline chat-leak --add --type decision --text "Notify the regulator" \
  --at "$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)"
check "resolve: MITIGATING -> RESOLVED" shows_state resolved \
  airr incidents resolve chat-leak --summary "Lookup fixed; cache purged"
check "close: RESOLVED -> CLOSED" shows_state closed \
  airr incidents close chat-leak --review "Missing tenant filter in retrieval" --bcp-invoked
check "start-mitigation of a CLOSED incident: exit 1, FAILED_PRECONDITION" exits_with 1 \
  FAILED_PRECONDITION airr incidents start-mitigation chat-leak
check "the refused transition changed nothing" is_state chat-leak closed
check "update of a CLOSED incident is FAILED_PRECONDITION" fails_with FAILED_PRECONDITION \
  airr incidents update chat-leak --description "Too late"
check "reopen: CLOSED -> TRIAGED (it was triaged before)" shows_state triaged \
  airr incidents reopen chat-leak --reason "Same leak seen again"

check "a second incident (REPORTED)" shows_state reported report spam-report "Spam"
check "reject: REPORTED -> REJECTED" shows_state rejected \
  airr incidents reject spam-report --reason invalid-report --comment "Test message"
check "the reject reason is kept" test "$(field_of spam-report reject_reason)" = invalid_report

check "a third incident (REPORTED)" shows_state reported report dup-report "Address leak again"
check "merge: REPORTED -> MERGED" shows_state merged \
  airr incidents merge dup-report --into chat-leak --comment "Same leak"
check "the merged incident points to the survivor" \
  test "$(field_of dup-report merged_into)" = incidents/chat-leak
check "merging into itself is INVALID_ARGUMENT" fails_with INVALID_ARGUMENT \
  airr incidents merge chat-leak --into chat-leak
check "list filters by state" contains "dup-report" airr incidents list --filter 'state = MERGED'

# --- the timeline ----------------------------------------------------------------------------
echo "--- timeline of incidents/chat-leak:"
airr incidents timeline chat-leak | sed 's/^/    /'
airr -o json incidents timeline chat-leak >"$WORK/timeline.json"
types=$(grep -o '"type": "TIMELINE_EVENT_TYPE_[A-Z_]*"' "$WORK/timeline.json" |
  sed 's/.*TYPE_\([A-Z_]*\)"/\1/' | tr '\n' ' ')
check "the timeline lists every event in order" test "$types" = "CREATED TRIAGED UPDATED \
MITIGATION_STARTED NOTE DECISION RESOLVED CLOSED REOPENED MERGED_FROM "
# One "TYPE:FROM>TO" per lifecycle event, from the JSON (one field a line; an event's object
# closes at an indent of two).
transitions=$(awk -F'"' '/^   "type"/ {t = $4} /^   "from_state"/ {f = $4} /^   "to_state"/ {o = $4}
  /^  }/ {print t ":" f ">" o; t = f = o = ""}' "$WORK/timeline.json" |
  sed 's/TIMELINE_EVENT_TYPE_//; s/STATE_//g' |
  grep -E '^(TRIAGED|MITIGATION_STARTED|RESOLVED|CLOSED|REOPENED):' | tr '\n' ' ')
echo "    transitions: $transitions"
check "the timeline records every transition" test "$transitions" = "TRIAGED:REPORTED>TRIAGED \
MITIGATION_STARTED:TRIAGED>MITIGATING RESOLVED:MITIGATING>RESOLVED CLOSED:RESOLVED>CLOSED \
REOPENED:CLOSED>TRIAGED "

# --- bad AI systems write nothing --------------------------------------------------------------
before=$(footprint)
check "an AI system of another tenant is INVALID_ARGUMENT naming incident.ai_system" \
  exits_with 1 "incident.ai_system" \
  airr incidents create --title "Foreign" --ai-system globex-bot --kind incident \
  --detection-source person
check "a missing AI system is INVALID_ARGUMENT naming incident.ai_system" \
  exits_with 1 "incident.ai_system" \
  airr incidents create --title "Ghost" --ai-system no-such-bot --kind incident \
  --detection-source person
check "... both INVALID_ARGUMENT" fails_with INVALID_ARGUMENT \
  airr incidents create --title "Ghost" --ai-system aiSystems/no-such-bot --kind incident \
  --detection-source person
check "the refused creates wrote nothing (incidents/timeline/audit/outbox)" \
  test "$(footprint)" = "$before"
check "globex does not see acme's incidents" bash -c \
  "! AIRR_TOKEN='$GLOBEX' '$BIN/airr' incidents list --all | grep -q chat-leak"

# --- signals -----------------------------------------------------------------------------------
t() { date -u -d "-$1 min" +%Y-%m-%dT%H:%M:%SZ; }
check "signals send: 5 lines in 3 batches open 2 incidents" contains \
  "Total: 5 signal(s) accepted in 3 batch(es); 2 incident(s) created" \
  airr signals send --source guardrail/chat --batch-size 2 <<EOF
{"aiSystem":"support-bot","kind":"abuse","fingerprint":"pi-001","observeTime":"$(t 9)","summary":"Prompt injection"}
{"aiSystem":"aiSystems/support-bot","kind":"SIGNAL_KIND_ABUSE","fingerprint":"pi-001","observeTime":"$(t 8)"}

{"aiSystem":"support-bot","kind":"privacy","fingerprint":"pii-7","observeTime":"$(t 7)","summary":"PII in output","severityHint":"sev2"}
{"aiSystem":"support-bot","kind":"abuse","fingerprint":"pi-001","observeTime":"$(t 6)","attributes":{"rule":"r7"}}
{"source":"dlp/logs","aiSystem":"support-bot","kind":"privacy","fingerprint":"pii-7","observeTime":"$(t 5)"}
EOF
signals_before=$(sql "SELECT count(*) FROM signals")
check "a bad signal line is a usage error naming the line; nothing is sent" exits_with 2 \
  "standard input line 2:" airr signals send <<EOF
{"aiSystem":"support-bot","kind":"abuse","fingerprint":"pi-001","observeTime":"$(t 4)"}
{"aiSystem":"support-bot","kind":"gossip","fingerprint":"pi-001","observeTime":"$(t 4)"}
EOF
check "... and nothing was stored" test "$(sql "SELECT count(*) FROM signals")" = "$signals_before"
signal_incident() {  # signal_incident FINGERPRINT COUNT : one incident with COUNT signals
  local out
  out=$(airr -o json incidents list --filter "signal_fingerprint = \"$1\"") || return 1
  [ "$(grep -c '"name": "incidents/' <<<"$out")" = 1 ] ||
    { echo "not one incident: $out"; return 1; }
  grep -qF "\"signal_count\": \"$2\"" <<<"$out" || { echo "expected $2 signals: $out"; return 1; }
  grep -qF '"kind": "KIND_HAZARD"' <<<"$out" || { echo "expected a hazard: $out"; return 1; }
}
check "fingerprint pi-001: one incident with 3 signals" signal_incident pi-001 3
check "fingerprint pii-7: one incident with 2 signals" signal_incident pii-7 2
check "signal incidents are in the list" contains "Prompt injection" airr incidents list

# --- watch -------------------------------------------------------------------------------------
# The watch prints its first heartbeat once subscribed; the changes are made after that.
mkfifo "$WORK/watch.fifo"
timeout 60 "$BIN/airr" -o json incidents watch --heartbeats --count 4 >"$WORK/watch.fifo" \
  2>"$WORK/watch.err" &
WATCH_PID=$!
pids+=("$WATCH_PID")
exec {watch_fd}<"$WORK/watch.fifo"
first=""
read -r -t 30 first <&"$watch_fd"
check "watch starts with a heartbeat" grep -qF CHANGE_TYPE_HEARTBEAT <<<"$first"
cat <&"$watch_fd" >"$WORK/watch.out" &
pids+=($!)
report watched "Watched incident" >/dev/null
airr incidents triage watched --severity sev4 --owner cx-oncall >/dev/null
airr incidents timeline watched --add --text "Looked at it" >/dev/null
airr incidents reject watched --reason not-an-ai-incident >/dev/null
check "watch exits 0 after --count changes" wait "$WATCH_PID"
wait "${pids[-1]}"
echo "--- watch output:"
sed 's/^/    /' "$WORK/watch.out"
changes=$(grep -v HEARTBEAT "$WORK/watch.out" | grep -o '"change_type":"CHANGE_TYPE_[A-Z_]*"' |
  sed 's/.*TYPE_\([A-Z_]*\)"/\1/' | tr '\n' ' ')
check "watch printed the four changes in order" \
  test "$changes" = "CREATED TRIAGED TIMELINE_EVENT_ADDED REJECTED "
change_line='^\{"cursor":"[^"]+","change_type":"[A-Z_]+","incident_name":"incidents/watched"'
check "every change names the incident and carries a cursor" \
  test "$(grep -v HEARTBEAT "$WORK/watch.out" | grep -cE "$change_line")" = 4
cursor=$(grep -v HEARTBEAT "$WORK/watch.out" | sed -n '2s/.*"cursor":"\([^"]*\)".*/\1/p')
check "watch --cursor resumes after that change, exactly once" test "$(timeout 30 "$BIN/airr" \
  -o json incidents watch --cursor "$cursor" --count 2 | grep -o 'CHANGE_TYPE_[A-Z_]*' |
  tr '\n' ' ')" = "CHANGE_TYPE_TIMELINE_EVENT_ADDED CHANGE_TYPE_REJECTED "
check "a human watch line names the change and the incident" \
  contains "timeline_event_added  incidents/watched  note \"Looked at it\"  cursor=" \
  timeout 30 "$BIN/airr" incidents watch --cursor "$cursor" --count 1

kill -TERM "$SERVER_PID"
check "airr-server exits 0 on SIGTERM" wait "$SERVER_PID"

e2e_end
