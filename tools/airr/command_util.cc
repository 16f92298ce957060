#include "tools/airr/command_util.h"

#include <limits>
#include <set>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "libs/api/validation.h"
#include "libs/common/uuid.h"
#include "tools/airr/errors.h"
#include "tools/airr/output.h"

namespace airr::cli {
namespace {

// Whether a failed call may still have taken effect, so that a retry needs the same request id.
bool OutcomeUnknown(grpc::StatusCode code) {
  return code == grpc::StatusCode::DEADLINE_EXCEEDED || code == grpc::StatusCode::UNAVAILABLE ||
         code == grpc::StatusCode::UNKNOWN || code == grpc::StatusCode::INTERNAL ||
         code == grpc::StatusCode::CANCELLED;
}

}  // namespace

FlagSpec ValueFlag(std::string name, std::string value_name, std::string help) {
  return {std::move(name),       '\0',           FlagSpec::Kind::kValue, false,
          std::move(value_name), std::move(help)};
}

FlagSpec RequiredFlag(std::string name, std::string value_name, std::string help) {
  FlagSpec spec = ValueFlag(std::move(name), std::move(value_name), std::move(help));
  spec.required = true;
  return spec;
}

FlagSpec BoolFlag(std::string name, std::string help) {
  return {std::move(name), '\0', FlagSpec::Kind::kBool, false, "", std::move(help)};
}

Command NewCommand(std::string group, std::string verb) {
  Command command;
  command.group = std::move(group);
  command.verb = std::move(verb);
  return command;
}

std::vector<FlagSpec> Concat(std::vector<FlagSpec> flags, const std::vector<FlagSpec>& more) {
  flags.insert(flags.end(), more.begin(), more.end());
  return flags;
}

std::vector<FlagSpec> CreateFlags(const std::string& collection, const std::string& noun) {
  return {
      ValueFlag("id", "ID",
                absl::StrCat("The last segment of the name (", collection,
                             "/ID): 1 to 63 lower-case letters, digits and -, starting with a "
                             "letter. Default: the server picks a UUID.")),
      ValueFlag("request-id", "UUID",
                "Makes the create idempotent; see above. Default: a fresh random UUID."),
      ValueFlag("from-file", "FILE",
                absl::StrCat("Read the ", noun,
                             " from this JSON file (- for standard input); flags override it.")),
  };
}

int UsageError(const absl::Status& status, const CommandContext& context) {
  return ReportUsageError(std::string(status.message()), context.path, context.err);
}

int PrintMessage(const google::protobuf::Message& message, const CommandContext& context) {
  if (absl::Status printed = PrintResource(context.output, message, context.out); !printed.ok()) {
    context.err << "airr: " << printed.message() << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

int PrintResult(const grpc::Status& status, const google::protobuf::Message& message,
                const CommandContext& context) {
  if (!status.ok()) {
    return ReportRpcError(status, context.err);
  }
  return PrintMessage(message, context);
}

absl::StatusOr<std::string> CreateRequestId(const ParsedArgs& args) {
  const std::optional<std::string> given = args.Get("request-id");
  if (!given.has_value()) {
    return NewRandomUuid();
  }
  if (!api::IsCanonicalUuid(*given, false)) {
    return absl::InvalidArgumentError(absl::StrCat("--request-id: \"", *given, "\" is not a UUID"));
  }
  return *given;
}

int ReportCreateError(const grpc::Status& status, const std::string& request_id,
                      const ParsedArgs& args, const std::string& noun,
                      const CommandContext& context) {
  ReportRpcError(status, context.err);
  if (!args.Has("request-id") && OutcomeUnknown(status.error_code())) {
    context.err << "  request_id: " << request_id << " (the " << noun
                << " may have been created; to retry safely, pass --request-id " << request_id
                << ")\n";
  }
  return kExitFailure;
}

absl::StatusOr<int32_t> IntFlag(const ParsedArgs& args, const std::string& name, int32_t fallback,
                                int32_t min, int32_t max) {
  const std::optional<std::string> text = args.Get(name);
  if (!text.has_value()) {
    return fallback;
  }
  int32_t value = 0;
  if (!absl::SimpleAtoi(*text, &value)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", name, ": \"", *text, "\" is not a number"));
  }
  if (value < min || value > max) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", name, ": ", value, " is not between ", min, " and ", max));
  }
  return value;
}

std::vector<FlagSpec> ListFlags(std::string filter_help, std::string order_by_help,
                                std::string page_size_help) {
  return {
      ValueFlag("filter", "EXPR", std::move(filter_help)),
      ValueFlag("order-by", "FIELD", std::move(order_by_help)),
      ValueFlag("page-size", "N", std::move(page_size_help)),
      ValueFlag("page-token", "TOKEN", "Continue from a previous page's next_page_token."),
      BoolFlag("all", "Follow next_page_token until the last page."),
  };
}

absl::StatusOr<ListArgs> ParseListArgs(const ParsedArgs& args) {
  ListArgs list;
  list.filter = args.Get("filter").value_or("");
  list.order_by = args.Get("order-by").value_or("");
  list.page_token = args.Get("page-token").value_or("");
  list.all_pages = args.GetBool("all");
  // The server judges the range; it knows its own limits.
  absl::StatusOr<int32_t> page_size =
      IntFlag(args, "page-size", 0, std::numeric_limits<int32_t>::min(),
              std::numeric_limits<int32_t>::max());
  if (!page_size.ok()) {
    return page_size.status();
  }
  list.page_size = *page_size;
  return list;
}

int FetchPages(const std::string& first_token, bool all_pages, const PageFetcher& fetch,
               const CommandContext& context, std::string* next_page_token) {
  std::string token = first_token;
  std::set<std::string> seen_tokens;
  while (true) {
    const grpc::Status status = fetch(token, next_page_token);
    if (!status.ok()) {
      return ReportRpcError(status, context.err);
    }
    if (!all_pages || next_page_token->empty()) {
      return kExitOk;
    }
    // A server that hands out the same token twice would otherwise keep us here forever.
    if (!seen_tokens.insert(*next_page_token).second) {
      context.err << "airr: the server repeated a page token; stopping\n";
      return kExitFailure;
    }
    token = *next_page_token;
  }
}

FlagSpec EtagFlag(const std::string& noun) {
  return ValueFlag("etag", "ETAG",
                   absl::StrCat("Apply only if the ", noun,
                                " is unchanged since this etag was read (else ABORTED)."));
}

std::vector<FlagSpec> PageFlags(const std::string& noun) {
  return {
      ValueFlag("page-size", "N",
                absl::StrCat("The most ", noun, " per page, 1 to 1000 (default 100).")),
      ValueFlag("page-token", "TOKEN", "Continue from a previous page's next_page_token."),
      BoolFlag("all", "Follow next_page_token until the last page."),
  };
}

void PrintNextPageHint(const std::string& next_page_token, const CommandContext& context) {
  if (!next_page_token.empty()) {
    context.err << "More results: add --page-token " << next_page_token
                << " for the next page, or --all for every page.\n";
  }
}

}  // namespace airr::cli
