#include "tools/airr/run_fields.h"

#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "tools/airr/command_util.h"
#include "tools/airr/enum_names.h"
#include "tools/airr/message_file.h"
#include "tools/airr/resource_names.h"
#include "tools/airr/time_text.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::playbook::v1;

using google::protobuf::Timestamp;

std::string Text(const ParsedArgs& args, const std::string& flag) {
  return args.Get(flag).value_or("");
}

absl::StatusOr<std::string> Scenario(const ParsedArgs& args) {
  if (args.Has("scenario") == args.Has("scenario-file")) {
    return absl::InvalidArgumentError("give the scenario with --scenario or --scenario-file");
  }
  if (args.Has("scenario")) {
    return Text(args, "scenario");
  }
  return ReadInputFile(Text(args, "scenario-file"), "--scenario-file");
}

absl::Status BadValue(const std::string& flag, const std::string& text, const std::string& form) {
  return absl::InvalidArgumentError(absl::StrCat("--", flag, ": \"", text, "\" is not ", form));
}

// The start time and request id of a StartDrillRequest or StartRunRequest.
template <typename Request>
absl::Status SetStartAndRequestId(const ParsedArgs& args, absl::Time now, Request* request) {
  absl::StatusOr<std::optional<Timestamp>> start = RunStartTime(args, now);
  if (!start.ok()) {
    return start.status();
  }
  if (start->has_value()) {
    *request->mutable_start_time() = **start;
  }
  absl::StatusOr<std::string> request_id = CreateRequestId(args);
  if (!request_id.ok()) {
    return request_id.status();
  }
  request->set_request_id(*std::move(request_id));
  return absl::OkStatus();
}

}  // namespace

std::vector<FlagSpec> RunStartTimeFlags() {
  return {
      ValueFlag("start-time", "TIME",
                "When it started, if earlier than now (at most 30 days ago): RFC 3339 or "
                "relative, -2h."),
      ValueFlag("started-ago", "DURATION",
                "When it started, as a duration before now: 2h, 90m, 1d."),
  };
}

absl::StatusOr<std::optional<Timestamp>> RunStartTime(const ParsedArgs& args, absl::Time now) {
  if (args.Has("start-time") && args.Has("started-ago")) {
    return absl::InvalidArgumentError("give --start-time or --started-ago, not both");
  }
  if (args.Has("start-time")) {
    absl::StatusOr<Timestamp> time = ParseTimeFlag(Text(args, "start-time"), now, "--start-time");
    if (!time.ok()) {
      return time.status();
    }
    return std::optional<Timestamp>(*time);
  }
  if (args.Has("started-ago")) {
    absl::StatusOr<absl::Duration> ago =
        ParseDurationFlag(Text(args, "started-ago"), "--started-ago");
    if (!ago.ok()) {
      return ago.status();
    }
    Timestamp time;
    time.set_seconds(absl::ToUnixSeconds(now - *ago));
    return std::optional<Timestamp>(time);
  }
  return std::optional<Timestamp>();
}

absl::StatusOr<std::optional<Timestamp>> AtTime(const ParsedArgs& args, absl::Time now) {
  if (!args.Has("at")) {
    return std::optional<Timestamp>();
  }
  absl::StatusOr<Timestamp> time = ParseTimeFlag(Text(args, "at"), now, "--at");
  if (!time.ok()) {
    return time.status();
  }
  return std::optional<Timestamp>(*time);
}

absl::StatusOr<pb::StartDrillRequest> BuildStartDrillRequest(const ParsedArgs& args,
                                                             const std::string& playbook_arg,
                                                             absl::Time now) {
  pb::StartDrillRequest request;
  request.set_parent(PlaybookName(playbook_arg));
  pb::Drill& drill = *request.mutable_drill();
  absl::StatusOr<int> type =
      ParseEnumName(*pb::DrillType_descriptor(), Text(args, "type"), "--type");
  if (!type.ok()) {
    return type.status();
  }
  drill.set_type(static_cast<pb::DrillType>(*type));
  absl::StatusOr<std::string> scenario = Scenario(args);
  if (!scenario.ok()) {
    return scenario.status();
  }
  drill.set_scenario(*std::move(scenario));
  for (const std::string& objective : args.GetAll("objective")) {
    drill.add_objectives()->set_description(objective);
  }
  for (const std::string& participant : args.GetAll("participant")) {
    drill.add_participants(participant);
  }
  if (absl::Status status = SetStartAndRequestId(args, now, &request); !status.ok()) {
    return status;
  }
  return request;
}

absl::StatusOr<pb::StartRunRequest> BuildStartRunRequest(const ParsedArgs& args,
                                                         const std::string& playbook_arg,
                                                         absl::Time now) {
  pb::StartRunRequest request;
  request.set_parent(PlaybookName(playbook_arg));
  request.set_incident(IncidentName(Text(args, "incident")));
  if (absl::Status status = SetStartAndRequestId(args, now, &request); !status.ok()) {
    return status;
  }
  return request;
}

absl::StatusOr<pb::ObjectiveResult> ParseObjectiveFlag(const std::string& text) {
  constexpr char kForm[] = "ID=RATING[:NOTE] with RATING met, partly or not-met";
  const std::pair<std::string, std::string> id_rest = absl::StrSplit(text, absl::MaxSplits('=', 1));
  const std::pair<std::string, std::string> rating_note =
      absl::StrSplit(id_rest.second, absl::MaxSplits(':', 1));
  std::string rating = absl::AsciiStrToLower(rating_note.first);
  if (rating == "partly") {
    rating = "partly_met";
  }
  if (id_rest.first.empty() || text.find('=') == std::string::npos || rating.empty()) {
    return BadValue("objective", text, kForm);
  }
  absl::StatusOr<int> number =
      ParseEnumName(*pb::ObjectiveRating_descriptor(), rating, "--objective");
  if (!number.ok()) {
    return BadValue("objective", text, kForm);
  }
  pb::ObjectiveResult result;
  result.set_objective_id(id_rest.first);
  result.set_rating(static_cast<pb::ObjectiveRating>(*number));
  result.set_note(rating_note.second);
  return result;
}

absl::StatusOr<pb::CorrectiveAction> ParseActionFlag(const std::string& text, absl::Time now) {
  constexpr char kForm[] = "DESCRIPTION;OWNER;DUE[;FINDING-ID] with DUE RFC 3339 or +7d";
  const std::vector<std::string> parts = absl::StrSplit(text, ';');
  if (parts.size() < 3 || parts.size() > 4) {
    return BadValue("action", text, kForm);
  }
  absl::StatusOr<Timestamp> due =
      ParseTimeFlag(std::string(absl::StripAsciiWhitespace(parts[2])), now, "--action due");
  if (!due.ok()) {
    return due.status();
  }
  pb::CorrectiveAction action;
  action.set_description(std::string(absl::StripAsciiWhitespace(parts[0])));
  action.set_owner(std::string(absl::StripAsciiWhitespace(parts[1])));
  *action.mutable_due_time() = *due;
  if (parts.size() == 4) {
    action.set_finding_id(std::string(absl::StripAsciiWhitespace(parts[3])));
  }
  return action;
}

absl::StatusOr<pb::CompleteRunRequest> BuildCompleteRunRequest(const ParsedArgs& args,
                                                               const std::string& run,
                                                               absl::Time now) {
  pb::CompleteRunRequest request;
  request.set_name(RunName(run));
  request.set_summary(Text(args, "summary"));
  request.set_etag(Text(args, "etag"));
  absl::StatusOr<std::optional<Timestamp>> end = AtTime(args, now);
  if (!end.ok()) {
    return end.status();
  }
  if (end->has_value()) {
    *request.mutable_end_time() = **end;
  }
  if (!args.Has("objective") && !args.Has("strength") && !args.Has("improvement") &&
      !args.Has("action")) {
    return request;
  }
  pb::RunEvaluation& evaluation = *request.mutable_evaluation();
  for (const std::string& text : args.GetAll("objective")) {
    absl::StatusOr<pb::ObjectiveResult> result = ParseObjectiveFlag(text);
    if (!result.ok()) {
      return result.status();
    }
    *evaluation.add_objective_results() = *std::move(result);
  }
  for (const auto& [flag, kind] : {std::make_pair("strength", pb::FINDING_KIND_STRENGTH),
                                   std::make_pair("improvement", pb::FINDING_KIND_IMPROVEMENT)}) {
    for (const std::string& text : args.GetAll(flag)) {
      pb::Finding* finding = evaluation.add_findings();
      finding->set_id(absl::StrCat("f-", evaluation.findings_size()));
      finding->set_kind(kind);
      finding->set_description(text);
    }
  }
  for (const std::string& text : args.GetAll("action")) {
    absl::StatusOr<pb::CorrectiveAction> action = ParseActionFlag(text, now);
    if (!action.ok()) {
      return action.status();
    }
    *evaluation.add_corrective_actions() = *std::move(action);
  }
  return request;
}

}  // namespace airr::cli
