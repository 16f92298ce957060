#include "tools/airr/principles_command.h"

#include "tools/airr/report_common.h"
#include "tools/airr/report_fields.h"
#include "tools/airr/report_output.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::report::v1;

int RunList(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<pb::ListPrinciplesRequest> request = BuildListPrinciplesRequest(args);
  if (!request.ok()) {
    return UsageError(request.status(), context);
  }
  pb::ListPrinciplesResponse merged;
  if (const int code =
          ListPages(&pb::ReportService::Stub::ListPrinciples, *request, args, context, &merged);
      code != kExitOk) {
    return code;
  }
  if (context.output == OutputFormat::kJson) {
    return PrintMessage(merged, context);
  }
  if (merged.principles().empty()) {
    context.err << "No principles found.\n";
  } else {
    context.out << FormatPrincipleTable(merged.principles());
  }
  PrintNextPageHint(merged.next_page_token(), context);
  return kExitOk;
}

int RunGet(const ParsedArgs& args, const CommandContext& context) {
  pb::GetPrincipleRequest request;
  request.set_name(PrincipleName(args.positional()[0]));
  return CallAndPrint(&pb::ReportService::Stub::GetPrinciple, request, context);
}

}  // namespace

std::vector<Command> PrinciplesCommands() {
  Command list = NewCommand("principles", "list");
  list.summary = "Lists the AI Guidelines for Business principles (C01..C10, sub-items, ADV).";
  list.description =
      "Lists the catalog of the METI/MIC AI Guidelines for Business in document order: the ten\n"
      "common principles, their numbered sub-items (which violations link to) and the\n"
      "principles for advanced AI systems. --all fetches every page.\n"
      "\n"
      "Example:\n"
      "  airr principles list --kind sub-item --parent C03";
  list.flags =
      Concat({ValueFlag("kind", "KIND", "Only entries of this kind: common, sub-item or advanced."),
              ValueFlag("parent", "ID", "Only the sub-items of this common principle, e.g. C03.")},
             PageFlags("principles"));
  list.run = RunList;

  Command get = NewCommand("principles", "get");
  get.args_synopsis = "ID";
  get.summary = "Shows one principle with its Japanese and English texts.";
  get.description =
      "Shows one catalog entry: titles in Japanese and English, summary, obligation level and the\n"
      "lines of the guideline it comes from. ID is e.g. C03.1 or principles/C03.1.";
  get.min_args = get.max_args = 1;
  get.run = RunGet;
  return {list, get};
}

}  // namespace airr::cli
