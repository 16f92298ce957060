#include "services/report/notification_planner.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "libs/api/resource_name.h"
#include "libs/api/timestamps.h"
#include "services/report/notification_clock.h"
#include "services/report/resource_names.h"
#include "services/report/rule_conditions.h"

namespace airr::report {
namespace {

using api::TimeFromTimestamp;
using api::TimestampFromTime;

// What a rule comes to for the incident.
struct Outcome {
  bool resolved = false;
  bool fires = false;
  // When it does not fire: why, in words.
  std::string why;
  // When it fires: the version used and the obligation it asks for.
  v1::Notification planned;
  absl::Time due;
};

bool InWindow(const v1::NotificationRule& rule, absl::Time start) {
  if (rule.has_effective_from() && start < TimeFromTimestamp(rule.effective_from())) {
    return false;
  }
  if (rule.has_effective_to() && start >= TimeFromTimestamp(rule.effective_to())) {
    return false;
  }
  return true;
}

v1::Notification Obligation(const std::string& incident_id, const v1::NotificationRule& rule,
                            const ClockStartTime& start, absl::Time now) {
  v1::Notification n;
  const std::string rule_id = RuleIdOf(rule.name());
  n.set_name(api::FormatChildResourceName(kIncidentCollection, incident_id, kNotificationCollection,
                                          rule_id));
  n.set_rule(rule.name());
  n.set_rule_version(rule.version());
  n.set_regime(rule.regime());
  n.set_title(rule.title());
  n.set_citation(rule.citation());
  n.set_stage(rule.stage());
  n.set_recipient_type(rule.recipient_type());
  n.set_recipient(rule.recipient());
  n.set_channel(rule.channel());
  n.set_clock_start(rule.clock_start());
  *n.mutable_clock_start_time() = TimestampFromTime(start.time);
  n.set_provisional(start.provisional);
  *n.mutable_due_time() = TimestampFromTime(AddPeriod(start.time, rule.deadline()));
  if (rule.has_target()) {
    *n.mutable_target_time() = TimestampFromTime(AddPeriod(start.time, rule.target()));
  }
  n.set_statutory_deadline(rule.statutory_deadline());
  n.set_state(v1::NOTIFICATION_STATE_PENDING);
  *n.mutable_evaluate_time() = TimestampFromTime(now);
  return n;
}

bool Sent(const v1::Notification& n) {
  return n.state() == v1::NOTIFICATION_STATE_SENT ||
         n.state() == v1::NOTIFICATION_STATE_ACKNOWLEDGED;
}

bool SameClock(const v1::Notification& a, const v1::Notification& b) {
  auto same_ts = [](const google::protobuf::Timestamp& x, const google::protobuf::Timestamp& y) {
    return x.seconds() == y.seconds() && x.nanos() == y.nanos();
  };
  return a.has_target_time() == b.has_target_time() && same_ts(a.target_time(), b.target_time()) &&
         same_ts(a.due_time(), b.due_time()) &&
         same_ts(a.clock_start_time(), b.clock_start_time()) &&
         a.provisional() == b.provisional() && a.rule_version() == b.rule_version() &&
         a.clock_start() == b.clock_start();
}

// Copies what the rule decides (words, clock) from `planned` onto the stored `n`, keeping what
// happened to it (sending, acknowledgement, timestamps of the row).
void TakeRule(const v1::Notification& planned, v1::Notification* n) {
  const std::string name = n->name();
  const auto create_time = n->create_time();
  const auto update_time = n->update_time();
  const std::string etag = n->etag();
  *n = planned;
  n->set_name(name);
  *n->mutable_create_time() = create_time;
  *n->mutable_update_time() = update_time;
  n->set_etag(etag);
}

}  // namespace

std::string RuleIdOf(absl::string_view rule_name) {
  return std::string(absl::StripPrefix(rule_name, absl::StrCat(kNotificationRuleCollection, "/")));
}

bool IncidentClockStart(v1::ClockStart clock, const v1::IncidentFacts& i, ClockStartTime* out) {
  auto aware = [&]() -> bool {
    if (i.has_aware_time()) {
      *out = {TimeFromTimestamp(i.aware_time()), false};
      return true;
    }
    if (i.has_detect_time()) {
      *out = {TimeFromTimestamp(i.detect_time()), true};
      return true;
    }
    return false;
  };
  auto fallback = [&]() -> bool {
    if (!aware()) {
      return false;
    }
    out->provisional = true;
    return true;
  };
  switch (clock) {
    case v1::CLOCK_START_AWARE_TIME:
      return aware();
    case v1::CLOCK_START_BREACH_AWARE_TIME:
      if (i.has_breach_aware_time()) {
        *out = {TimeFromTimestamp(i.breach_aware_time()), false};
        return true;
      }
      return fallback();
    case v1::CLOCK_START_OCCUR_TIME:
      if (i.has_occur_time()) {
        *out = {TimeFromTimestamp(i.occur_time()), false};
        return true;
      }
      return fallback();
    case v1::CLOCK_START_DETECT_TIME:
      if (i.has_detect_time()) {
        *out = {TimeFromTimestamp(i.detect_time()), false};
        return true;
      }
      return fallback();
    default:
      return false;
  }
}

NotificationPlan PlanNotifications(const v1::IncidentFacts& incident,
                                   const v1::AiSystemFacts& ai_system,
                                   const std::vector<v1::NotificationRule>& rules,
                                   const std::vector<v1::Notification>& existing, absl::Time now) {
  const std::string incident_id(
      absl::StripPrefix(incident.name(), absl::StrCat(kIncidentCollection, "/")));
  // Every version of each rule, newest first.
  std::map<std::string, std::vector<const v1::NotificationRule*>> versions;
  for (const auto& rule : rules) {
    versions[RuleIdOf(rule.name())].push_back(&rule);
  }
  for (auto& [id, list] : versions) {
    std::sort(list.begin(), list.end(),
              [](const auto* a, const auto* b) { return a->version() > b->version(); });
  }
  std::map<std::string, const v1::Notification*> stored;
  for (const auto& n : existing) {
    stored[RuleIdOf(n.rule())] = &n;
  }

  std::map<std::string, Outcome> outcomes;
  // Resolves one rule; false when it waits for its previous stage.
  auto resolve = [&](const std::string& id) -> bool {
    Outcome& out = outcomes[id];
    const auto& list = versions.at(id);
    const v1::NotificationRule& latest = *list.front();
    auto no = [&](std::string why) {
      out.resolved = true;
      out.fires = false;
      out.why = std::move(why);
      return true;
    };
    if (!latest.enabled()) {
      return no("it is disabled for this tenant");
    }
    const v1::NotificationRule* chosen = nullptr;
    ClockStartTime start;
    for (const auto* version : list) {
      ClockStartTime candidate;
      if (version->clock_start() == v1::CLOCK_START_PREVIOUS_STAGE_SENT) {
        const std::string prev = RuleIdOf(version->previous_stage_rule());
        auto sent = stored.find(prev);
        if (sent != stored.end() && Sent(*sent->second)) {
          candidate = {TimeFromTimestamp(sent->second->sent_time()), false};
        } else if (versions.count(prev) == 0) {
          continue;
        } else {
          const Outcome& p = outcomes[prev];
          if (!p.resolved) {
            return false;
          }
          if (!p.fires) {
            continue;
          }
          candidate = {p.due, true};
        }
      } else if (!IncidentClockStart(version->clock_start(), incident, &candidate)) {
        continue;
      }
      if (InWindow(*version, candidate.time)) {
        chosen = version;
        start = candidate;
        break;
      }
    }
    if (chosen == nullptr) {
      if (latest.clock_start() == v1::CLOCK_START_PREVIOUS_STAGE_SENT) {
        return no(absl::StrCat("its previous stage ", latest.previous_stage_rule(),
                               " is not required or its clock is outside the rule's effective "
                               "period"));
      }
      return no("the incident's clock start is not set or is outside the rule's effective period");
    }
    std::string why;
    if (!RuleConditionsHold(*chosen, incident, ai_system, &why)) {
      return no(why);
    }
    out.resolved = true;
    out.fires = true;
    out.planned = Obligation(incident_id, *chosen, start, now);
    out.due = TimeFromTimestamp(out.planned.due_time());
    return true;
  };
  // Rounds: each round resolves the rules whose previous stage is resolved. A rule still waiting
  // after a round without progress is part of a cycle and does not fire.
  bool progress = true;
  while (progress) {
    progress = false;
    for (const auto& [id, list] : versions) {
      if (!outcomes[id].resolved && resolve(id)) {
        progress = true;
      }
    }
  }
  for (auto& [id, out] : outcomes) {
    if (!out.resolved) {
      out.resolved = true;
      out.why = "its previous stages form a cycle";
    }
  }
  // Precedence: in each group the earliest due time wins (then the smallest id, by map order).
  std::map<std::string, std::string> winner;
  for (const auto& [id, out] : outcomes) {
    const std::string& group = versions.at(id).front()->precedence_group();
    if (!out.fires || group.empty()) {
      continue;
    }
    auto it = winner.find(group);
    if (it == winner.end() || out.due < outcomes[it->second].due) {
      winner[group] = id;
    }
  }
  for (auto& [id, out] : outcomes) {
    const std::string& group = versions.at(id).front()->precedence_group();
    if (out.fires && !group.empty() && winner[group] != id) {
      out.fires = false;
      out.why = absl::StrCat("rule ", winner[group], " of precedence group ", group,
                             " applies with an earlier due time");
    }
  }
  // A later stage needs its earlier stage: drop stages whose previous stage was just dropped.
  for (bool dropped = true; dropped;) {
    dropped = false;
    for (auto& [id, out] : outcomes) {
      const v1::NotificationRule& rule = *versions.at(id).front();
      if (!out.fires || rule.clock_start() != v1::CLOCK_START_PREVIOUS_STAGE_SENT) {
        continue;
      }
      const std::string prev = RuleIdOf(rule.previous_stage_rule());
      auto sent = stored.find(prev);
      if (sent != stored.end() && Sent(*sent->second)) {
        continue;
      }
      if (!outcomes[prev].fires) {
        out.fires = false;
        out.why =
            absl::StrCat("its previous stage ", rule.previous_stage_rule(), " is not required");
        dropped = true;
      }
    }
  }

  NotificationPlan plan;
  const std::string at = absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", now, absl::UTCTimeZone());
  std::map<std::string, bool> seen;
  for (const auto& [id, out] : outcomes) {
    seen[id] = true;
    auto it = stored.find(id);
    if (it == stored.end()) {
      if (out.fires) {
        plan.changes.push_back({ObligationChange::Kind::kAdded, {}, out.planned});
      }
      continue;
    }
    const v1::Notification& before = *it->second;
    if (Sent(before) || before.waived()) {
      continue;
    }
    ObligationChange change{ObligationChange::Kind::kChanged, before, before};
    if (before.state() == v1::NOTIFICATION_STATE_PENDING) {
      if (out.fires) {
        if (SameClock(before, out.planned)) {
          continue;
        }
        TakeRule(out.planned, &change.after);
      } else {
        change.kind = ObligationChange::Kind::kNotRequired;
        change.after.set_state(v1::NOTIFICATION_STATE_NOT_REQUIRED);
        change.after.set_waived(false);
        change.after.set_not_required_reason(absl::StrCat("re-evaluated at ", at, ": rule ", id,
                                                          " v", before.rule_version(),
                                                          " no longer applies (", out.why, ")"));
        *change.after.mutable_evaluate_time() = TimestampFromTime(now);
      }
    } else if (before.state() == v1::NOTIFICATION_STATE_NOT_REQUIRED && out.fires) {
      change.kind = ObligationChange::Kind::kRevived;
      TakeRule(out.planned, &change.after);
    } else {
      continue;
    }
    plan.changes.push_back(std::move(change));
  }
  // Obligations of rules the tenant no longer sees at all.
  for (const auto& [id, n] : stored) {
    if (seen.count(id) != 0 || Sent(*n) || n->waived() ||
        n->state() != v1::NOTIFICATION_STATE_PENDING) {
      continue;
    }
    ObligationChange change{ObligationChange::Kind::kNotRequired, *n, *n};
    change.after.set_state(v1::NOTIFICATION_STATE_NOT_REQUIRED);
    change.after.set_not_required_reason(absl::StrCat("re-evaluated at ", at, ": rule ", id, " v",
                                                      n->rule_version(), " no longer exists"));
    *change.after.mutable_evaluate_time() = TimestampFromTime(now);
    plan.changes.push_back(std::move(change));
  }
  return plan;
}

void DeriveNotificationStatus(absl::Time now, v1::Notification* n) {
  const absl::Time due = TimeFromTimestamp(n->due_time());
  switch (n->state()) {
    case v1::NOTIFICATION_STATE_PENDING:
    case v1::NOTIFICATION_STATE_OVERDUE:
      if (now > due) {
        n->set_state(v1::NOTIFICATION_STATE_OVERDUE);
        n->set_timeliness(v1::TIMELINESS_OVERDUE);
      } else {
        n->set_state(v1::NOTIFICATION_STATE_PENDING);
        n->set_timeliness(v1::TIMELINESS_OPEN);
      }
      break;
    case v1::NOTIFICATION_STATE_SENT:
    case v1::NOTIFICATION_STATE_ACKNOWLEDGED:
      n->set_timeliness(TimeFromTimestamp(n->sent_time()) <= due ? v1::TIMELINESS_ON_TIME
                                                                 : v1::TIMELINESS_LATE);
      break;
    case v1::NOTIFICATION_STATE_NOT_REQUIRED:
      n->set_timeliness(v1::TIMELINESS_NOT_APPLICABLE);
      break;
    default:
      n->set_timeliness(v1::TIMELINESS_UNSPECIFIED);
  }
}

}  // namespace airr::report
