// The notification engine: which rules fire for an incident, when each clock starts and ends,
// precedence among alternative rules, the changes an evaluation makes to the incident's stored
// obligations, and the state and timeliness an obligation shows when read. Pure: no database.
#pragma once

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "airr/report/v1/report_service.pb.h"

namespace airr::report {

// The id of a rule from its name: "notificationRules/gdpr-33-authority" -> "gdpr-33-authority".
std::string RuleIdOf(absl::string_view rule_name);

// Where a rule's clock starts for an incident, and whether a fallback was used.
struct ClockStartTime {
  absl::Time time;
  bool provisional = false;
};

// The clock start of `clock` for the incident, for every ClockStart but PREVIOUS_STAGE_SENT
// (which needs the previous stage's obligation, see PlanNotifications): AWARE_TIME is the aware
// time; BREACH_AWARE_TIME and OCCUR_TIME fall back to the aware time, and AWARE_TIME to the detect
// time, marking the start provisional; DETECT_TIME is the detect time. False when no usable time
// is set. Thread-safe.
bool IncidentClockStart(v1::ClockStart clock, const v1::IncidentFacts& incident,
                        ClockStartTime* out);

// One change an evaluation makes to an obligation.
struct ObligationChange {
  enum class Kind { kAdded, kChanged, kNotRequired, kRevived };
  Kind kind = Kind::kAdded;
  // The obligation as stored before (empty for kAdded) and as it must be stored after.
  v1::Notification before;
  v1::Notification after;
};

// The changes of one evaluation, by rule id. Empty when the stored obligations already match.
struct NotificationPlan {
  std::vector<ObligationChange> changes;
};

// Plans the changes for the incident of `incident` (whose `name` is `incidents/{id}`), given every
// version of every rule the tenant sees (`rules`, each with `enabled` set for the tenant) and the
// incident's stored obligations (`existing`, named `incidents/{id}/notifications/{rule id}`).
// A rule fires when it is enabled, the latest version whose [effective_from, effective_to) holds
// its clock start has all `all_of` conditions and, when any are given, one `any_of` condition
// holding, and (for PREVIOUS_STAGE_SENT) its previous stage's obligation is required. Among fired
// rules of one precedence group only the earliest due time (then the smallest id) is kept. Then:
// new obligations are added PENDING; PENDING ones follow the fired rule's clock (kChanged when
// the due, target or clock start time, provisional flag or rule version moved); PENDING ones
// whose rule no longer fires become NOT_REQUIRED (waived false) with a reason that names the rule,
// the version and why; NOT_REQUIRED ones that re-evaluation set (not waived) come back PENDING
// when their rule fires again; SENT, ACKNOWLEDGED and waived ones never change. Changed and
// added obligations get `evaluate_time` = `now`. Thread-safe.
NotificationPlan PlanNotifications(const v1::IncidentFacts& incident,
                                   const v1::AiSystemFacts& ai_system,
                                   const std::vector<v1::NotificationRule>& rules,
                                   const std::vector<v1::Notification>& existing, absl::Time now);

// Sets the derived state and timeliness of a stored obligation as of `now`: PENDING past its due
// time reads OVERDUE/OVERDUE, PENDING until then (the due time itself included) PENDING/OPEN;
// SENT and ACKNOWLEDGED are ON_TIME when sent at or before the due time, else LATE; NOT_REQUIRED
// is NOT_APPLICABLE. Thread-safe.
void DeriveNotificationStatus(absl::Time now, v1::Notification* notification);

}  // namespace airr::report
