// How playbooks and runs look to people: the list of playbooks, one playbook with its steps, its
// versions, the drills due, and a run with its steps (what `run steps` and the step commands
// print). Enum values show without their prefix in upper case, times in UTC RFC 3339, durations
// as "1h30m". `-o json` bypasses this. The run report is in run_report_output.h.
#pragma once

#include <string>

#include "airr/playbook/v1/playbook_service.pb.h"
#include "google/protobuf/repeated_field.h"

namespace airr::cli {

// ID, VERSION, TITLE, OWNER, STEPS, TRIGGERS (severities, "BCP", "auto"), DRILL EVERY, LAST DRILL
// ("never" when never drilled), STATE (ACTIVE or ARCHIVED).
std::string FormatPlaybookTable(
    const google::protobuf::RepeatedPtrField<playbook::v1::Playbook>& playbooks);

// One playbook: a key/value block (name, version, title, owner, purpose, triggers, target times
// with the RTO, drill interval, last drill, version note and author, etag), then "Steps:" as a
// table #, ID, TITLE, ROLE, OFFSET, MANDATORY, AFTER (dependencies), KIND, MILESTONE.
std::string FormatPlaybook(const playbook::v1::Playbook& playbook);

// VERSION, CREATED, AUTHOR, STEPS, CHANGE NOTE.
std::string FormatVersionTable(
    const google::protobuf::RepeatedPtrField<playbook::v1::Playbook>& versions);

// PLAYBOOK, TITLE, DRILL EVERY, LAST DRILL ("never"), DUE SINCE.
std::string FormatDrillsDueTable(const playbook::v1::ListDrillsDueResponse& response);

// RUN (PLAYBOOK/ID), KIND (with the drill type), STATE, VERSION, STARTED, ENDED, INCIDENT, STEPS
// DONE
// ("5/8").
std::string FormatRunTable(const google::protobuf::RepeatedPtrField<playbook::v1::Run>& runs);

// A run's steps: #, STEP, TITLE, ROLE, MANDATORY, DUE (UTC), STATE, LATE ("LATE" or "").
std::string FormatRunSteps(const playbook::v1::Run& run);

// A run: a key/value block (name, playbook version, kind with the drill type, state, BCP, start
// and end, who started and ended it, abort reason) followed by FormatRunSteps.
std::string FormatRun(const playbook::v1::Run& run);

}  // namespace airr::cli
