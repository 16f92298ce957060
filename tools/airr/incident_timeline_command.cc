#include "tools/airr/incident_timeline_command.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tools/airr/command_util.h"
#include "tools/airr/enum_names.h"
#include "tools/airr/errors.h"
#include "tools/airr/field_flags.h"
#include "tools/airr/incident_common.h"
#include "tools/airr/incident_output.h"
#include "tools/airr/resource_names.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::incident::v1;

// The flags that set fields of the event --add appends.
constexpr FieldFlag kEventFlags[] = {
    {"type", "type", "TYPE",
     "With --add: the event's type: note (the default), action, communication, evidence or "
     "decision."},
    {"text", "text", "TEXT", "With --add: what happened, 1 to 10,000 characters."},
    {"at", "occur_time", "TIME",
     "With --add: when it happened, RFC 3339; may be in the past. Default: now."},
};

// The types callers may add; the others are recorded by the lifecycle methods.
const std::vector<pb::TimelineEventType>& AddableTypes() {
  static const auto* const kTypes = new std::vector<pb::TimelineEventType>{
      pb::TIMELINE_EVENT_TYPE_NOTE, pb::TIMELINE_EVENT_TYPE_ACTION,
      pb::TIMELINE_EVENT_TYPE_COMMUNICATION, pb::TIMELINE_EVENT_TYPE_EVIDENCE,
      pb::TIMELINE_EVENT_TYPE_DECISION};
  return *kTypes;
}

absl::Status CheckAddable(pb::TimelineEventType type) {
  std::vector<std::string> names;
  for (const pb::TimelineEventType addable : AddableTypes()) {
    if (type == addable) {
      return absl::OkStatus();
    }
    names.push_back(ShortEnumName(*pb::TimelineEventType_descriptor(), addable));
  }
  return absl::InvalidArgumentError(
      absl::StrCat("--type: only these can be added: ", absl::StrJoin(names, ", ")));
}

int RunAdd(const ParsedArgs& args, const CommandContext& context) {
  if (!args.Has("text")) {
    return UsageError(absl::InvalidArgumentError("--add needs --text TEXT"), context);
  }
  pb::AddTimelineEventRequest request;
  request.set_parent(IncidentName(args.positional()[0]));
  pb::TimelineEvent& event = *request.mutable_timeline_event();
  std::vector<std::string> unused_paths;
  if (absl::Status status = ApplyFieldFlags(args, kEventFlags, &event, &unused_paths);
      !status.ok()) {
    return UsageError(status, context);
  }
  if (event.type() == pb::TIMELINE_EVENT_TYPE_UNSPECIFIED) {
    event.set_type(pb::TIMELINE_EVENT_TYPE_NOTE);
  }
  if (absl::Status status = CheckAddable(event.type()); !status.ok()) {
    return UsageError(status, context);
  }
  pb::TimelineEvent added;
  const std::unique_ptr<grpc::ClientContext> call = context.client.NewContext();
  return PrintResult(NewIncidentStub(context)->AddTimelineEvent(call.get(), request, &added), added,
                     context);
}

int RunList(const ParsedArgs& args, const CommandContext& context) {
  for (const FieldFlag& flag : kEventFlags) {
    if (args.Has(flag.flag)) {
      return UsageError(
          absl::InvalidArgumentError(absl::StrCat("--", flag.flag, " is only for --add")), context);
    }
  }
  pb::ListTimelineEventsRequest request;
  request.set_parent(IncidentName(args.positional()[0]));
  const std::unique_ptr<pb::IncidentService::Stub> stub = NewIncidentStub(context);
  pb::ListTimelineEventsResponse merged;
  if (const int code =
          FetchPagesInto<pb::ListTimelineEventsRequest, pb::ListTimelineEventsResponse>(
              [&](grpc::ClientContext* call, const auto& sent, auto* page) {
                return stub->ListTimelineEvents(call, sent, page);
              },
              request, "", /*all_pages=*/true, context, &merged);
      code != kExitOk) {
    return code;
  }
  if (context.output == OutputFormat::kJson) {
    return PrintMessage(merged, context);
  }
  context.out << FormatTimelineTable(merged.timeline_events());
  return kExitOk;
}

int RunTimeline(const ParsedArgs& args, const CommandContext& context) {
  return args.GetBool("add") ? RunAdd(args, context) : RunList(args, context);
}

}  // namespace

Command IncidentTimelineCommand() {
  Command command = IncidentCommand("timeline");
  command.args_synopsis = "ID";
  command.summary = "Shows an incident's timeline, or adds an event to it (--add).";
  command.description =
      "Without --add, lists every event of the incident's timeline in the order it was recorded:\n"
      "the lifecycle transitions (with the states before and after), the updates, and the notes,\n"
      "actions, communications, evidence and decisions people added.\n"
      "\n"
      "With --add, appends one event; events are never changed or removed. For example:\n"
      "  airr incidents timeline ID --add --type action --text 'Disabled the address lookup'\n"
      "  airr incidents timeline ID --add --type communication --at 2026-11-23T11:00:00+09:00 \\\n"
      "    --text 'Notified the affected customer by phone'\n"
      "\n"
      "ID is the incident's id or its name (incidents/ID).";
  command.flags = {BoolFlag("add", "Append an event instead of listing the timeline.")};
  command.flags = Concat(std::move(command.flags),
                         FieldFlagSpecs(*pb::TimelineEvent::descriptor(), kEventFlags));
  // The help lists the addable types itself; the descriptor would offer the system types too.
  command.flags[1].help = kEventFlags[0].help;
  command.min_args = command.max_args = 1;
  command.run = RunTimeline;
  return command;
}

}  // namespace airr::cli
