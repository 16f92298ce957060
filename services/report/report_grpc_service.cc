#include "services/report/report_grpc_service.h"

#include "absl/strings/str_cat.h"

namespace airr::report {

std::string ReportMethod(absl::string_view rpc) {
  return absl::StrCat(v1::ReportService::service_full_name(), "/", rpc);
}

}  // namespace airr::report
