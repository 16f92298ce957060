#include "tools/airr-bench/report.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace airr::bench {
namespace {

double Millis(int64_t nanos) { return static_cast<double>(nanos) / 1e6; }

std::string ErrorList(const RunResult& result) {
  std::string out;
  for (const auto& [code, n] : result.errors) {
    absl::StrAppend(&out, out.empty() ? "" : ", ", code, " ", n);
  }
  return out;
}

}  // namespace

std::string FormatTable(const std::vector<RunResult>& results) {
  constexpr char kRow[] = "%-20s %7s %9s %10s %11s %8s %8s %8s %9s %8s %7s\n";
  std::string out = absl::StrFormat(kRow, "scenario", "clients", "requests", "req/s", "items/s",
                                    "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "failed");
  std::string notes;
  for (const RunResult& r : results) {
    const LatencyHistogram& h = r.latency_ns;
    const std::string items =
        r.item_unit.empty() ? "-" : absl::StrFormat("%.0f", r.items_per_second());
    absl::StrAppend(
        &out,
        absl::StrFormat(kRow, r.scenario, absl::StrCat(r.clients), absl::StrCat(r.requests),
                        absl::StrFormat("%.1f", r.throughput()), items,
                        absl::StrFormat("%.3f", Millis(h.ValueAtPercentile(50))),
                        absl::StrFormat("%.3f", Millis(h.ValueAtPercentile(90))),
                        absl::StrFormat("%.3f", Millis(h.ValueAtPercentile(99))),
                        absl::StrFormat("%.3f", Millis(h.ValueAtPercentile(99.9))),
                        absl::StrFormat("%.3f", Millis(h.max())), absl::StrCat(r.requests - r.ok)));
    if (!r.item_unit.empty()) {
      absl::StrAppend(&notes, "  ", r.scenario, " x", r.clients, ": items are ", r.item_unit, " (",
                      r.items, " in ", absl::FormatDuration(r.measured), ")\n");
    }
    if (!r.errors.empty()) {
      absl::StrAppend(&notes, "  ", r.scenario, " x", r.clients, ": failed ", ErrorList(r), "\n");
    }
  }
  return out + notes;
}

JsonObject ResultToJson(const RunResult& result, const JsonObject& settings) {
  const LatencyHistogram& h = result.latency_ns;
  JsonObject latency;
  latency.Add("mean", h.mean() / 1e6, 3)
      .Add("min", Millis(h.min()), 3)
      .Add("p50", Millis(h.ValueAtPercentile(50)), 3)
      .Add("p90", Millis(h.ValueAtPercentile(90)), 3)
      .Add("p99", Millis(h.ValueAtPercentile(99)), 3)
      .Add("p99_9", Millis(h.ValueAtPercentile(99.9)), 3)
      .Add("max", Millis(h.max()), 3);
  JsonObject errors;
  for (const auto& [code, n] : result.errors) {
    errors.Add(code, n);
  }
  JsonObject json;
  json.Add("scenario", result.scenario)
      .Add("clients", result.clients)
      .Add("duration_seconds", absl::ToDoubleSeconds(result.measured), 3)
      .Add("requests", result.requests)
      .Add("ok", result.ok)
      .Add("failed", result.requests - result.ok)
      .Add("throughput_rps", result.throughput(), 1);
  if (!result.item_unit.empty()) {
    json.Add(result.item_unit, result.items)
        .Add(absl::StrCat(result.item_unit, "_per_second"), result.items_per_second(), 1);
  }
  json.Add("latency_ms", latency)
      .Add("errors", errors)
      .Add("client_cpu_seconds", result.client_cpu_seconds, 3)
      .Add("settings", settings);
  return json;
}

}  // namespace airr::bench
