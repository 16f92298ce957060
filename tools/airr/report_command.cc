#include "tools/airr/report_command.h"

#include "tools/airr/report_common.h"
#include "tools/airr/report_output.h"
#include "tools/airr/resource_names.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::report::v1;

int RunShow(const ParsedArgs& args, const CommandContext& context) {
  pb::GetIncidentReportRequest request;
  request.set_name(IncidentName(args.positional()[0]));
  pb::IncidentReport report;
  const std::unique_ptr<grpc::ClientContext> call = context.client.NewContext();
  const grpc::Status status =
      NewReportStub(context)->GetIncidentReport(call.get(), request, &report);
  return PrintReportResult<pb::IncidentReport>(status, report, context, FormatIncidentReport);
}

}  // namespace

std::vector<Command> ReportCommands() {
  Command show = NewCommand("report", "show");
  show.args_synopsis = "INCIDENT";
  show.summary = "Shows an incident's report: principles, mitigations, notifications, timeline.";
  show.description =
      "Shows the report of one incident: the incident and its AI system (EU AI Act class, the\n"
      "company's roles), the violated principles with their texts and who assessed and\n"
      "confirmed them, the mitigations (OVERDUE when past due), the notification obligations\n"
      "with their due times in UTC, state and timeliness, and the timeline. With -o json it\n"
      "prints the IncidentReport message. INCIDENT is the incident's id or its name.";
  show.min_args = show.max_args = 1;
  show.run = RunShow;
  return {show};
}

}  // namespace airr::cli
