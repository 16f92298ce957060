#include "tools/airr/playbook_common.h"

namespace airr::cli {

std::unique_ptr<playbook::v1::PlaybookService::Stub> NewPlaybookStub(
    const CommandContext& context) {
  return playbook::v1::PlaybookService::NewStub(context.client.channel());
}

}  // namespace airr::cli
