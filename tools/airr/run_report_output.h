// The post-run report as a readable document for the people in the room (`airr run report`): who
// ran which playbook version how, the target times against the actual ones with the RTO verdict in
// plain words, the steps' target against actual times, the drill's objectives with their ratings,
// the findings, the corrective actions and the timeline with the injects.
#pragma once

#include <string>

#include "airr/playbook/v1/runs.pb.h"

namespace airr::cli {

// The verdict on one target time as a sentence, e.g. "RTO 8h00m: MET (actual 6h10m)",
// "RTO 8h00m: MISSED (actual 9h20m, 1h20m late)", "RTO 8h00m: NOT REACHED",
// "RTO 8h00m: PENDING (not reached yet)" or "RTO: no target set". `label` names the target.
std::string FormatTargetVerdict(const std::string& label, const playbook::v1::TargetReport& target);

// The whole report: a header block (run, playbook with version and title, kind with the drill
// type, BCP, state, start and end with the duration, who, scenario, participants, summary), then
// the sections "Target times" (a table and the RTO sentence), "Steps" (counts, then #, STEP,
// TITLE, ROLE, MANDATORY, TARGET, ACTUAL, VARIANCE, OUTCOME), "Objectives" (counts, then each
// objective with its rating and note), "Findings", "Corrective actions" and "Timeline" (#, OFFSET,
// TIME, EVENT, STEP, ACTOR, TEXT, with injects' titles), each "(none)" when empty.
std::string FormatRunReport(const playbook::v1::RunReport& report);

}  // namespace airr::cli
