// What the report commands (principles, violations, mitigations, notifications, report) share:
// the stub of airr.report.v1.ReportService, the paging flags of their list commands, and printing
// a result as text or, with -o json, as the response message.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "airr/report/v1/report_service.grpc.pb.h"
#include "tools/airr/command.h"
#include "tools/airr/command_util.h"
#include "tools/airr/errors.h"

namespace airr::cli {

// A stub on the context's channel.
std::unique_ptr<report::v1::ReportService::Stub> NewReportStub(const CommandContext& context);

// --page-size, --page-token and --all, for `noun`s ("principles").
std::vector<FlagSpec> PageFlags(const std::string& noun);

// --etag, saying what it guards.
FlagSpec ReportEtagFlag(const std::string& noun);

// Prints the response the server returned: as JSON with -o json, else `text(response)`; or the
// error the server returned (errors.h). Returns the exit code.
template <typename Response>
int PrintReportResult(const grpc::Status& status, const Response& response,
                      const CommandContext& context,
                      const std::function<std::string(const Response&)>& text) {
  if (!status.ok()) {
    return ReportRpcError(status, context.err);
  }
  if (context.output == OutputFormat::kJson) {
    return PrintMessage(response, context);
  }
  context.out << text(response);
  return kExitOk;
}

// Lists every page of `rpc` from the page flags of `args` (--page-token, --all) into `merged`.
// Returns kExitOk, or kExitFailure after reporting a failed call.
template <typename Request, typename Response>
int ListPages(grpc::Status (report::v1::ReportService::Stub::*rpc)(grpc::ClientContext*,
                                                                   const Request&, Response*),
              const Request& request, const ParsedArgs& args, const CommandContext& context,
              Response* merged) {
  const std::unique_ptr<report::v1::ReportService::Stub> stub = NewReportStub(context);
  return FetchPagesInto<Request, Response>(
      [&](grpc::ClientContext* call, const Request& sent, Response* page) {
        return ((*stub).*rpc)(call, sent, page);
      },
      request, args.Get("page-token").value_or(""), args.GetBool("all"), context, merged);
}

// The text of one resource (FormatReportResource).
std::string ResourceText(const google::protobuf::Message& message);

// Sends `request` with `rpc` and prints the resource it returns as a key/value block
// (ResourceText) or JSON, or the error the server returned. Returns the exit code.
template <typename Request, typename Response>
int CallAndPrint(grpc::Status (report::v1::ReportService::Stub::*rpc)(grpc::ClientContext*,
                                                                      const Request&, Response*),
                 const Request& request, const CommandContext& context) {
  const std::unique_ptr<report::v1::ReportService::Stub> stub = NewReportStub(context);
  const std::unique_ptr<grpc::ClientContext> call = context.client.NewContext();
  Response response;
  const grpc::Status status = ((*stub).*rpc)(call.get(), request, &response);
  return PrintReportResult<Response>(status, response, context,
                                     [](const Response& message) { return ResourceText(message); });
}

}  // namespace airr::cli
