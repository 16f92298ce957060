#include "services/report/report_module.h"

#include "services/report/pg_incident_facts_store.h"
#include "services/report/pg_mitigation_store.h"
#include "services/report/pg_notification_rule_store.h"
#include "services/report/pg_notification_store.h"
#include "services/report/pg_principle_store.h"
#include "services/report/pg_violation_store.h"
#include "services/report/report_grpc_service.h"

namespace airr::report {
namespace {

class Module final : public host::HostedModule {
 public:
  explicit Module(host::HostDeps& deps)
      : principles_(deps.pool),
        violations_(deps.pool),
        mitigations_(deps.pool),
        notification_rules_(deps.pool),
        notifications_(deps.pool),
        facts_(deps.pool),
        service_({principles_, violations_, mitigations_, notification_rules_, notifications_,
                  facts_, deps.edge, deps.page_tokens, deps.clock}) {}
  grpc::Service* service() override { return &service_; }

 private:
  PgPrincipleStore principles_;
  PgViolationStore violations_;
  PgMitigationStore mitigations_;
  PgNotificationRuleStore notification_rules_;
  PgNotificationStore notifications_;
  PgIncidentFactsStore facts_;
  ReportGrpcService service_;
};

}  // namespace

host::ServiceModule ReportModule() {
  return {v1::ReportService::service_full_name(),
          [](host::HostDeps& deps) -> absl::StatusOr<std::unique_ptr<host::HostedModule>> {
            return std::make_unique<Module>(deps);
          }};
}

}  // namespace airr::report
