#!/usr/bin/env bash
# End-to-end test of the report service through the real binaries: a high-risk hiring screener
# (EU AI Act provider, EU and JP) discriminates against women; the investigation finds a data
# leak of 3,000 persons. The airr CLI suggests and links the violated principles (four eyes),
# derives the notification obligations (EU AI Act Art. 73, GDPR Art. 33, APPI preliminary and
# final) and checks each due time to the second, records a sending, runs mitigations through
# their lifecycle, and prints the incident report. A twin incident without the leak must oblige
# no GDPR or APPI notification.
#
#   report_e2e_test.sh BIN_DIR SOURCE_DIR      (cluster DSN from $AIRR_TEST_PG_DSN_FILE)
set -uo pipefail

BIN=$1
SRC=$2
# shellcheck source=tests/e2e/e2e_lib.sh
source "$SRC/tests/e2e/e2e_lib.sh"
e2e_begin report-e2e

airr() { "$BIN/airr" "$@"; }
rfc3339() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }  # rfc3339 EPOCH_SECONDS
field() { sed -n "s/^$1: *//p"; }                     # field KEY < key/value block

# The row of obligation RULE in a notifications table (the rule id is a column of its own).
row_of() { grep -E "(^| )$1 " || true; }

due_is() {  # due_is RULE EXPECTED TABLE_FILE : the rule's row shows the due time EXPECTED
  local row
  row=$(row_of "$1" <"$3")
  [ -n "$row" ] || { echo "no row for $1 in:"; cat "$3"; return 1; }
  grep -qF " $2 " <<<"$row " || { echo "expected due $2 for $1, row: $row"; return 1; }
}

state_is() {  # state_is RULE STATE TABLE_FILE : the rule's row shows STATE
  local row
  row=$(row_of "$1" <"$3")
  grep -qE " $2( |\$)" <<<"$row" || { echo "expected $2 for $1, row: '$row'"; return 1; }
}

# --- bootstrap -----------------------------------------------------------------------------
check "airr-admin migrate" contains "schema is up to date" "$BIN/airr-admin" migrate
check "create tenant acme" "$BIN/airr-admin" create-tenant acme
ADMIN=$("$BIN/airr-admin" issue-token --tenant acme --role admin --name ops 2>/dev/null)
ALICE=$("$BIN/airr-admin" issue-token --tenant acme --role analyst --name alice 2>/dev/null)
BOB=$("$BIN/airr-admin" issue-token --tenant acme --role analyst --name bob 2>/dev/null)
CAROL=$("$BIN/airr-admin" issue-token --tenant acme --role responder --name carol 2>/dev/null)
REPORTER=$("$BIN/airr-admin" issue-token --tenant acme --role reporter --name dave 2>/dev/null)
check "issued five tokens" test -n "$ADMIN" -a -n "$ALICE" -a -n "$BOB" -a -n "$CAROL" \
  -a -n "$REPORTER"

start_server airr-server
export AIRR_ADDR=127.0.0.1:$PORT AIRR_TOKEN=$ALICE
check "the report service is served" contains SERVING \
  airr health --service airr.report.v1.ReportService

# --- reference data ----------------------------------------------------------------------------
check "the catalog lists C03.1 under C03" contains "C03.1" \
  airr principles list --kind sub-item --parent C03
check "principles get C04.1 shows its Japanese title" contains "title_ja:" \
  airr principles get C04.1
airr notifications rules >"$WORK/rules.txt" 2>&1
for rule in eu-aiact-73-general gdpr-33-authority appi-preliminary appi-final; do
  check "the seeded rules include $rule" grep -qE "^$rule " "$WORK/rules.txt"
done
nis2_disabled() {  # every NIS2 rule is listed and none is enabled
  local rows
  rows=$(airr notifications rules --regime nis2 | grep -E '^nis2-')
  [ -n "$rows" ] || { echo "no NIS2 rules listed"; return 1; }
  ! grep -E ' yes +(yes|no) *$' <<<"$rows"
}
check "NIS2 rules are disabled by default" nis2_disabled

# --- the AI system and the incident ------------------------------------------------------------
check "register the hiring screener (EU high-risk, employment, provider)" \
  contains "aiSystems/hiring-screener" \
  airr --token "$ADMIN" systems create --id hiring-screener --display-name "Hiring screener" \
  --owner hr-tech --role provider --stage operation --model-type classical-ml --data personal \
  --jurisdiction EU --jurisdiction JP --oversight in-the-loop --tier high \
  --eu-category high-risk --eu-area employment

NOW=$(date -u +%s)
AWARE_S=$((NOW - 5 * 86400))
BREACH_S=$((NOW - 4 * 86400))
AWARE=$(rfc3339 "$AWARE_S")
BREACH=$(rfc3339 "$BREACH_S")

log_incident() {  # log_incident ID : the screening incident, without the data exposure
  airr --token "$REPORTER" incidents create --id "$1" \
    --title "Screening model rejects women" \
    --description "The CV screening model rejects female applicants at twice the rate." \
    --ai-system hiring-screener --kind incident --severity sev3 --detection-source person \
    --detect-time "$AWARE" --aware-time "$AWARE" --harm discrimination --rights-infringed \
    --cause data-bias --jurisdiction DE --jurisdiction JP
}
check "log the incident" contains "incidents/screening-bias" log_incident screening-bias
check "the investigation adds the data exposure (incidents update)" contains "$BREACH" \
  airr --token "$ADMIN" incidents update screening-bias --breach leaked --breach-persons 3000 \
  --breach-aware-time "$BREACH"
check "the incident now records the breach of 3000 persons" contains '"persons_affected": "3000"' \
  airr -o json incidents get screening-bias

# --- violated principles -------------------------------------------------------------------------
airr violations suggest screening-bias >"$WORK/suggest.txt" 2>&1
check "suggest lists a C03 sub-item" grep -qE '^C03\.[0-9]+ ' "$WORK/suggest.txt"
check "suggest lists C04.1" grep -qE '^C04\.1 ' "$WORK/suggest.txt"
check "a reporter may not link violations" fails_with PERMISSION_DENIED \
  airr --token "$REPORTER" violations link screening-bias --principle C03.1 --rationale r \
  --confidence low
check "a common principle cannot be linked" fails_with "INVALID_ARGUMENT" \
  airr violations link screening-bias --principle C03 --rationale r --confidence low

link() {  # link PRINCIPLE : alice links it; prints the violation's name
  airr violations link screening-bias --principle "$1" --confidence high \
    --rationale "Investigation report IR-7: $1" --evidence IR-7 | field name
}
V1=$(link C03.1)
V2=$(link C04.1)
check "alice linked C03.1 and C04.1" test -n "$V1" -a -n "$V2"
check "linking C03.1 again is ALREADY_EXISTS" fails_with ALREADY_LINKED \
  airr violations link screening-bias --principle C03.1 --rationale again --confidence low
check "alice cannot confirm her own link (SAME_PERSON)" exits_with 1 SAME_PERSON \
  airr violations confirm "$V1"
check "bob confirms C03.1" contains CONFIRMED airr --token "$BOB" violations confirm "$V1" \
  --note "Agreed"
check "bob confirms C04.1" contains CONFIRMED airr --token "$BOB" violations confirm "$V2"
check "suggest now shows C03.1 as linked" bash -c \
  "'$BIN/airr' violations suggest screening-bias | grep -E '^C03\.1 ' | grep -qv ' -\$'"
check "violations list shows both confirmed" bash -c \
  "[ \$('$BIN/airr' violations list screening-bias | grep -c CONFIRMED) = 2 ]"

# --- notification obligations -------------------------------------------------------------------
airr notifications evaluate screening-bias >"$WORK/evaluate.txt" 2>&1
check "evaluate succeeds and lists what it added" grep -q "^Added:" "$WORK/evaluate.txt"
check "EU AI Act Art. 73: 15 days from the aware time" \
  due_is eu-aiact-73-general "$(rfc3339 $((AWARE_S + 15 * 86400)))" "$WORK/evaluate.txt"
check "GDPR Art. 33: 72 hours from the breach aware time" \
  due_is gdpr-33-authority "$(rfc3339 $((BREACH_S + 72 * 3600)))" "$WORK/evaluate.txt"
check "APPI preliminary: 5 days from the breach aware time" \
  due_is appi-preliminary "$(rfc3339 $((BREACH_S + 5 * 86400)))" "$WORK/evaluate.txt"
check "APPI final: 30 days from the breach aware time" \
  due_is appi-final "$(rfc3339 $((BREACH_S + 30 * 86400)))" "$WORK/evaluate.txt"
check "GDPR Art. 33 is already OVERDUE" state_is gdpr-33-authority OVERDUE "$WORK/evaluate.txt"
check "APPI preliminary is PENDING" state_is appi-preliminary PENDING "$WORK/evaluate.txt"
check "no GDPR Art. 34 (no sensitive categories, severity 3)" \
  bash -c "! grep -q gdpr-34-data-subjects '$WORK/evaluate.txt'"
check "evaluating again changes nothing" contains "No changes." \
  airr notifications evaluate screening-bias
check "the tenant-wide overdue list has GDPR 33" contains gdpr-33-authority \
  airr notifications list - --state overdue

APPI=$(airr notifications list screening-bias | row_of appi-preliminary | awk '{print $1}')
check "found the APPI preliminary obligation" test -n "$APPI"
check "a reporter may not mark it sent" fails_with PERMISSION_DENIED \
  airr --token "$REPORTER" notifications mark-sent "$APPI" --content-ref PPC-FORM-1
check "carol marks the APPI preliminary report sent" contains SENT \
  airr --token "$CAROL" notifications mark-sent "$APPI" --content-ref PPC-FORM-1 \
  --evidence receipt-4711
check "marking it sent twice fails" exits_with 1 FAILED_PRECONDITION \
  airr --token "$CAROL" notifications mark-sent "$APPI" --content-ref PPC-FORM-1
check "-o json notifications get shows the sent state" contains "NOTIFICATION_STATE_SENT" \
  airr -o json notifications get "$APPI"

# --- mitigations ------------------------------------------------------------------------------
check "plan the containment" contains PLANNED \
  airr --token "$CAROL" mitigations create screening-bias --id suspend --kind containment \
  --title "Suspend automatic rejection" --owner hr-tech --due +24h --violation "$V1"
M1=incidents/screening-bias/mitigations/suspend
check "begin it" contains IN_PROGRESS airr --token "$CAROL" mitigations begin "$M1"
check "complete it" contains DONE \
  airr --token "$CAROL" mitigations complete "$M1" --note "Rejections go to a person"
check "carol cannot verify her own work (SAME_PERSON)" exits_with 1 SAME_PERSON \
  airr --token "$CAROL" mitigations verify "$M1" --method "Sampled 100 decisions"
check "alice verifies it" contains VERIFIED \
  airr mitigations verify "$M1" --method "Sampled 100 decisions"
check "plan a retraining already past its due time" contains "overdue:" \
  airr --token "$CAROL" mitigations create screening-bias --id retrain \
  --kind recurrence-prevention --title "Retrain on balanced data" --owner ml-team \
  --due "$(rfc3339 $((NOW - 3600)))"
check "the overdue list shows only the retraining" bash -c \
  "out=\$('$BIN/airr' mitigations list screening-bias --overdue) && \
   grep -q 'PLANNED OVERDUE' <<<\"\$out\" && grep -q retrain <<<\"\$out\" && \
   ! grep -q suspend <<<\"\$out\""
check "a bad kind is a usage error (exit 2)" exits_with 2 "--kind" \
  airr mitigations create screening-bias --kind fix --title t --owner o --due +1h

# --- the report -------------------------------------------------------------------------------
airr report show screening-bias >"$WORK/report.txt" 2>&1
check "report: header" bash -c "grep -q 'Screening model rejects women' '$WORK/report.txt' && \
  grep -qE '^eu_ai_act_class: +HIGH_RISK \(EMPLOYMENT\)' '$WORK/report.txt' && \
  grep -qE '^company_roles: +PROVIDER' '$WORK/report.txt' && \
  grep -qE '^breach_aware_time: +$BREACH' '$WORK/report.txt'"
check "report: both principles CONFIRMED" bash -c \
  "[ \$(grep -cE '^  C0[34]\.1 .*\[CONFIRMED\]' '$WORK/report.txt') = 2 ]"
check "report: APPI preliminary SENT" state_is appi-preliminary SENT "$WORK/report.txt"
check "report: GDPR 33 OVERDUE" state_is gdpr-33-authority OVERDUE "$WORK/report.txt"
check "report: the retraining is OVERDUE" grep -q "PLANNED OVERDUE" "$WORK/report.txt"
check "report: the containment is VERIFIED" grep -q "VERIFIED" "$WORK/report.txt"
check "report -o json is the IncidentReport" contains '"generate_time"' \
  airr -o json report show screening-bias

# --- the twin without the data exposure ---------------------------------------------------------
check "log the twin incident" contains "incidents/screening-bias-2" \
  log_incident screening-bias-2
airr notifications evaluate screening-bias-2 >"$WORK/evaluate2.txt" 2>&1
check "the twin obliges the EU AI Act report" grep -q eu-aiact-73-general "$WORK/evaluate2.txt"
check "but no GDPR or APPI notification" \
  bash -c "! grep -qE 'gdpr-|appi-' '$WORK/evaluate2.txt'"

echo "--- report of incidents/screening-bias"
cat "$WORK/report.txt"
e2e_end
