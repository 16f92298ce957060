#include "tools/airr/incidents_command.h"

#include <memory>
#include <utility>

#include "absl/time/clock.h"
#include "tools/airr/command_util.h"
#include "tools/airr/errors.h"
#include "tools/airr/incident_common.h"
#include "tools/airr/incident_fields.h"
#include "tools/airr/incident_lifecycle_command.h"
#include "tools/airr/incident_output.h"
#include "tools/airr/incident_timeline_command.h"
#include "tools/airr/incident_watch_command.h"
#include "tools/airr/resource_names.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::incident::v1;

int RunCreate(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<pb::CreateIncidentRequest> request = BuildCreateIncidentRequest(args, absl::Now());
  if (!request.ok()) {
    return UsageError(request.status(), context);
  }
  pb::Incident incident;
  const std::unique_ptr<grpc::ClientContext> call = context.client.NewContext();
  const grpc::Status status =
      NewIncidentStub(context)->CreateIncident(call.get(), *request, &incident);
  if (!status.ok()) {
    return ReportCreateError(status, request->request_id(), args, "incident", context);
  }
  return PrintIncidentResult(status, incident, context);
}

int RunGet(const ParsedArgs& args, const CommandContext& context) {
  pb::GetIncidentRequest request;
  request.set_name(IncidentName(args.positional()[0]));
  pb::Incident incident;
  const std::unique_ptr<grpc::ClientContext> call = context.client.NewContext();
  return PrintIncidentResult(NewIncidentStub(context)->GetIncident(call.get(), request, &incident),
                             incident, context);
}

int RunList(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<ListArgs> list = ParseListArgs(args);
  if (!list.ok()) {
    return UsageError(list.status(), context);
  }
  pb::ListIncidentsRequest request;
  request.set_filter(list->filter);
  request.set_order_by(list->order_by);
  request.set_page_size(list->page_size);

  const std::unique_ptr<pb::IncidentService::Stub> stub = NewIncidentStub(context);
  pb::ListIncidentsResponse merged;
  if (const int code = FetchPagesInto<pb::ListIncidentsRequest, pb::ListIncidentsResponse>(
          [&](grpc::ClientContext* call, const auto& sent, auto* page) {
            return stub->ListIncidents(call, sent, page);
          },
          request, list->page_token, list->all_pages, context, &merged);
      code != kExitOk) {
    return code;
  }

  if (context.output == OutputFormat::kJson) {
    return PrintMessage(merged, context);
  }
  if (merged.incidents().empty()) {
    context.err << "No incidents found.\n";
  } else {
    context.out << FormatIncidentTable(merged.incidents());
  }
  PrintNextPageHint(merged.next_page_token(), context);
  return kExitOk;
}

int RunUpdate(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<pb::UpdateIncidentRequest> request =
      BuildUpdateIncidentRequest(args, args.positional()[0]);
  if (!request.ok()) {
    return UsageError(request.status(), context);
  }
  pb::Incident incident;
  const std::unique_ptr<grpc::ClientContext> call = context.client.NewContext();
  return PrintIncidentResult(
      NewIncidentStub(context)->UpdateIncident(call.get(), *request, &incident), incident, context);
}

Command CreateCommand() {
  Command command = IncidentCommand("create");
  command.summary = "Logs an incident, near miss or hazard (state REPORTED).";
  command.description =
      "Logs an AI incident, near miss or hazard in state REPORTED. Give its fields as flags, or\n"
      "as a JSON Incident with --from-file (flags override the file's fields). The server\n"
      "requires at least --title, --ai-system, --kind and --detection-source; --detect-time\n"
      "defaults to now. Enum values are the short names shown below (privacy, near_miss, sev2).\n"
      "\n"
      "Every create carries a request id: a retry with the same id returns the incident the\n"
      "first call created instead of logging another. Each invocation gets a fresh random id\n"
      "unless --request-id is given; scripts that retry should generate one UUID and pass it to\n"
      "every attempt.\n"
      "\n"
      "Example:\n"
      "  airr incidents create --title 'Chatbot showed a customer the address of another' \\\n"
      "    --ai-system support-bot --kind incident --severity sev2 --detection-source customer \\\n"
      "    --detect-time 2026-11-23T09:40:00+09:00 --harm privacy --cause hallucination \\\n"
      "    --action feature-disabled --jurisdiction JP --breach leaked --breach-persons 1";
  command.flags = Concat(CreateFlags("incidents", "incident"), IncidentCreateFieldFlagSpecs());
  command.run = RunCreate;
  return command;
}

Command GetCommand() {
  Command command = IncidentCommand("get");
  command.args_synopsis = "ID";
  command.summary = "Shows one incident.";
  command.description =
      "Shows one incident, including its state and its etag for a guarded update or lifecycle\n"
      "call. ID is the incident's id or its name (incidents/ID).";
  command.min_args = command.max_args = 1;
  command.run = RunGet;
  return command;
}

Command ListCommand() {
  Command command = IncidentCommand("list");
  command.summary = "Lists incidents, a page at a time or all of them.";
  command.description =
      "Lists incidents, newest detection first unless --order-by says otherwise, one page at a\n"
      "time, or every page with --all (with -o json, --all prints one object holding all).\n"
      "\n"
      "Filters are AIP-160 expressions over the fields, for example:\n"
      "  airr incidents list --filter 'state = TRIAGED AND severity = SEV1'\n"
      "  airr incidents list --filter 'harm_types:PRIVACY AND detect_time >= "
      "\"2026-01-01T00:00:00Z\"'";
  command.flags = ListFlags(
      "Keep only incidents matching this AIP-160 filter over state, kind, severity, ai_system, "
      "reporter, owner, detection_source, harm_types, cause_hints, immediate_actions, "
      "jurisdictions, personal_data.breached, signal_fingerprint, occur_time, detect_time, "
      "report_time, aware_time, create_time, update_time and labels.KEY.",
      "detect_time (the default, newest first), report_time, create_time, update_time, severity "
      "or title, with an optional \" desc\".",
      "The most incidents per page, 1 to 1000 (default 50).");
  command.run = RunList;
  return command;
}

Command UpdateCommand() {
  Command command = IncidentCommand("update");
  command.args_synopsis = "ID";
  command.summary = "Changes descriptive fields of an incident.";
  command.description =
      "Changes exactly the fields whose flags are given: the update_mask is that set of fields,\n"
      "and nothing else is touched. A list flag (--harm, --jurisdiction, ...) replaces the whole\n"
      "list, --label replaces all labels, and an empty value clears a field (--description=).\n"
      "The state, severity and owner change only through the lifecycle commands (triage, ...).\n"
      "\n"
      "With --from-file, the updatable fields the JSON names are changed too (flags win), and\n"
      "the file's etag guards the update unless --etag is given:\n"
      "  airr -o json incidents get ID > incident.json   # then edit incident.json\n"
      "  airr incidents update ID --from-file incident.json";
  command.flags = Concat(
      {
          ValueFlag("etag", "ETAG",
                    "Apply only if the incident is unchanged since this etag was read (else "
                    "ABORTED). --etag= skips the check even when the file has an etag."),
          ValueFlag("from-file", "FILE",
                    "Read field values from this JSON Incident (- for standard input); the "
                    "updatable fields it names are updated."),
      },
      IncidentFieldFlagSpecs());
  command.min_args = command.max_args = 1;
  command.run = RunUpdate;
  return command;
}

}  // namespace

std::vector<Command> IncidentsCommands() {
  std::vector<Command> commands = {CreateCommand(), GetCommand(), ListCommand(), UpdateCommand()};
  for (Command& command : IncidentLifecycleCommands()) {
    commands.push_back(std::move(command));
  }
  commands.push_back(IncidentTimelineCommand());
  commands.push_back(IncidentWatchCommand());
  return commands;
}

}  // namespace airr::cli
