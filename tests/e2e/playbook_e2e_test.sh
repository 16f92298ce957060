#!/usr/bin/env bash
# End-to-end test of the playbook service through the real binaries: the two example playbooks
# (YAML) and a small JSON one are imported with the airr CLI; the BCP playbook for the shutdown of
# an AI system is drilled as a tabletop exercise started three hours ago, step by step, with an
# inject, a skipped optional step, a late step and on-time ones; the drill is finished with
# objective ratings, findings and a corrective action, and the run report shows target against
# actual times and the RTO verdict. Bad files and a cyclic playbook are refused and write nothing;
# a viewer cannot run steps; `drills due` lists what was never drilled and not what just was.
#
#   playbook_e2e_test.sh BIN_DIR SOURCE_DIR      (cluster DSN from $AIRR_TEST_PG_DSN_FILE)
set -uo pipefail

BIN=$1
SRC=$2
# shellcheck source=tests/e2e/e2e_lib.sh
source "$SRC/tests/e2e/e2e_lib.sh"
e2e_begin playbook-e2e

airr() { "$BIN/airr" "$@"; }
rfc3339() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }  # rfc3339 EPOCH_SECONDS
field() { sed -n "s/^$1: *//p"; }                     # field KEY < key/value block

BCP=playbooks/bcp-ai-system-shutdown
FIRST=playbooks/ai-incident-first-response

# --- bootstrap -----------------------------------------------------------------------------
check "airr-admin migrate" contains "schema is up to date" "$BIN/airr-admin" migrate
check "create tenant acme" "$BIN/airr-admin" create-tenant acme
ALICE=$("$BIN/airr-admin" issue-token --tenant acme --role analyst --name alice 2>/dev/null)
CAROL=$("$BIN/airr-admin" issue-token --tenant acme --role responder --name carol 2>/dev/null)
VIC=$("$BIN/airr-admin" issue-token --tenant acme --role viewer --name vic 2>/dev/null)
check "issued three tokens" test -n "$ALICE" -a -n "$CAROL" -a -n "$VIC"

start_server airr-server
export AIRR_ADDR=127.0.0.1:$PORT AIRR_TOKEN=$CAROL
check "the playbook service is served" contains SERVING \
  airr health --service airr.playbook.v1.PlaybookService

# --- import ------------------------------------------------------------------------------------
check "alice imports the BCP example (YAML)" contains "name:                   $BCP" \
  airr --token "$ALICE" playbooks create -f "$SRC/deploy/examples/bcp-ai-system-shutdown.yaml"
check "alice imports the first-response example (YAML)" contains "$FIRST" \
  airr --token "$ALICE" playbooks create -f "$SRC/deploy/examples/ai-incident-first-response.yaml"

# A small playbook in protobuf JSON, with lowerCamel names and full enum names.
cat >"$WORK/vendor-outage.json" <<'EOF'
{
  "displayName": "Upstream LLM provider outage",
  "owner": "Platform operations",
  "triggers": {"harmTypes": ["HARM_TYPE_FINANCIAL"], "bcp": true},
  "targets": {"firstAction": "600s", "recovery": "14400s"},
  "drillInterval": "15552000s",
  "steps": [
    {"id": "switch-provider", "title": "Switch to the secondary provider",
     "role": "RESPONSIBLE_ROLE_ENGINEERING", "targetOffset": "1800s", "mandatory": true},
    {"id": "confirm", "title": "Confirm answers are back to normal",
     "role": "RESPONSIBLE_ROLE_SYSTEM_OWNER", "targetOffset": "3600s",
     "dependsOn": ["switch-provider"], "mandatory": true, "milestone": "MILESTONE_RECOVERY"}
  ]
}
EOF
check "carol imports a JSON playbook with --id" contains "version:                1" \
  airr playbooks create -f "$WORK/vendor-outage.json" --id vendor-llm-outage
check "a viewer cannot import a playbook" fails_with PERMISSION_DENIED \
  airr --token "$VIC" playbooks create -f "$WORK/vendor-outage.json" --id viewer-copy
airr playbooks list >"$WORK/list.txt" 2>&1
for id in bcp-ai-system-shutdown ai-incident-first-response vendor-llm-outage; do
  check "playbooks list shows $id, never drilled" grep -qE "^$id .* never +ACTIVE$" "$WORK/list.txt"
done
check "playbooks show: the BCP playbook's RTO is 8 hours" contains "target.recovery (RTO):  8h00m" \
  airr playbooks show bcp-ai-system-shutdown
check "playbooks show: the Japanese title survived the import" contains "AIシステム停止時の事業継続計画" \
  airr playbooks show bcp-ai-system-shutdown
check "playbooks show: the kill-switch step of the first response" \
  contains "DECIDE_KILL_SWITCH" airr playbooks show ai-incident-first-response

# --- bad input writes nothing ------------------------------------------------------------------
airr -o json playbooks list --show-archived >"$WORK/before.json" 2>&1
printf 'display_name: Broken\nsteps:\n  - id: a\n   title: misaligned\n' >"$WORK/malformed.yaml"
check "malformed YAML is a usage error naming line and column (exit 2)" \
  exits_with 2 "malformed.yaml:4:" airr playbooks create -f "$WORK/malformed.yaml" --id broken
printf 'name: playbooks/alias\nowner: &o Ops\ndisplay_name: *o\n' >"$WORK/alias.yaml"
check "YAML anchors are refused (exit 2)" exits_with 2 "anchors (&o) are not supported" \
  airr playbooks create -f "$WORK/alias.yaml"
printf 'name: playbooks/lawyer\nsteps:\n  - {id: a, title: A, role: lawyer}\n' >"$WORK/role.yaml"
check "an unknown role is refused before sending (exit 2)" \
  exits_with 2 'steps[0].role: unknown value "lawyer"' airr playbooks create -f "$WORK/role.yaml"
cat >"$WORK/cycle.yaml" <<'EOF'
name: playbooks/cyclic
display_name: Cyclic
owner: Nobody
steps:
  - {id: a, title: First, role: legal, target_offset: 1h, depends_on: [c]}
  - {id: b, title: Second, role: legal, target_offset: 2h, depends_on: [a]}
  - {id: c, title: Third, role: legal, target_offset: 3h, depends_on: [b]}
EOF
check "a cyclic playbook is INVALID_ARGUMENT naming the dependency (exit 1)" \
  exits_with 1 "depends_on[0]" airr playbooks create -f "$WORK/cycle.yaml"
check "the cycle error is INVALID_ARGUMENT" fails_with INVALID_ARGUMENT \
  airr playbooks create -f "$WORK/cycle.yaml"
printf 'name: playbooks/negative\ndisplay_name: N\nowner: O\nsteps:\n  - {id: a, title: A, role: legal, target_offset: -15m}\n' \
  >"$WORK/negative.yaml"
check "a negative offset is INVALID_ARGUMENT naming the field" \
  exits_with 1 "playbook.steps[0].target_offset" airr playbooks create -f "$WORK/negative.yaml"
airr -o json playbooks list --show-archived >"$WORK/after.json" 2>&1
check "the refused imports wrote nothing" cmp -s "$WORK/before.json" "$WORK/after.json"

# --- a new version -----------------------------------------------------------------------------
sed 's/"14400s"/"10800s"/' "$WORK/vendor-outage.json" >"$WORK/vendor-outage-v2.json"
check "update makes version 2" contains "version:                2" \
  airr playbooks update vendor-llm-outage -f "$WORK/vendor-outage-v2.json" --note "RTO 3h"
check "versions lists both, newest first, with the note" bash -c \
  "'$BIN/airr' playbooks versions vendor-llm-outage | sed -n 2p | grep -qE '^2 .*RTO 3h'"

# --- the tabletop drill of the BCP playbook, started three hours ago ----------------------------
airr drill start bcp-ai-system-shutdown --type tabletop --started-ago 3h \
  --scenario "The credit scoring model returns errors for every application; the provider cannot say when it will be back." \
  --objective "Switch credit decisions to the manual fallback within 2 hours" \
  --objective "Tell affected customers within 90 minutes" \
  --participant "Crisis management office" --participant "Retail credit" \
  --participant "Customer support" >"$WORK/drill.txt" 2>&1
RUN=$(field run <"$WORK/drill.txt")
START=$(field start_time <"$WORK/drill.txt")
check "drill start prints the run and its start three hours ago" bash -c \
  "[ -n '$RUN' ] && [ \$(( \$(date -u +%s) - \$(date -u -d '$START' +%s) )) -ge 10790 ]"
check "drill start lists the steps with their due times" grep -qE "^1 +declare-bcp .* PENDING" \
  "$WORK/drill.txt"
START_S=$(date -u -d "$START" +%s)
at() { rfc3339 $((START_S + $1 * 60)); }  # at MINUTES : the drill's start plus MINUTES

check "a viewer cannot complete a step" fails_with PERMISSION_DENIED \
  airr --token "$VIC" run complete "$RUN" declare-bcp
check "an analyst cannot run steps either" fails_with PERMISSION_DENIED \
  airr --token "$ALICE" run start-step "$RUN" declare-bcp
check "a step cannot start before its dependencies" fails_with DEPENDENCY_OPEN \
  airr run start-step "$RUN" manual-fallback
check "start declare-bcp 5 minutes in" contains IN_PROGRESS \
  airr run start-step "$RUN" declare-bcp --at "$(at 5)"
check "declare-bcp done 10 minutes in (on time)" contains DONE \
  airr run complete "$RUN" declare-bcp --at "$(at 10)" --notes "BCP declared for retail credit"
check "inject: the regulator calls 45 minutes in" contains "Injected at +45m" \
  airr run inject "$RUN" --offset 45m --title "The financial regulator calls" \
  --description "The supervisor asks whether credit decisions are still being made lawfully."
check "shut-down done 40 minutes in (containment on time)" contains DONE \
  airr run complete "$RUN" shut-down --at "$(at 40)" --notes "Model endpoint stopped"
check "manual-fallback done 90 minutes in" contains DONE \
  airr run complete "$RUN" manual-fallback --at "$(at 90)"
airr run complete "$RUN" notify-customers --at "$(at 120)" \
  --notes "Templates had to be rewritten first" >"$WORK/late.txt" 2>&1
check "notify-customers done 2 hours in is LATE (target 1h30m)" \
  grep -qE "^[0-9]+ +notify-customers .* DONE +LATE$" "$WORK/late.txt"
check "a mandatory step cannot be skipped without an override" exits_with 1 MANDATORY_STEP \
  airr run skip "$RUN" keep-records --reason "no time"
check "a responder cannot use the admin override" fails_with PERMISSION_DENIED \
  airr run skip "$RUN" keep-records --reason "no time" --admin-override
check "skip the optional press statement" contains SKIPPED \
  airr run skip "$RUN" press-statement --reason "Partial shutdown; not visible to the public"
check "finishing with an open mandatory step fails, naming it (exit 1)" \
  exits_with 1 "keep-records" airr run finish "$RUN"
check "... with FAILED_PRECONDITION" fails_with FAILED_PRECONDITION airr run finish "$RUN"
check "keep-records done at 2h20m" contains DONE \
  airr run complete "$RUN" keep-records --at "$(at 140)"
check "restore-staged done at 2h40m" contains DONE \
  airr run complete "$RUN" restore-staged --at "$(at 160)"
check "confirm-recovery done at 2h50m (the RTO milestone)" contains DONE \
  airr run complete "$RUN" confirm-recovery --at "$(at 170)" --notes "Process owners confirm"
airr run steps "$RUN" >"$WORK/steps.txt" 2>&1
check "run steps: declare-bcp on time" grep -qE "^1 +declare-bcp .* DONE$" "$WORK/steps.txt"
check "run steps: press-statement SKIPPED" grep -qE "press-statement .* SKIPPED" "$WORK/steps.txt"
check "run steps: the optional debrief never started" grep -qE "debrief .* PENDING$" \
  "$WORK/steps.txt"
check "finish with ratings, findings and a corrective action" contains "state:       COMPLETED" \
  airr run finish "$RUN" --summary "The fallback worked; customer notices were slow." \
  --objective obj-1=met --objective "obj-2=not-met:Customers heard after 2 hours" \
  --strength "The fallback desk was staffed within 50 minutes" \
  --improvement "Customer notice templates did not cover an AI shutdown" \
  --action "Write notice templates for an AI system shutdown;Customer support;+30d;f-2"
check "a finished run takes no more steps" fails_with FAILED_PRECONDITION \
  airr run start-step "$RUN" debrief

# --- the report ------------------------------------------------------------------------------
airr run report "$RUN" >"$WORK/report.txt" 2>&1
report_has() { grep -qE -- "$1" "$WORK/report.txt" || { echo "no /$1/ in:"; cat "$WORK/report.txt"; return 1; }; }
check "report: the playbook and its version" report_has "^playbook: +$BCP version 1: BCP"
check "report: a tabletop drill that invoked the BCP" report_has "^kind: +DRILL \(TABLETOP\)$"
check "report: the RTO verdict in plain words" report_has "^  RTO 8h00m: MET \(actual 2h50m\)$"
check "report: containment target against actual" \
  report_has "^  Containment +1h00m +40m +MET$"
check "report: declare-bcp 30m target, 10m actual, on time" \
  report_has "declare-bcp .* 30m +10m +-20m +ON_TIME$"
check "report: notify-customers 1h30m target, 2h00m actual, 30m late" \
  report_has "notify-customers .* 1h30m +2h00m +\+30m +LATE$"
check "report: the counts of late, skipped and unstarted steps" \
  report_has "9 steps: 6 on time, 1 late, 1 skipped, 0 in progress, 1 not started"
check "report: the skipped step" report_has "press-statement .* SKIPPED$"
check "report: the objectives with their ratings" \
  report_has "^  obj-2 +NOT_MET +Tell affected customers"
check "report: the strength and the improvement" \
  report_has "^  f-2 +IMPROVEMENT +Customer notice templates"
check "report: the corrective action with owner, due time and finding" \
  report_has "^  ca-1 +Customer support +[0-9T:-]+Z +f-2 +Write notice templates"
check "report: the inject on the timeline at +45m" \
  report_has "\+45m .* INJECT .* The financial regulator calls"
check "report -o json is the RunReport" contains '"verdict": "TARGET_VERDICT_MET"' \
  airr -o json run report "$RUN"

# --- drill cadence -----------------------------------------------------------------------------
airr drills due >"$WORK/due.txt" 2>&1
check "drills due lists the never-drilled first-response playbook" \
  grep -qE "^ai-incident-first-response .* never " "$WORK/due.txt"
check "drills due does not list the BCP playbook just drilled" \
  bash -c "! grep -q '^bcp-ai-system-shutdown ' '$WORK/due.txt'"
check "playbooks list shows the BCP playbook's last drill" \
  bash -c "'$BIN/airr' playbooks list | grep -E '^bcp-ai-system-shutdown ' | grep -qv never"
check "archive the JSON playbook" contains "archive_time:" \
  airr playbooks archive vendor-llm-outage
check "an archived playbook is no longer due" \
  bash -c "! '$BIN/airr' drills due | grep -q '^vendor-llm-outage '"
check "an archived playbook starts no drill" fails_with FAILED_PRECONDITION \
  airr drill start vendor-llm-outage --type tabletop --scenario s --objective o

echo "--- report of $RUN"
cat "$WORK/report.txt"
e2e_end
