#include "services/playbook/playbook_grpc_service.h"

#include "absl/strings/str_cat.h"

namespace airr::playbook {

std::string PlaybookMethod(absl::string_view rpc) {
  return absl::StrCat(v1::PlaybookService::service_full_name(), "/", rpc);
}

}  // namespace airr::playbook
