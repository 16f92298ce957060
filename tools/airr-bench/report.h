// How results are shown: a fixed-width table for people (one row per run, so a suite of runs
// reads as one table) and a JSON object per run for scripts (tools/bench/incident.sh).
#pragma once

#include <string>
#include <vector>

#include "tools/airr-bench/json.h"
#include "tools/airr-bench/load_runner.h"

namespace airr::bench {

// The table header, one row per result, and under it one line per result that had failures,
// listing them by code.
std::string FormatTable(const std::vector<RunResult>& results);

// One run as JSON: scenario, clients, duration_seconds, requests, ok, failed, throughput_rps,
// for scenarios with items `<unit>` and `<unit>_per_second`, latency_ms (mean, min, p50, p90,
// p99, p99_9, max, of the OK requests), errors (code -> count), client_cpu_seconds, and
// `settings` as given (how the run was configured).
JsonObject ResultToJson(const RunResult& result, const JsonObject& settings);

}  // namespace airr::bench
