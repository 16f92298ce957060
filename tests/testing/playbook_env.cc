#include "tests/testing/playbook_env.h"

namespace airr::testing {

PlaybookEnv::PlaybookEnv(playbook::PlaybookOptions options)
    : env_({playbook::PlaybookModule(options)}),
      playbooks_(playbook::v1::PlaybookService::NewStub(env_.server().channel())) {}

void PlaybookEnv::Restart() {
  env_.Restart();
  playbooks_ = playbook::v1::PlaybookService::NewStub(env_.server().channel());
}

}  // namespace airr::testing
