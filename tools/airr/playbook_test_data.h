// Canned playbook service messages for the CLI's tests: a BCP playbook, a completed tabletop
// drill of it (one step on time, one late, one skipped) and its run report.
#pragma once

#include "airr/playbook/v1/playbook_service.pb.h"

namespace airr::cli {

// playbooks/bcp version 2, "BCP: shutdown", three steps (declare, notify, press), RTO 8h.
playbook::v1::Playbook SamplePlaybook();

// playbooks/bcp/runs/r-1: a completed tabletop drill started 2026-11-23T09:00:00Z with one
// objective (obj-1), its three steps (declare on time, notify late, press skipped) and an
// evaluation (obj-1 met, strength f-1, improvement f-2, action ca-1 for f-2).
playbook::v1::Run SampleRun();

// The report of SampleRun: targets 30m/1h/8h met at 10m/40m/2h50m, the steps' targets and
// actuals, and a timeline with the start, an inject at +45m and the completion.
playbook::v1::RunReport SampleRunReport();

}  // namespace airr::cli
