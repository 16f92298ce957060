// Runs built in memory for the unit tests of the run rules (lifecycle, report, derived fields):
// the five steps of the sample first-response playbook (playbook_pgtest_util.h's
// SamplePlaybook) as a freshly started incident run or drill, and small time helpers.
#pragma once

#include <string>
#include <vector>

#include "absl/time/time.h"
#include "airr/playbook/v1/runs.pb.h"
#include "libs/api/timestamps.h"

namespace airr::playbook::testing {

// 2026-01-01T00:00:00Z: when the sample runs start.
inline const absl::Time kRunStart = absl::FromUnixSeconds(1767225600);

inline absl::Time AtMinute(int64_t minutes) { return kRunStart + absl::Minutes(minutes); }

inline google::protobuf::Duration ProtoMinutes(int64_t minutes) {
  google::protobuf::Duration d;
  d.set_seconds(minutes * 60);
  return d;
}

// A freshly started run of the sample playbook: steps (id, mandatory, offset in minutes,
// dependencies)
//   intake       mandatory   15
//   kill-switch  optional    60  <- intake   DECIDE_KILL_SWITCH
//   contain      mandatory  120  <- intake   CONTAIN, MILESTONE_CONTAINMENT
//   notify       mandatory  240  <- intake   NOTIFY_STAKEHOLDERS
//   recover      mandatory  480  <- contain  MILESTONE_RECOVERY
// all PENDING, started at kRunStart by "starter (p-1)". A drill has objectives obj-1 and obj-2.
inline v1::Run SampleRun(v1::RunKind kind) {
  v1::Run run;
  run.set_name("playbooks/first-response/runs/r-1");
  run.set_playbook_version(1);
  run.set_kind(kind);
  run.set_start_mode(v1::START_MODE_MANUAL);
  run.set_state(v1::RUN_STATE_ACTIVE);
  if (kind == v1::RUN_KIND_INCIDENT) {
    run.set_incident("incidents/inc-1");
  } else {
    v1::Drill* drill = run.mutable_drill();
    drill->set_type(v1::DRILL_TYPE_TABLETOP);
    drill->set_scenario("The screening model ranks women lower.");
    v1::Objective* first = drill->add_objectives();
    first->set_id("obj-1");
    first->set_description("Contain within two hours.");
    v1::Objective* second = drill->add_objectives();
    second->set_id("obj-2");
    second->set_description("Notify the regulator on time.");
  }
  *run.mutable_start_time() = api::TimestampFromTime(kRunStart);
  run.set_started_by("starter (p-1)");
  struct Def {
    const char* id;
    bool mandatory;
    int64_t offset_minutes;
    std::vector<std::string> depends_on;
    v1::StepKind kind;
    v1::Milestone milestone;
  };
  const Def defs[] = {
      {"intake", true, 15, {}, v1::STEP_KIND_UNSPECIFIED, v1::MILESTONE_UNSPECIFIED},
      {"kill-switch",
       false,
       60,
       {"intake"},
       v1::STEP_KIND_DECIDE_KILL_SWITCH,
       v1::MILESTONE_UNSPECIFIED},
      {"contain", true, 120, {"intake"}, v1::STEP_KIND_CONTAIN, v1::MILESTONE_CONTAINMENT},
      {"notify",
       true,
       240,
       {"intake"},
       v1::STEP_KIND_NOTIFY_STAKEHOLDERS,
       v1::MILESTONE_UNSPECIFIED},
      {"recover", true, 480, {"contain"}, v1::STEP_KIND_UNSPECIFIED, v1::MILESTONE_RECOVERY},
  };
  for (const Def& def : defs) {
    v1::RunStep* step = run.add_steps();
    step->set_state(v1::STEP_STATE_PENDING);
    v1::PlaybookStep* s = step->mutable_step();
    s->set_id(def.id);
    s->set_title(std::string("Step ") + def.id);
    s->set_role(v1::RESPONSIBLE_ROLE_INCIDENT_EXECUTIVE);
    *s->mutable_target_offset() = ProtoMinutes(def.offset_minutes);
    for (const auto& dependency : def.depends_on) {
      s->add_depends_on(dependency);
    }
    s->set_mandatory(def.mandatory);
    s->set_kind(def.kind);
    s->set_milestone(def.milestone);
  }
  return run;
}

// The step `id` of `run` (the first step when there is none).
inline v1::RunStep& StepOf(v1::Run& run, const std::string& id) {
  for (v1::RunStep& step : *run.mutable_steps()) {
    if (step.step().id() == id) {
      return step;
    }
  }
  return *run.mutable_steps(0);
}

// Marks step `id` DONE, started at `start_minute` and done at `end_minute`.
inline void SetDone(v1::Run& run, const std::string& id, int64_t start_minute, int64_t end_minute) {
  v1::RunStep& step = StepOf(run, id);
  step.set_state(v1::STEP_STATE_DONE);
  *step.mutable_start_time() = api::TimestampFromTime(AtMinute(start_minute));
  *step.mutable_end_time() = api::TimestampFromTime(AtMinute(end_minute));
}

}  // namespace airr::playbook::testing
