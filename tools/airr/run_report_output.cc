#include "tools/airr/run_report_output.h"

#include <map>
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

using Table = std::vector<std::vector<std::string>>;

constexpr int kMaxTitleWidth = 40;
constexpr int kMaxTextWidth = 70;

std::string Time(const google::protobuf::Timestamp& time) { return FormatTimestampShort(time); }

// "carol" of "carol (4cf0...)": the tables show who; -o json has the principal's id too.
std::string ActorName(const std::string& actor) {
  const size_t paren = actor.find(" (");
  return paren == std::string::npos ? actor : actor.substr(0, paren);
}

std::string Header(const pb::RunReport& report) {
  const pb::Run& run = report.run();
  TextRows rows;
  rows.emplace_back("run", run.name());
  std::string playbook =
      absl::StrCat(PlaybookOfRun(run.name()), " version ", run.playbook_version());
  if (!report.playbook_display_name().empty()) {
    absl::StrAppend(&playbook, ": ", report.playbook_display_name());
  }
  rows.emplace_back("playbook", playbook);
  std::string kind = EnumLabel(*pb::RunKind_descriptor(), run.kind());
  if (run.has_drill()) {
    absl::StrAppend(&kind, " (", EnumLabel(*pb::DrillType_descriptor(), run.drill().type()), ")");
  }
  rows.emplace_back("kind", kind);
  AddRowIfSet(&rows, "incident", run.incident());
  if (run.bcp()) {
    rows.emplace_back("bcp", "yes (the business continuity plan was invoked)");
  }
  rows.emplace_back("state", EnumLabel(*pb::RunState_descriptor(), run.state()));
  rows.emplace_back("start_time", Time(run.start_time()));
  if (run.has_end_time()) {
    google::protobuf::Duration length;
    length.set_seconds(run.end_time().seconds() - run.start_time().seconds());
    rows.emplace_back("end_time", absl::StrCat(Time(run.end_time()), " (",
                                               FormatDurationShort(length), " after the start)"));
  }
  AddRowIfSet(&rows, "started_by", run.started_by());
  AddRowIfSet(&rows, "ended_by", run.ended_by());
  AddRowIfSet(&rows, "abort_reason", run.abort_reason());
  AddRowIfSet(&rows, "scenario", run.drill().scenario());
  AddRowIfSet(&rows, "participants", absl::StrJoin(run.drill().participants(), ", "));
  AddRowIfSet(&rows, "summary", run.summary());
  AddRowIfSet(&rows, "report_time", Time(report.report_time()));
  return FormatRows(rows);
}

std::vector<std::string> TargetRow(const std::string& label, const pb::TargetReport& target) {
  return {label, target.has_target() ? FormatDurationShort(target.target()) : "-",
          target.has_actual() ? FormatDurationShort(target.actual()) : "-",
          OrDash(EnumLabel(*pb::TargetVerdict_descriptor(), target.verdict()))};
}

std::string Targets(const pb::RunReport& report) {
  const Table rows = {TargetRow("First action", report.first_action()),
                      TargetRow("Containment", report.containment()),
                      TargetRow("Recovery (RTO)", report.recovery())};
  return absl::StrCat(IndentLines(FormatTable({"TARGET", "GOAL", "ACTUAL", "VERDICT"}, rows), "  "),
                      "  ", FormatTargetVerdict("RTO", report.recovery()), "\n");
}

std::string Steps(const pb::RunReport& report) {
  int on_time = 0;
  int in_progress = 0;
  Table rows;
  int number = 0;
  for (const pb::StepReport& step : report.steps()) {
    on_time += step.outcome() == pb::STEP_OUTCOME_ON_TIME ? 1 : 0;
    in_progress += step.outcome() == pb::STEP_OUTCOME_IN_PROGRESS ? 1 : 0;
    rows.push_back({
        absl::StrCat(++number),
        step.step_id(),
        CutText(step.title(), kMaxTitleWidth),
        EnumLabel(*pb::ResponsibleRole_descriptor(), step.role()),
        step.mandatory() ? "yes" : "no",
        FormatDurationShort(step.target_offset()),
        step.has_actual_offset() ? FormatDurationShort(step.actual_offset()) : "-",
        step.has_variance() ? FormatSignedDuration(step.variance()) : "-",
        EnumLabel(*pb::StepOutcome_descriptor(), step.outcome()),
    });
  }
  const std::string counts =
      absl::StrCat("  ", report.steps_size(), " steps: ", on_time, " on time, ",
                   report.steps_late(), " late, ", report.steps_skipped(), " skipped, ",
                   in_progress, " in progress, ", report.steps_not_started(), " not started\n");
  return absl::StrCat(
      counts,
      IndentedTableOrNone(rows.empty(), FormatTable({"#", "STEP", "TITLE", "ROLE", "MANDATORY",
                                                     "TARGET", "ACTUAL", "VARIANCE", "OUTCOME"},
                                                    rows)));
}

std::string Objectives(const pb::RunReport& report) {
  const pb::Run& run = report.run();
  std::map<std::string, const pb::ObjectiveResult*> results;
  for (const pb::ObjectiveResult& result : run.evaluation().objective_results()) {
    results[result.objective_id()] = &result;
  }
  Table rows;
  for (const pb::Objective& objective : run.drill().objectives()) {
    const auto it = results.find(objective.id());
    const pb::ObjectiveResult* result = it == results.end() ? nullptr : it->second;
    rows.push_back({
        objective.id(),
        result == nullptr ? "NOT RATED"
                          : EnumLabel(*pb::ObjectiveRating_descriptor(), result->rating()),
        CutText(objective.description(), kMaxTextWidth),
        result == nullptr ? "" : CutText(result->note(), kMaxTextWidth),
    });
  }
  if (rows.empty()) {
    return "  (none)\n";
  }
  return absl::StrCat("  ", report.objectives_met(), " met, ", report.objectives_partly_met(),
                      " partly met, ", report.objectives_not_met(), " not met or not rated\n",
                      IndentLines(FormatTable({"ID", "RATING", "OBJECTIVE", "NOTE"}, rows), "  "));
}

std::string Findings(const pb::RunEvaluation& evaluation) {
  Table rows;
  for (const pb::Finding& finding : evaluation.findings()) {
    rows.push_back({finding.id(), EnumLabel(*pb::FindingKind_descriptor(), finding.kind()),
                    CutText(finding.description(), kMaxTextWidth),
                    OrDash(CutText(finding.link_target(), 40))});
  }
  return IndentedTableOrNone(rows.empty(),
                             FormatTable({"ID", "KIND", "FINDING", "FOLLOW-UP"}, rows));
}

std::string Actions(const pb::RunEvaluation& evaluation) {
  Table rows;
  for (const pb::CorrectiveAction& action : evaluation.corrective_actions()) {
    rows.push_back({action.id(), CutText(action.owner(), 30), Time(action.due_time()),
                    OrDash(action.finding_id()), CutText(action.description(), kMaxTextWidth)});
  }
  return IndentedTableOrNone(rows.empty(),
                             FormatTable({"ID", "OWNER", "DUE (UTC)", "FINDING", "ACTION"}, rows));
}

std::string Timeline(const pb::RunReport& report) {
  Table rows;
  for (const pb::RunEvent& event : report.timeline()) {
    std::vector<std::string> text;
    for (const std::string& part : {event.title(), event.text()}) {
      if (!part.empty()) {
        text.push_back(part);
      }
    }
    rows.push_back(
        {absl::StrCat(event.seq()), FormatSignedDuration(event.offset()), Time(event.occur_time()),
         EnumLabel(*pb::RunEventType_descriptor(), event.type()), OrDash(event.step_id()),
         CutText(ActorName(event.actor()), 30), CutText(absl::StrJoin(text, ": "), kMaxTextWidth)});
  }
  return IndentedTableOrNone(
      rows.empty(),
      FormatTable({"#", "OFFSET", "TIME (UTC)", "EVENT", "STEP", "ACTOR", "TEXT"}, rows));
}

}  // namespace

std::string FormatTargetVerdict(const std::string& label, const pb::TargetReport& target) {
  if (!target.has_target() || target.verdict() == pb::TARGET_VERDICT_NO_TARGET) {
    return absl::StrCat(
        label, ": no target set",
        target.has_actual()
            ? absl::StrCat(" (reached after ", FormatDurationShort(target.actual()), ")")
            : "");
  }
  const std::string goal = absl::StrCat(label, " ", FormatDurationShort(target.target()), ": ");
  const std::string actual = FormatDurationShort(target.actual());
  switch (target.verdict()) {
    case pb::TARGET_VERDICT_MET:
      return absl::StrCat(goal, "MET (actual ", actual, ")");
    case pb::TARGET_VERDICT_MISSED: {
      google::protobuf::Duration late;
      late.set_seconds(target.actual().seconds() - target.target().seconds());
      return absl::StrCat(goal, "MISSED (actual ", actual, ", ", FormatDurationShort(late),
                          " late)");
    }
    case pb::TARGET_VERDICT_PENDING:
      return absl::StrCat(goal, "PENDING (not reached yet)");
    case pb::TARGET_VERDICT_NOT_REACHED:
      return absl::StrCat(goal, "NOT REACHED");
    default:
      return absl::StrCat(goal, "no verdict");
  }
}

std::string FormatRunReport(const pb::RunReport& report) {
  return absl::StrCat(
      "Run report\n\n", Header(report), DocumentSection("Target times", Targets(report)),
      DocumentSection("Steps", Steps(report)), DocumentSection("Objectives", Objectives(report)),
      DocumentSection("Findings", Findings(report.run().evaluation())),
      DocumentSection("Corrective actions", Actions(report.run().evaluation())),
      DocumentSection("Timeline", Timeline(report)));
}

}  // namespace airr::cli
