// What the report commands (principles, violations, mitigations, notifications, report) share:
// the stub of airr.report.v1.ReportService, listing every page of a call, and printing
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

// --etag, saying what it guards.
FlagSpec ReportEtagFlag(const std::string& noun);

// PrintTextResult (command_util.h), for the report commands.
template <typename Response>
int PrintReportResult(const grpc::Status& status, const Response& response,
                      const CommandContext& context,
                      const std::function<std::string(const Response&)>& text) {
  return PrintTextResult<Response>(status, response, context, text);
}

// ListPagesOf (command_util.h) on a report service stub.
template <typename Request, typename Response>
int ListPages(grpc::Status (report::v1::ReportService::Stub::*rpc)(grpc::ClientContext*,
                                                                   const Request&, Response*),
              const Request& request, const ParsedArgs& args, const CommandContext& context,
              Response* merged) {
  const std::unique_ptr<report::v1::ReportService::Stub> stub = NewReportStub(context);
  return ListPagesOf(*stub, rpc, request, args, context, merged);
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
  Response response;
  const grpc::Status status = CallRpc(*stub, rpc, request, context, &response);
  return PrintReportResult<Response>(status, response, context,
                                     [](const Response& message) { return ResourceText(message); });
}

}  // namespace airr::cli
