#include "services/playbook/playbook_module.h"

#include <cstdlib>
#include <memory>
#include <string>

#include "libs/common/status_macros.h"
#include "libs/pg/outbox_consumer.h"
#include "services/playbook/auto_starter.h"
#include "services/playbook/pg_playbook_store.h"
#include "services/playbook/pg_run_store.h"
#include "services/playbook/playbook_grpc_service.h"

namespace airr::playbook {
namespace {

class Module final : public host::HostedModule {
 public:
  Module(host::HostDeps& deps, const PlaybookOptions& options)
      : clock_(options.clock != nullptr ? *options.clock : deps.clock),
        playbooks_(deps.pool),
        runs_(deps.pool),
        service_({playbooks_, runs_, deps.edge, deps.page_tokens, clock_}) {}
  ~Module() override { Stop(); }

  // Starts consuming the incident outbox in the background. Errors as NewAutoStartConsumer.
  absl::Status StartAutoStart(host::HostDeps& deps) {
    AIRR_ASSIGN_OR_RETURN(auto_start_, NewAutoStartConsumer(deps.pool, &deps.outbox, clock_));
    auto_start_->Start();
    return absl::OkStatus();
  }

  grpc::Service* service() override { return &service_; }
  void Stop() override {
    if (auto_start_ != nullptr) {
      auto_start_->Stop();
    }
  }

 private:
  const Clock& clock_;
  PgPlaybookStore playbooks_;
  PgRunStore runs_;
  PlaybookGrpcService service_;
  // Set when the module starts runs from the incident outbox.
  std::unique_ptr<pg::OutboxConsumer> auto_start_;
};

}  // namespace

absl::StatusOr<PlaybookOptions> PlaybookOptionsFromEnv() {
  PlaybookOptions options;
  const char* auto_start = std::getenv("AIRR_PLAYBOOK_AUTO_START");
  if (auto_start != nullptr && *auto_start != '\0') {
    const std::string value = auto_start;
    if (value != "on" && value != "off") {
      return absl::InvalidArgumentError("AIRR_PLAYBOOK_AUTO_START must be \"on\" or \"off\"");
    }
    options.auto_start = value == "on";
  }
  return options;
}

host::ServiceModule PlaybookModule(std::optional<PlaybookOptions> options) {
  return {v1::PlaybookService::service_full_name(),
          [options](host::HostDeps& deps) -> absl::StatusOr<std::unique_ptr<host::HostedModule>> {
            PlaybookOptions resolved;
            if (options) {
              resolved = *options;
            } else {
              AIRR_ASSIGN_OR_RETURN(resolved, PlaybookOptionsFromEnv());
            }
            auto module = std::make_unique<Module>(deps, resolved);
            if (resolved.auto_start) {
              AIRR_RETURN_IF_ERROR(module->StartAutoStart(deps));
            }
            return module;
          }};
}

}  // namespace airr::playbook
