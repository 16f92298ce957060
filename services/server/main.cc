// airr-server: every airr service in one process, for a laptop or a small installation.
// Configuration: see README (environment).
#include "services/host/service_host.h"
#include "services/incident/incident_module.h"
#include "services/inventory/inventory_module.h"
#include "services/playbook/playbook_module.h"
#include "services/report/report_module.h"

int main() {
  return airr::host::RunServiceMain(
      "airr-server", {airr::inventory::InventoryModule(), airr::incident::IncidentModule(),
                      airr::playbook::PlaybookModule(), airr::report::ReportModule()});
}
