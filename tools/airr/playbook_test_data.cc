#include "tools/airr/playbook_test_data.h"

#include <string>

#include "google/protobuf/util/time_util.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::playbook::v1;
using google::protobuf::util::TimeUtil;

google::protobuf::Timestamp At(const std::string& text) {
  google::protobuf::Timestamp time;
  TimeUtil::FromString(text, &time);
  return time;
}

google::protobuf::Duration Minutes(int minutes) {
  return TimeUtil::SecondsToDuration(int64_t{60} * minutes);
}

pb::PlaybookStep Step(const std::string& id, const std::string& title, pb::ResponsibleRole role,
                      int offset_minutes, bool mandatory) {
  pb::PlaybookStep step;
  step.set_id(id);
  step.set_title(title);
  step.set_role(role);
  *step.mutable_target_offset() = Minutes(offset_minutes);
  step.set_mandatory(mandatory);
  return step;
}

pb::StepReport StepReport(const pb::PlaybookStep& step, int actual_minutes,
                          pb::StepOutcome outcome) {
  pb::StepReport report;
  report.set_step_id(step.id());
  report.set_title(step.title());
  report.set_role(step.role());
  report.set_mandatory(step.mandatory());
  *report.mutable_target_offset() = step.target_offset();
  *report.mutable_actual_offset() = Minutes(actual_minutes);
  *report.mutable_variance() =
      Minutes(actual_minutes - static_cast<int>(step.target_offset().seconds() / 60));
  report.set_outcome(outcome);
  return report;
}

pb::RunEvent Event(int64_t seq, pb::RunEventType type, int offset_minutes, const std::string& step,
                   const std::string& title, const std::string& text) {
  pb::RunEvent event;
  event.set_seq(seq);
  event.set_type(type);
  *event.mutable_offset() = Minutes(offset_minutes);
  *event.mutable_occur_time() =
      TimeUtil::SecondsToTimestamp(At("2026-11-23T09:00:00Z").seconds() + 60 * offset_minutes);
  event.set_step_id(step);
  event.set_actor("carol");
  event.set_title(title);
  event.set_text(text);
  return event;
}

pb::TargetReport Target(int target_minutes, int actual_minutes) {
  pb::TargetReport target;
  *target.mutable_target() = Minutes(target_minutes);
  *target.mutable_actual() = Minutes(actual_minutes);
  target.set_verdict(actual_minutes <= target_minutes ? pb::TARGET_VERDICT_MET
                                                      : pb::TARGET_VERDICT_MISSED);
  return target;
}

}  // namespace

pb::Playbook SamplePlaybook() {
  pb::Playbook playbook;
  playbook.set_name("playbooks/bcp");
  playbook.set_version(2);
  playbook.set_display_name("BCP: shutdown");
  playbook.set_owner("Crisis management");
  playbook.mutable_triggers()->add_severities(airr::incident::v1::SEVERITY_SEV1);
  playbook.mutable_triggers()->set_bcp(true);
  *playbook.mutable_targets()->mutable_first_action() = Minutes(30);
  *playbook.mutable_targets()->mutable_containment() = Minutes(60);
  *playbook.mutable_targets()->mutable_recovery() = Minutes(480);
  *playbook.add_steps() =
      Step("declare", "Declare the BCP", pb::RESPONSIBLE_ROLE_INCIDENT_EXECUTIVE, 30, true);
  pb::PlaybookStep notify =
      Step("notify", "Notify customers", pb::RESPONSIBLE_ROLE_CUSTOMER_SUPPORT, 90, true);
  notify.add_depends_on("declare");
  notify.set_kind(pb::STEP_KIND_NOTIFY_STAKEHOLDERS);
  *playbook.add_steps() = notify;
  *playbook.add_steps() =
      Step("press", "Public statement", pb::RESPONSIBLE_ROLE_PUBLIC_RELATIONS, 240, false);
  playbook.set_change_note("Added the press step");
  playbook.set_version_author("alice");
  *playbook.mutable_version_create_time() = At("2026-11-01T08:00:00Z");
  playbook.set_etag("e-2");
  return playbook;
}

pb::Run SampleRun() {
  const pb::Playbook playbook = SamplePlaybook();
  pb::Run run;
  run.set_name("playbooks/bcp/runs/r-1");
  run.set_playbook_version(2);
  run.set_kind(pb::RUN_KIND_DRILL);
  run.set_start_mode(pb::START_MODE_MANUAL);
  run.set_state(pb::RUN_STATE_COMPLETED);
  run.set_bcp(true);
  pb::Drill& drill = *run.mutable_drill();
  drill.set_type(pb::DRILL_TYPE_TABLETOP);
  drill.set_scenario("The credit model fails.");
  pb::Objective* objective = drill.add_objectives();
  objective->set_id("obj-1");
  objective->set_description("Manual fallback within 2 hours");
  drill.add_participants("Crisis management");
  drill.add_participants("Retail credit");
  *run.mutable_start_time() = At("2026-11-23T09:00:00Z");
  *run.mutable_end_time() = At("2026-11-23T12:00:00Z");
  run.set_started_by("carol");
  run.set_ended_by("carol");
  run.set_summary("Went well.");
  const pb::StepState states[] = {pb::STEP_STATE_DONE, pb::STEP_STATE_DONE, pb::STEP_STATE_SKIPPED};
  for (int i = 0; i < playbook.steps_size(); ++i) {
    pb::RunStep* step = run.add_steps();
    *step->mutable_step() = playbook.steps(i);
    step->set_state(states[i]);
    *step->mutable_due_time() = TimeUtil::SecondsToTimestamp(
        run.start_time().seconds() + playbook.steps(i).target_offset().seconds());
  }
  run.mutable_steps(1)->set_late(true);
  run.mutable_steps(2)->set_skip_reason("Not visible to the public");
  pb::RunEvaluation& evaluation = *run.mutable_evaluation();
  pb::ObjectiveResult* result = evaluation.add_objective_results();
  result->set_objective_id("obj-1");
  result->set_rating(pb::OBJECTIVE_RATING_MET);
  result->set_note("Took 90 minutes");
  pb::Finding* strength = evaluation.add_findings();
  strength->set_id("f-1");
  strength->set_kind(pb::FINDING_KIND_STRENGTH);
  strength->set_description("Fallback desk staffed fast");
  pb::Finding* improvement = evaluation.add_findings();
  improvement->set_id("f-2");
  improvement->set_kind(pb::FINDING_KIND_IMPROVEMENT);
  improvement->set_description("Notice templates out of date");
  pb::CorrectiveAction* action = evaluation.add_corrective_actions();
  action->set_id("ca-1");
  action->set_description("Update the notice templates");
  action->set_owner("Customer support");
  *action->mutable_due_time() = At("2026-12-23T00:00:00Z");
  action->set_finding_id("f-2");
  return run;
}

pb::RunReport SampleRunReport() {
  pb::RunReport report;
  *report.mutable_run() = SampleRun();
  report.set_playbook_display_name("BCP: shutdown");
  const pb::Playbook playbook = SamplePlaybook();
  *report.add_steps() = StepReport(playbook.steps(0), 10, pb::STEP_OUTCOME_ON_TIME);
  *report.add_steps() = StepReport(playbook.steps(1), 120, pb::STEP_OUTCOME_LATE);
  pb::StepReport skipped = StepReport(playbook.steps(2), 60, pb::STEP_OUTCOME_SKIPPED);
  skipped.clear_variance();
  *report.add_steps() = skipped;
  *report.mutable_first_action() = Target(30, 10);
  *report.mutable_containment() = Target(60, 40);
  *report.mutable_recovery() = Target(480, 170);
  report.set_steps_late(1);
  report.set_steps_skipped(1);
  report.set_objectives_met(1);
  *report.add_timeline() = Event(1, pb::RUN_EVENT_TYPE_STARTED, 0, "", "", "");
  *report.add_timeline() = Event(2, pb::RUN_EVENT_TYPE_STEP_COMPLETED, 10, "declare", "", "");
  *report.add_timeline() =
      Event(3, pb::RUN_EVENT_TYPE_INJECT, 45, "", "Regulator calls", "Asks about the outage");
  *report.add_timeline() =
      Event(4, pb::RUN_EVENT_TYPE_STEP_SKIPPED, 60, "press", "", "Not visible to the public");
  *report.add_timeline() = Event(5, pb::RUN_EVENT_TYPE_COMPLETED, 180, "", "", "Went well.");
  *report.mutable_report_time() = At("2026-11-23T12:05:00Z");
  return report;
}

}  // namespace airr::cli
