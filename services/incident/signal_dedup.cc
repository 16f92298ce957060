#include "services/incident/signal_dedup.h"

#include <algorithm>
#include <numeric>

#include "libs/api/timestamps.h"

namespace airr::incident {
DedupPlan PlanSignalDedup(const v1::SignalBatch& batch,
                          const std::map<std::string, std::optional<OpenIncident>>& current,
                          absl::Duration window) {
  const auto& signals = batch.signals();
  std::vector<int> order(signals.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const auto& sa = signals[a];
    const auto& sb = signals[b];
    if (sa.fingerprint() != sb.fingerprint()) {
      return sa.fingerprint() < sb.fingerprint();
    }
    return api::TimeFromTimestamp(sa.observe_time()) < api::TimeFromTimestamp(sb.observe_time());
  });

  DedupPlan plan;
  plan.targets.resize(signals.size());
  // The fingerprint being walked, its current target and that target's latest observation.
  std::string fingerprint;
  std::optional<SignalTarget> target;
  absl::Time last;
  for (int index : order) {
    const v1::Signal& signal = signals[index];
    if (!target.has_value() || signal.fingerprint() != fingerprint) {
      fingerprint = signal.fingerprint();
      target.reset();
      auto it = current.find(fingerprint);
      if (it != current.end() && it->second.has_value()) {
        target = SignalTarget{it->second->id, -1};
        last = it->second->last_signal_time;
      }
    }
    const absl::Time observed = api::TimeFromTimestamp(signal.observe_time());
    if (!target.has_value() || observed > last + window) {
      target = SignalTarget{"", static_cast<int>(plan.opened.size())};
      plan.opened.push_back(index);
      last = observed;
    }
    last = std::max(last, observed);
    plan.targets[index] = *target;
    plan.group_targets[fingerprint] = *target;
  }
  return plan;
}

}  // namespace airr::incident
