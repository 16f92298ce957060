// airr-report: the report service alone. Configuration: see README (environment).
#include "services/host/service_host.h"
#include "services/report/report_module.h"

int main() { return airr::host::RunServiceMain("airr-report", {airr::report::ReportModule()}); }
