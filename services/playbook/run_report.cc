#include "services/playbook/run_report.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "libs/api/timestamps.h"
#include "services/playbook/run_offsets.h"

namespace airr::playbook {
namespace {

absl::Duration SinceStart(const v1::Run& run, const google::protobuf::Timestamp& ts) {
  return api::TimeFromTimestamp(ts) - RunStartOf(run);
}

bool RunEnded(const v1::Run& run) { return run.state() != v1::RUN_STATE_ACTIVE; }

v1::StepReport StepReportOf(const v1::Run& run, const v1::RunStep& step) {
  v1::StepReport out;
  const v1::PlaybookStep& def = step.step();
  out.set_step_id(def.id());
  out.set_title(def.title());
  out.set_role(def.role());
  out.set_mandatory(def.mandatory());
  *out.mutable_target_offset() = def.target_offset();
  const bool closed = step.state() == v1::STEP_STATE_DONE || step.state() == v1::STEP_STATE_SKIPPED;
  if (closed && step.has_end_time()) {
    const absl::Duration actual = SinceStart(run, step.end_time());
    *out.mutable_actual_offset() = ToProtoDuration(actual);
    *out.mutable_variance() = ToProtoDuration(actual - FromProtoDuration(def.target_offset()));
  }
  switch (step.state()) {
    case v1::STEP_STATE_DONE:
      out.set_outcome(api::TimeFromTimestamp(step.end_time()) > StepDueTime(run, step)
                          ? v1::STEP_OUTCOME_LATE
                          : v1::STEP_OUTCOME_ON_TIME);
      break;
    case v1::STEP_STATE_SKIPPED:
      out.set_outcome(v1::STEP_OUTCOME_SKIPPED);
      break;
    case v1::STEP_STATE_IN_PROGRESS:
      out.set_outcome(v1::STEP_OUTCOME_IN_PROGRESS);
      break;
    default:
      out.set_outcome(v1::STEP_OUTCOME_NOT_STARTED);
      break;
  }
  return out;
}

// The verdict on one target time. `target` is null when the playbook sets none; `actual` is when
// it was reached, from the run's start.
v1::TargetReport TargetReportOf(const v1::Run& run, const google::protobuf::Duration* target,
                                std::optional<absl::Duration> actual, absl::Time now) {
  v1::TargetReport out;
  if (actual) {
    *out.mutable_actual() = ToProtoDuration(*actual);
  }
  if (target == nullptr) {
    out.set_verdict(v1::TARGET_VERDICT_NO_TARGET);
    return out;
  }
  *out.mutable_target() = *target;
  const absl::Duration limit = FromProtoDuration(*target);
  if (actual) {
    out.set_verdict(*actual <= limit ? v1::TARGET_VERDICT_MET : v1::TARGET_VERDICT_MISSED);
  } else if (RunEnded(run) || now - RunStartOf(run) > limit) {
    out.set_verdict(v1::TARGET_VERDICT_NOT_REACHED);
  } else {
    out.set_verdict(v1::TARGET_VERDICT_PENDING);
  }
  return out;
}

// When the step with `milestone` was done, from the run's start; nullopt when it was not (or no
// step has the milestone). `has_step` tells whether some step has it.
std::optional<absl::Duration> MilestoneReached(const v1::Run& run, v1::Milestone milestone,
                                               bool* has_step) {
  *has_step = false;
  for (const v1::RunStep& step : run.steps()) {
    if (step.step().milestone() != milestone) {
      continue;
    }
    *has_step = true;
    if (step.state() == v1::STEP_STATE_DONE && step.has_end_time()) {
      return SinceStart(run, step.end_time());
    }
  }
  return std::nullopt;
}

std::optional<absl::Duration> FirstAction(const v1::Run& run) {
  std::optional<absl::Duration> first;
  for (const v1::RunStep& step : run.steps()) {
    // A step skipped before it started is a decision not to act, not a first action.
    if (step.has_start_time()) {
      const absl::Duration offset = SinceStart(run, step.start_time());
      if (!first || offset < *first) {
        first = offset;
      }
    }
  }
  return first;
}

const google::protobuf::Duration* TargetOrNull(bool has, const google::protobuf::Duration& d) {
  return has ? &d : nullptr;
}

}  // namespace

v1::RunReport BuildRunReport(const v1::Run& run, std::vector<v1::RunEvent> timeline,
                             const v1::Playbook& version, absl::Time now) {
  v1::RunReport report;
  *report.mutable_run() = run;
  report.set_playbook_display_name(version.display_name());
  for (const v1::RunStep& step : run.steps()) {
    v1::StepReport step_report = StepReportOf(run, step);
    switch (step_report.outcome()) {
      case v1::STEP_OUTCOME_LATE:
        report.set_steps_late(report.steps_late() + 1);
        break;
      case v1::STEP_OUTCOME_SKIPPED:
        report.set_steps_skipped(report.steps_skipped() + 1);
        break;
      case v1::STEP_OUTCOME_NOT_STARTED:
        report.set_steps_not_started(report.steps_not_started() + 1);
        break;
      default:
        break;
    }
    *report.add_steps() = std::move(step_report);
  }

  const v1::TargetTimes& targets = version.targets();
  *report.mutable_first_action() = TargetReportOf(
      run, TargetOrNull(targets.has_first_action(), targets.first_action()), FirstAction(run), now);
  bool has_containment_step = false;
  *report.mutable_containment() =
      TargetReportOf(run, TargetOrNull(targets.has_containment(), targets.containment()),
                     MilestoneReached(run, v1::MILESTONE_CONTAINMENT, &has_containment_step), now);
  bool has_recovery_step = false;
  std::optional<absl::Duration> recovered =
      MilestoneReached(run, v1::MILESTONE_RECOVERY, &has_recovery_step);
  if (!has_recovery_step && run.state() == v1::RUN_STATE_COMPLETED && run.has_end_time()) {
    recovered = SinceStart(run, run.end_time());
  }
  *report.mutable_recovery() =
      TargetReportOf(run, TargetOrNull(targets.has_recovery(), targets.recovery()), recovered, now);

  std::map<std::string, v1::ObjectiveRating> ratings;
  for (const v1::ObjectiveResult& result : run.evaluation().objective_results()) {
    ratings[result.objective_id()] = result.rating();
  }
  for (const v1::Objective& objective : run.drill().objectives()) {
    auto it = ratings.find(objective.id());
    const v1::ObjectiveRating rating =
        it == ratings.end() ? v1::OBJECTIVE_RATING_UNSPECIFIED : it->second;
    if (rating == v1::OBJECTIVE_RATING_MET) {
      report.set_objectives_met(report.objectives_met() + 1);
    } else if (rating == v1::OBJECTIVE_RATING_PARTLY_MET) {
      report.set_objectives_partly_met(report.objectives_partly_met() + 1);
    } else {
      report.set_objectives_not_met(report.objectives_not_met() + 1);
    }
  }

  std::stable_sort(timeline.begin(), timeline.end(),
                   [](const v1::RunEvent& a, const v1::RunEvent& b) {
                     const absl::Time ta = api::TimeFromTimestamp(a.occur_time());
                     const absl::Time tb = api::TimeFromTimestamp(b.occur_time());
                     return ta != tb ? ta < tb : a.seq() < b.seq();
                   });
  for (v1::RunEvent& event : timeline) {
    *event.mutable_offset() = ToProtoDuration(SinceStart(run, event.occur_time()));
    *report.add_timeline() = std::move(event);
  }
  *report.mutable_report_time() = api::TimestampFromTime(now);
  return report;
}

}  // namespace airr::playbook
