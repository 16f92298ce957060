// airr-incident: the incident service alone. Configuration: see README (environment).
#include "services/host/service_host.h"
#include "services/incident/incident_module.h"

int main() {
  return airr::host::RunServiceMain("airr-incident", {airr::incident::IncidentModule()});
}
