#include "tools/airr/report_common.h"

#include "absl/strings/str_cat.h"
#include "tools/airr/report_output.h"

namespace airr::cli {

std::unique_ptr<report::v1::ReportService::Stub> NewReportStub(const CommandContext& context) {
  return report::v1::ReportService::NewStub(context.client.channel());
}

FlagSpec ReportEtagFlag(const std::string& noun) { return EtagFlag(noun); }

std::string ResourceText(const google::protobuf::Message& message) {
  return FormatReportResource(message);
}

}  // namespace airr::cli
