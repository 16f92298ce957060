// The report service as a module any airr server binary can host.
#pragma once

#include "services/host/service_host.h"

namespace airr::report {

host::ServiceModule ReportModule();

}  // namespace airr::report
