// What the commands' code shares: building flag specs, reporting usage errors and results, the
// request id that makes a create idempotent, and the flags and page-token loop of list commands.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "grpcpp/support/status.h"
#include "tools/airr/args.h"
#include "tools/airr/command.h"
#include "tools/airr/errors.h"
#include "tools/airr/output.h"

namespace airr::cli {

// A flag that takes one value.
FlagSpec ValueFlag(std::string name, std::string value_name, std::string help);

// A flag that takes one value and must be given.
FlagSpec RequiredFlag(std::string name, std::string value_name, std::string help);

// A switch.
FlagSpec BoolFlag(std::string name, std::string help);

// A command of `group` with `verb`; the caller fills in the rest.
Command NewCommand(std::string group, std::string verb);

// `flags` followed by `more`.
std::vector<FlagSpec> Concat(std::vector<FlagSpec> flags, const std::vector<FlagSpec>& more);

// The flags of a create: --id (the last segment of `collection`/ID), --request-id and --from-file
// (a JSON `noun`), with their help.
std::vector<FlagSpec> CreateFlags(const std::string& collection, const std::string& noun);

// Reports `status`'s message as a usage error of the command (errors.h); returns kExitUsage.
int UsageError(const absl::Status& status, const CommandContext& context);

// Prints `message` in the context's output format; returns kExitOk, or kExitFailure after saying
// why it could not be rendered.
int PrintMessage(const google::protobuf::Message& message, const CommandContext& context);

// Prints the message the server returned with PrintMessage, or the error it returned.
int PrintResult(const grpc::Status& status, const google::protobuf::Message& message,
                const CommandContext& context);

// The request id of a create: the value of --request-id when given, else a fresh random UUID.
// INVALID_ARGUMENT when the given value is not a UUID.
absl::StatusOr<std::string> CreateRequestId(const ParsedArgs& args);

// Reports a failed create. When the outcome is unknown (the call may have taken effect) and the
// request id was generated rather than given, adds the id to retry with; `noun` names what was
// being created ("system"). Returns kExitFailure.
int ReportCreateError(const grpc::Status& status, const std::string& request_id,
                      const ParsedArgs& args, const std::string& noun,
                      const CommandContext& context);

// The value of integer flag `name` when given, else `fallback`. INVALID_ARGUMENT naming the flag
// when it is not a whole number in [min, max].
absl::StatusOr<int32_t> IntFlag(const ParsedArgs& args, const std::string& name, int32_t fallback,
                                int32_t min, int32_t max);

// The flags of a list command, as ListFlags declares them.
struct ListArgs {
  std::string filter;
  std::string order_by;
  std::string page_token;
  int32_t page_size = 0;  // 0: the server's default.
  bool all_pages = false;
};

// --filter, --order-by, --page-size, --page-token and --all, with the help given for the first
// three.
std::vector<FlagSpec> ListFlags(std::string filter_help, std::string order_by_help,
                                std::string page_size_help);

// Reads the ListFlags from `args`. INVALID_ARGUMENT for a --page-size that is not a number.
absl::StatusOr<ListArgs> ParseListArgs(const ParsedArgs& args);

// Fetches a page and keeps its items: makes the call for `page_token`, stores the page's
// next_page_token in `*next_page_token` and returns the call's status.
using PageFetcher =
    std::function<grpc::Status(const std::string& page_token, std::string* next_page_token)>;

// Calls `fetch` for `first_token` and, when `all_pages`, for every next page token until the last
// page. Returns kExitOk with the last page's token in `*next_page_token`, or kExitFailure after
// reporting a failed call or a page token the server repeated (which would loop forever).
int FetchPages(const std::string& first_token, bool all_pages, const PageFetcher& fetch,
               const CommandContext& context, std::string* next_page_token);

// Lists every page FetchPages fetches with `rpc` into `merged` (whose repeated field collects
// the items and whose next_page_token is the last page's): `request` is sent with each page token
// in turn, starting with `first_token`. Returns FetchPages' exit code.
template <typename Request, typename Response>
int FetchPagesInto(
    const std::function<grpc::Status(grpc::ClientContext*, const Request&, Response*)>& rpc,
    Request request, const std::string& first_token, bool all_pages, const CommandContext& context,
    Response* merged) {
  const PageFetcher fetch = [&](const std::string& token, std::string* next_token) {
    request.set_page_token(token);
    Response page;
    const std::unique_ptr<grpc::ClientContext> call = context.client.NewContext();
    const grpc::Status status = rpc(call.get(), request, &page);
    *next_token = page.next_page_token();
    merged->MergeFrom(page);
    return status;
  };
  std::string next_token;
  const int code = FetchPages(first_token, all_pages, fetch, context, &next_token);
  merged->set_next_page_token(next_token);
  return code;
}

// Tells the user, on the error stream, how to get the page after a table when there is one.
void PrintNextPageHint(const std::string& next_page_token, const CommandContext& context);

// --etag, saying what it guards ("run", "mitigation").
FlagSpec EtagFlag(const std::string& noun);

// --page-size, --page-token and --all, for `noun`s ("principles").
std::vector<FlagSpec> PageFlags(const std::string& noun);

// Lists every page of `rpc` on `stub` from the page flags of `args` (--page-token, --all) into
// `merged`. Returns kExitOk, or kExitFailure after reporting a failed call.
template <typename Stub, typename Request, typename Response>
int ListPagesOf(Stub& stub,
                grpc::Status (Stub::*rpc)(grpc::ClientContext*, const Request&, Response*),
                const Request& request, const ParsedArgs& args, const CommandContext& context,
                Response* merged) {
  return FetchPagesInto<Request, Response>(
      [&](grpc::ClientContext* call, const Request& sent, Response* page) {
        return (stub.*rpc)(call, sent, page);
      },
      request, args.Get("page-token").value_or(""), args.GetBool("all"), context, merged);
}

// Sends `request` with `rpc` on `stub` in a fresh call context (deadline, token) and returns the
// call's status; the answer is in `*response`.
template <typename Stub, typename Request, typename Response>
grpc::Status CallRpc(Stub& stub,
                     grpc::Status (Stub::*rpc)(grpc::ClientContext*, const Request&, Response*),
                     const Request& request, const CommandContext& context, Response* response) {
  const std::unique_ptr<grpc::ClientContext> call = context.client.NewContext();
  return (stub.*rpc)(call.get(), request, response);
}

// Prints the response the server returned: as JSON with -o json, else `text(response)`; or the
// error the server returned (errors.h). Returns the exit code.
template <typename Response>
int PrintTextResult(const grpc::Status& status, const Response& response,
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

}  // namespace airr::cli
