#include "services/incident/incident_module.h"

#include <cstdlib>

#include "absl/strings/numbers.h"
#include "services/incident/incident_grpc_service.h"
#include "services/incident/pg_incident_feed_store.h"
#include "services/incident/pg_incident_store.h"
#include "services/incident/pg_signal_store.h"

namespace airr::incident {
namespace {

constexpr int64_t kMaxWindowSeconds = 365 * 24 * 3600;

class Module final : public host::HostedModule {
 public:
  Module(host::HostDeps& deps, const IncidentOptions& options)
      : incidents_(deps.pool),
        signals_(deps.pool, options.signal_window),
        feed_(deps.pool),
        service_({incidents_, signals_, feed_, deps.edge, deps.page_tokens, deps.clock, deps.outbox,
                  deps.streams}) {}
  grpc::Service* service() override { return &service_; }

 private:
  PgIncidentStore incidents_;
  PgSignalStore signals_;
  PgIncidentFeedStore feed_;
  IncidentGrpcService service_;
};

}  // namespace

absl::StatusOr<IncidentOptions> IncidentOptionsFromEnv() {
  IncidentOptions options;
  if (const char* value = std::getenv("AIRR_SIGNAL_WINDOW_SECONDS"); value != nullptr) {
    int64_t seconds = 0;
    if (!absl::SimpleAtoi(value, &seconds) || seconds < 1 || seconds > kMaxWindowSeconds) {
      return absl::InvalidArgumentError(
          "AIRR_SIGNAL_WINDOW_SECONDS must be an integer from 1 to 31536000");
    }
    options.signal_window = absl::Seconds(seconds);
  }
  return options;
}

host::ServiceModule IncidentModule(std::optional<IncidentOptions> options) {
  return {v1::IncidentService::service_full_name(),
          [options](host::HostDeps& deps) -> absl::StatusOr<std::unique_ptr<host::HostedModule>> {
            IncidentOptions resolved;
            if (options.has_value()) {
              resolved = *options;
            } else {
              auto from_env = IncidentOptionsFromEnv();
              if (!from_env.ok()) {
                return from_env.status();
              }
              resolved = *from_env;
            }
            return std::make_unique<Module>(deps, resolved);
          }};
}

}  // namespace airr::incident
