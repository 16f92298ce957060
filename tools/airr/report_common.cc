#include "tools/airr/report_common.h"

#include "absl/strings/str_cat.h"
#include "tools/airr/report_output.h"

namespace airr::cli {

std::unique_ptr<report::v1::ReportService::Stub> NewReportStub(const CommandContext& context) {
  return report::v1::ReportService::NewStub(context.client.channel());
}

std::vector<FlagSpec> PageFlags(const std::string& noun) {
  return {
      ValueFlag("page-size", "N",
                absl::StrCat("The most ", noun, " per page, 1 to 1000 (default 100).")),
      ValueFlag("page-token", "TOKEN", "Continue from a previous page's next_page_token."),
      BoolFlag("all", "Follow next_page_token until the last page."),
  };
}

FlagSpec ReportEtagFlag(const std::string& noun) {
  return ValueFlag("etag", "ETAG",
                   absl::StrCat("Apply only if the ", noun,
                                " is unchanged since this etag was read (else ABORTED)."));
}

std::string ResourceText(const google::protobuf::Message& message) {
  return FormatReportResource(message);
}

}  // namespace airr::cli
