// The post-run report as a pure function of the run, its timeline, its playbook version and the
// time of the report: target against actual per step and for the playbook's target times (time
// to first action, to containment, to recovery = the RTO), counts of late, skipped and
// never-started steps, the drill's objective tallies and the timeline. Works for active runs.
#pragma once

#include <vector>

#include "absl/time/time.h"
#include "airr/playbook/v1/playbooks.pb.h"
#include "airr/playbook/v1/runs.pb.h"

namespace airr::playbook {

// Builds the report of `run` (copied as given, derived fields included when set) from its
// `timeline` (any order; the report lists it by occur_time, then seq, each entry's offset from
// the run's start filled in) and `version` (the playbook as of the run's version: its
// display_name and targets are used), computed at `now`:
//   steps           per step in planned order: target offset; actual offset (end minus run
//                   start) and variance (actual minus target) once DONE or SKIPPED; outcome
//                   ON_TIME (done by its due time), LATE, SKIPPED, IN_PROGRESS or NOT_STARTED.
//   first_action    reached at the earliest step start (a step skipped before it started is no
//                   action).
//   containment     reached when the MILESTONE_CONTAINMENT step was done, at its end.
//   recovery        reached when the MILESTONE_RECOVERY step was done, at its end; when no step
//                   has that milestone, when the run completed.
//   Each verdict: NO_TARGET without a target (actual still shown); MET or MISSED when reached;
//   not reached: NOT_REACHED when the run has ended or the target has passed at `now`, else
//   PENDING.
//   steps_late      steps done after their due time; steps_skipped; steps_not_started (PENDING).
//   objectives_*    per drill objective, its rating in the evaluation; unrated counts as not met.
// Thread-safe.
v1::RunReport BuildRunReport(const v1::Run& run, std::vector<v1::RunEvent> timeline,
                             const v1::Playbook& version, absl::Time now);

}  // namespace airr::playbook
