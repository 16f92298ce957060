#include "tools/airr/playbook_output.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tools/airr/document_text.h"
#include "tools/airr/enum_names.h"
#include "tools/airr/output.h"
#include "tools/airr/resource_names.h"
#include "tools/airr/time_text.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::playbook::v1;
namespace incident = ::airr::incident::v1;

constexpr int kMaxTitleWidth = 48;
constexpr int kMaxNoteWidth = 60;

std::string Time(const google::protobuf::Timestamp& time) { return FormatTimestampShort(time); }

std::string YesNo(bool value) { return value ? "yes" : "no"; }

std::string Labels(const google::protobuf::RepeatedField<int>& values,
                   const google::protobuf::EnumDescriptor& type) {
  std::vector<std::string> labels;
  for (const int value : values) {
    labels.push_back(EnumLabel(type, value));
  }
  return absl::StrJoin(labels, ", ");
}

std::string Role(int role) { return EnumLabel(*pb::ResponsibleRole_descriptor(), role); }

std::string DrillInterval(const pb::Playbook& playbook) {
  return playbook.has_drill_interval() ? FormatDurationShort(playbook.drill_interval()) : "365d";
}

// "SEV1, SEV2; BCP; auto": what a list shows of the triggers.
std::string TriggerSummary(const pb::PlaybookTriggers& triggers) {
  std::vector<std::string> parts;
  if (!triggers.severities().empty()) {
    parts.push_back(Labels(triggers.severities(), *incident::Severity_descriptor()));
  }
  if (triggers.bcp()) {
    parts.push_back("BCP");
  }
  if (triggers.auto_start()) {
    parts.push_back("auto");
  }
  return OrDash(absl::StrJoin(parts, "; "));
}

std::string DurationIf(bool has, const google::protobuf::Duration& duration) {
  return has ? FormatDurationShort(duration) : "";
}

TextRows TriggerRows(const pb::PlaybookTriggers& triggers) {
  TextRows rows;
  AddRowIfSet(&rows, "severities", Labels(triggers.severities(), *incident::Severity_descriptor()));
  AddRowIfSet(&rows, "harm_types", Labels(triggers.harm_types(), *incident::HarmType_descriptor()));
  AddRowIfSet(&rows, "kinds", Labels(triggers.kinds(), *incident::Kind_descriptor()));
  AddRowIfSet(&rows, "ai_systems", absl::StrJoin(triggers.ai_systems(), ", "));
  std::vector<std::string> labels;
  for (const auto& [key, value] : triggers.labels()) {
    labels.push_back(absl::StrCat(key, "=", value));
  }
  std::sort(labels.begin(), labels.end());
  AddRowIfSet(&rows, "labels", absl::StrJoin(labels, ", "));
  rows.emplace_back("bcp", triggers.bcp() ? "yes (invokes the business continuity plan)" : "no");
  rows.emplace_back("auto_start", YesNo(triggers.auto_start()));
  return rows;
}

std::string StepTable(const pb::Playbook& playbook) {
  std::vector<std::vector<std::string>> rows;
  int number = 0;
  for (const pb::PlaybookStep& step : playbook.steps()) {
    rows.push_back({
        absl::StrCat(++number),
        step.id(),
        CutText(step.title(), kMaxTitleWidth),
        Role(step.role()),
        FormatDurationShort(step.target_offset()),
        YesNo(step.mandatory()),
        OrDash(absl::StrJoin(step.depends_on(), ", ")),
        OrDash(EnumLabel(*pb::StepKind_descriptor(), step.kind())),
        OrDash(EnumLabel(*pb::Milestone_descriptor(), step.milestone())),
    });
  }
  return FormatTable(
      {"#", "ID", "TITLE", "ROLE", "OFFSET", "MANDATORY", "AFTER", "KIND", "MILESTONE"}, rows);
}

std::string RunKind(const pb::Run& run) {
  std::string kind = EnumLabel(*pb::RunKind_descriptor(), run.kind());
  if (run.has_drill()) {
    absl::StrAppend(&kind, " (", EnumLabel(*pb::DrillType_descriptor(), run.drill().type()), ")");
  }
  return kind;
}

}  // namespace

std::string FormatPlaybookTable(const google::protobuf::RepeatedPtrField<pb::Playbook>& list) {
  std::vector<std::vector<std::string>> rows;
  for (const pb::Playbook& playbook : list) {
    rows.push_back({
        ResourceId(playbook.name()),
        absl::StrCat(playbook.version()),
        CutText(playbook.display_name(), kMaxTitleWidth),
        CutText(playbook.owner(), 30),
        absl::StrCat(playbook.steps_size()),
        TriggerSummary(playbook.triggers()),
        DrillInterval(playbook),
        playbook.has_last_drill_time() ? Time(playbook.last_drill_time()) : "never",
        playbook.has_archive_time() ? "ARCHIVED" : "ACTIVE",
    });
  }
  return FormatTable({"ID", "VERSION", "TITLE", "OWNER", "STEPS", "TRIGGERS", "DRILL EVERY",
                      "LAST DRILL", "STATE"},
                     rows);
}

std::string FormatPlaybook(const pb::Playbook& playbook) {
  TextRows rows;
  rows.emplace_back("name", playbook.name());
  rows.emplace_back("version", absl::StrCat(playbook.version()));
  rows.emplace_back("display_name", playbook.display_name());
  rows.emplace_back("owner", playbook.owner());
  AddRowIfSet(&rows, "purpose", playbook.purpose());
  for (const auto& [key, value] : TriggerRows(playbook.triggers())) {
    rows.emplace_back(absl::StrCat("triggers.", key), value);
  }
  const pb::TargetTimes& targets = playbook.targets();
  AddRowIfSet(&rows, "target.first_action",
              DurationIf(targets.has_first_action(), targets.first_action()));
  AddRowIfSet(&rows, "target.containment",
              DurationIf(targets.has_containment(), targets.containment()));
  AddRowIfSet(&rows, "target.recovery (RTO)",
              DurationIf(targets.has_recovery(), targets.recovery()));
  rows.emplace_back("drill_interval", DrillInterval(playbook));
  rows.emplace_back("last_drill",
                    playbook.has_last_drill_time() ? Time(playbook.last_drill_time()) : "never");
  AddRowIfSet(&rows, "change_note", playbook.change_note());
  AddRowIfSet(&rows, "version_author", playbook.version_author());
  AddRowIfSet(&rows, "version_create_time", Time(playbook.version_create_time()));
  AddRowIfSet(&rows, "archive_time", Time(playbook.archive_time()));
  AddRowIfSet(&rows, "etag", playbook.etag());
  return absl::StrCat(
      FormatRows(rows),
      DocumentSection("Steps", IndentedTableOrNone(playbook.steps().empty(), StepTable(playbook))));
}

std::string FormatVersionTable(const google::protobuf::RepeatedPtrField<pb::Playbook>& versions) {
  std::vector<std::vector<std::string>> rows;
  for (const pb::Playbook& version : versions) {
    rows.push_back({
        absl::StrCat(version.version()),
        Time(version.version_create_time()),
        OrDash(CutText(version.version_author(), 30)),
        absl::StrCat(version.steps_size()),
        OrDash(CutText(version.change_note(), kMaxNoteWidth)),
    });
  }
  return FormatTable({"VERSION", "CREATED", "AUTHOR", "STEPS", "CHANGE NOTE"}, rows);
}

std::string FormatDrillsDueTable(const pb::ListDrillsDueResponse& response) {
  std::vector<std::vector<std::string>> rows;
  for (const pb::DrillDue& due : response.drills()) {
    rows.push_back({
        ResourceId(due.playbook()),
        CutText(due.display_name(), kMaxTitleWidth),
        FormatDurationShort(due.drill_interval()),
        due.never_drilled() ? "never" : Time(due.last_drill_time()),
        Time(due.due_time()),
    });
  }
  return FormatTable({"PLAYBOOK", "TITLE", "DRILL EVERY", "LAST DRILL", "DUE SINCE"}, rows);
}

std::string FormatRunTable(const google::protobuf::RepeatedPtrField<pb::Run>& runs) {
  std::vector<std::vector<std::string>> rows;
  for (const pb::Run& run : runs) {
    int done = 0;
    for (const pb::RunStep& step : run.steps()) {
      done += step.state() == pb::STEP_STATE_DONE || step.state() == pb::STEP_STATE_SKIPPED ? 1 : 0;
    }
    rows.push_back({
        absl::StrCat(ResourceId(PlaybookOfRun(run.name())), "/", ResourceId(run.name())),
        RunKind(run),
        EnumLabel(*pb::RunState_descriptor(), run.state()),
        absl::StrCat(run.playbook_version()),
        Time(run.start_time()),
        OrDash(Time(run.end_time())),
        OrDash(run.incident()),
        absl::StrCat(done, "/", run.steps_size()),
    });
  }
  return FormatTable(
      {"RUN", "KIND", "STATE", "VERSION", "STARTED", "ENDED", "INCIDENT", "STEPS DONE"}, rows);
}

std::string FormatRunSteps(const pb::Run& run) {
  std::vector<std::vector<std::string>> rows;
  int number = 0;
  for (const pb::RunStep& step : run.steps()) {
    rows.push_back({
        absl::StrCat(++number),
        step.step().id(),
        CutText(step.step().title(), kMaxTitleWidth),
        Role(step.step().role()),
        YesNo(step.step().mandatory()),
        Time(step.due_time()),
        EnumLabel(*pb::StepState_descriptor(), step.state()),
        step.late() ? "LATE" : "",
    });
  }
  return FormatTable({"#", "STEP", "TITLE", "ROLE", "MANDATORY", "DUE (UTC)", "STATE", "LATE"},
                     rows);
}

std::string FormatRun(const pb::Run& run) {
  TextRows rows;
  rows.emplace_back("run", run.name());
  rows.emplace_back("playbook",
                    absl::StrCat(PlaybookOfRun(run.name()), " version ", run.playbook_version()));
  rows.emplace_back("kind", RunKind(run));
  AddRowIfSet(&rows, "incident", run.incident());
  rows.emplace_back("state", EnumLabel(*pb::RunState_descriptor(), run.state()));
  if (run.bcp()) {
    rows.emplace_back("bcp", "yes (the business continuity plan is invoked)");
  }
  rows.emplace_back("start_time", Time(run.start_time()));
  AddRowIfSet(&rows, "started_by", run.started_by());
  AddRowIfSet(&rows, "end_time", Time(run.end_time()));
  AddRowIfSet(&rows, "ended_by", run.ended_by());
  AddRowIfSet(&rows, "abort_reason", run.abort_reason());
  return absl::StrCat(FormatRows(rows), "\n", FormatRunSteps(run));
}

}  // namespace airr::cli
