// airr-playbook: the playbook service alone. Configuration: see README (environment).
#include "services/host/service_host.h"
#include "services/playbook/playbook_module.h"

int main() {
  return airr::host::RunServiceMain("airr-playbook", {airr::playbook::PlaybookModule()});
}
