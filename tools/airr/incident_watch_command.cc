#include "tools/airr/incident_watch_command.h"

#include <limits>
#include <memory>
#include <ostream>

#include "absl/strings/str_cat.h"
#include "tools/airr/command_util.h"
#include "tools/airr/enum_names.h"
#include "tools/airr/errors.h"
#include "tools/airr/incident_common.h"
#include "tools/airr/output.h"
#include "tools/airr/terminal_text.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::incident::v1;

// Titles and texts are cut in lines; -o json has the full text.
constexpr int kMaxTextWidth = 60;

std::string Quoted(const std::string& text) {
  return absl::StrCat("\"", TruncateToWidth(SanitizeForTerminal(text), kMaxTextWidth), "\"");
}

// The line (with its newline) to print for `change`.
absl::StatusOr<std::string> Line(const pb::WatchIncidentsResponse& change, OutputFormat format) {
  if (format == OutputFormat::kJson) {
    return FormatJsonLine(change);
  }
  return FormatChangeLine(change) + "\n";
}

int RunWatch(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<int32_t> count = IntFlag(args, "count", 0, 1, std::numeric_limits<int32_t>::max());
  if (!count.ok()) {
    return UsageError(count.status(), context);
  }
  const bool heartbeats = args.GetBool("heartbeats");
  pb::WatchIncidentsRequest request;
  request.set_cursor(args.Get("cursor").value_or(""));

  // The stream runs until the user stops it, so it has no deadline.
  const std::unique_ptr<grpc::ClientContext> call = context.client.NewOpenEndedContext();
  const std::unique_ptr<pb::IncidentService::Stub> stub = NewIncidentStub(context);
  const std::unique_ptr<grpc::ClientReader<pb::WatchIncidentsResponse>> reader =
      stub->WatchIncidents(call.get(), request);
  pb::WatchIncidentsResponse change;
  int32_t printed = 0;
  while (reader->Read(&change)) {
    const bool heartbeat = change.change_type() == pb::CHANGE_TYPE_HEARTBEAT;
    if (heartbeat && !heartbeats) {
      continue;
    }
    absl::StatusOr<std::string> line = Line(change, context.output);
    if (!line.ok()) {
      context.err << "airr: " << line.status().message() << "\n";
      call->TryCancel();
      reader->Finish();
      return kExitFailure;
    }
    // Flushed line by line: a reader at the other end of a pipe acts on each change at once.
    context.out << *line << std::flush;
    if (!heartbeat && *count > 0 && ++printed >= *count) {
      call->TryCancel();
      reader->Finish();  // CANCELLED, as asked for.
      return kExitOk;
    }
  }
  const grpc::Status status = reader->Finish();
  if (!status.ok()) {
    return ReportRpcError(status, context.err);
  }
  context.err << "airr: the server ended the stream\n";
  return kExitOk;
}

}  // namespace

std::string FormatChangeLine(const pb::WatchIncidentsResponse& change) {
  std::string line =
      absl::StrCat(FormatTimestampShort(change.change_time()), "  ",
                   ShortEnumName(*pb::ChangeType_descriptor(), change.change_type()));
  if (!change.incident_name().empty()) {
    absl::StrAppend(&line, "  ", SanitizeForTerminal(change.incident_name()));
  }
  if (change.has_incident()) {
    const pb::Incident& incident = change.incident();
    absl::StrAppend(&line, "  state=", ShortEnumName(*pb::State_descriptor(), incident.state()),
                    " severity=", ShortEnumName(*pb::Severity_descriptor(), incident.severity()));
    if (change.change_type() == pb::CHANGE_TYPE_SIGNALS_ATTACHED) {
      absl::StrAppend(&line, " signals=", incident.signal_count());
    }
    absl::StrAppend(&line, " ", Quoted(incident.title()));
  }
  if (change.has_timeline_event()) {
    const pb::TimelineEvent& event = change.timeline_event();
    absl::StrAppend(&line, "  ", ShortEnumName(*pb::TimelineEventType_descriptor(), event.type()),
                    " ", Quoted(event.text()));
  }
  absl::StrAppend(&line, "  cursor=", SanitizeForTerminal(change.cursor()));
  return line;
}

Command IncidentWatchCommand() {
  Command command = IncidentCommand("watch");
  command.summary = "Prints changes to incidents as they commit, one line each.";
  command.description =
      "Follows the changes to the tenant's incidents in commit order and prints one line per\n"
      "change (with -o json, one JSON object per line), each flushed at once. Runs until\n"
      "interrupted, or until --count changes were printed. Every line ends with the cursor after\n"
      "the change; started again with --cursor, the watch prints every later change exactly\n"
      "once, also across server restarts. Without --cursor it starts with the changes committed\n"
      "after it connected.\n"
      "\n"
      "Example, feeding a bot:\n"
      "  airr -o json incidents watch --cursor \"$(cat cursor)\" | notify-bot";
  command.flags = {
      ValueFlag("cursor", "CURSOR", "Resume after the change with this cursor."),
      ValueFlag("count", "N", "Stop after N changes (heartbeats not counted)."),
      BoolFlag("heartbeats",
               "Print the heartbeats too: the first message, which shows the watch is connected "
               "and its starting cursor, and one after every idle 15 seconds."),
  };
  command.run = RunWatch;
  return command;
}

}  // namespace airr::cli
