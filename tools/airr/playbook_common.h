// What the playbook commands (playbooks, drill, drills, run) share: the stub of
// airr.playbook.v1.PlaybookService.
#pragma once

#include <memory>

#include "airr/playbook/v1/playbook_service.grpc.pb.h"
#include "tools/airr/command.h"

namespace airr::cli {

// A stub on the context's channel.
std::unique_ptr<playbook::v1::PlaybookService::Stub> NewPlaybookStub(const CommandContext& context);

}  // namespace airr::cli
