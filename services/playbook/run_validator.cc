#include "services/playbook/run_validator.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/api/resource_name.h"
#include "libs/api/timestamps.h"
#include "libs/api/validation.h"
#include "libs/api/violations.h"
#include "services/playbook/resource_names.h"
#include "services/playbook/run_offsets.h"

namespace airr::playbook {
namespace {

using api::Violations;

void CheckText(Violations& v, absl::string_view field, absl::string_view value, size_t min_chars,
               size_t max_chars, bool multiline) {
  v.Merge(api::CheckText(v.Path(field), value, min_chars, max_chars, multiline));
}

void CheckRunName(Violations& v, absl::string_view field, absl::string_view name) {
  v.Merge(api::ParseChildResourceName(name, kPlaybookCollection, kRunCollection, v.Path(field))
              .status());
}

void CheckPlaybookName(Violations& v, absl::string_view field, absl::string_view name) {
  v.Merge(api::ParseResourceName(name, kPlaybookCollection, v.Path(field)).status());
}

void CheckStepId(Violations& v, absl::string_view field, absl::string_view id) {
  if (id.empty()) {
    v.Add(field, "is required");
  } else if (!api::IsValidResourceId(id)) {
    v.Add(field, api::kResourceIdRule);
  }
}

// An optional caller-set time of something that happened: valid and not in the future.
void CheckOptionalPastTime(Violations& v, absl::string_view field, bool has,
                           const google::protobuf::Timestamp& ts, absl::Time now) {
  if (has) {
    api::CheckPastTimestamp(v, field, ts, now, kRunClockSkew);
  }
}

// A run's or drill's start time: as CheckOptionalPastTime, and at most kMaxRunBackdate ago.
void CheckStartTime(Violations& v, bool has, const google::protobuf::Timestamp& ts,
                    absl::Time now) {
  if (has && api::CheckPastTimestamp(v, "start_time", ts, now, kRunClockSkew) &&
      api::TimeFromTimestamp(ts) < now - kMaxRunBackdate) {
    v.Add("start_time", "must not be more than 30 days ago");
  }
}

void CheckRequestId(Violations& v, absl::string_view request_id) {
  if (!request_id.empty()) {
    v.Merge(api::CheckUuid("request_id", request_id));
  }
}

// An optional id of an entry of a list: empty or valid, and not repeated.
void CheckEntryId(Violations& v, absl::string_view field, const std::string& id,
                  std::set<std::string>& seen) {
  if (id.empty()) {
    return;
  }
  if (!api::IsValidResourceId(id)) {
    v.Add(field, api::kResourceIdRule);
  } else if (!seen.insert(id).second) {
    v.Add(field, absl::StrCat("must be unique; \"", id, "\" is repeated"));
  }
}

// The smallest "<prefix>N" (N from 1) not in `taken`; adds it to `taken`.
std::string NextFreeId(absl::string_view prefix, std::set<std::string>& taken) {
  for (int n = 1;; ++n) {
    std::string id = absl::StrCat(prefix, n);
    if (taken.insert(id).second) {
      return id;
    }
  }
}

template <typename Entries>
void AssignIds(Entries& entries, absl::string_view prefix) {
  std::set<std::string> taken;
  for (const auto& entry : entries) {
    if (!entry.id().empty()) {
      taken.insert(entry.id());
    }
  }
  for (auto& entry : entries) {
    if (entry.id().empty()) {
      entry.set_id(NextFreeId(prefix, taken));
    }
  }
}

}  // namespace

absl::Status ValidateDrill(const v1::Drill& drill, absl::string_view prefix) {
  Violations v(prefix);
  api::RequireEnum(v, "type", drill.type(), v1::DrillType_IsValid);
  CheckText(v, "scenario", drill.scenario(), 1, kMaxScenarioChars, true);
  if (drill.objectives().empty()) {
    v.Add("objectives", "needs at least 1 objective");
  } else if (drill.objectives_size() > kMaxObjectives) {
    v.Add("objectives", absl::StrCat("must have at most ", kMaxObjectives, " entries (got ",
                                     drill.objectives_size(), ")"));
  } else {
    std::set<std::string> seen;
    for (int i = 0; i < drill.objectives_size(); ++i) {
      const v1::Objective& objective = drill.objectives(i);
      const std::string at = api::IndexPath("objectives", i);
      CheckEntryId(v, at + ".id", objective.id(), seen);
      CheckText(v, at + ".description", objective.description(), 1, kMaxObjectiveChars, true);
    }
  }
  api::CheckTextList(v, "participants", drill.participants(), kMaxParticipants,
                     kMaxParticipantChars);
  return std::move(v).ToStatus();
}

absl::Status ValidateEvaluation(const v1::RunEvaluation& evaluation, absl::string_view prefix) {
  Violations v(prefix);
  if (evaluation.objective_results_size() > kMaxObjectives) {
    v.Add("objective_results", absl::StrCat("must have at most ", kMaxObjectives, " entries"));
  } else {
    std::set<std::string> seen;
    for (int i = 0; i < evaluation.objective_results_size(); ++i) {
      const v1::ObjectiveResult& result = evaluation.objective_results(i);
      const std::string at = api::IndexPath("objective_results", i);
      if (result.objective_id().empty()) {
        v.Add(at + ".objective_id", "is required");
      } else {
        CheckEntryId(v, at + ".objective_id", result.objective_id(), seen);
      }
      api::RequireEnum(v, at + ".rating", result.rating(), v1::ObjectiveRating_IsValid);
      CheckText(v, at + ".note", result.note(), 0, kMaxObjectiveNoteChars, true);
    }
  }
  std::set<std::string> finding_ids;
  if (evaluation.findings_size() > kMaxFindings) {
    v.Add("findings", absl::StrCat("must have at most ", kMaxFindings, " entries"));
    // Still known, so corrective actions are not also blamed for naming them.
    for (const v1::Finding& finding : evaluation.findings()) {
      finding_ids.insert(finding.id());
    }
  } else {
    for (int i = 0; i < evaluation.findings_size(); ++i) {
      const v1::Finding& finding = evaluation.findings(i);
      const std::string at = api::IndexPath("findings", i);
      CheckEntryId(v, at + ".id", finding.id(), finding_ids);
      api::RequireEnum(v, at + ".kind", finding.kind(), v1::FindingKind_IsValid);
      CheckText(v, at + ".description", finding.description(), 1, kMaxFindingChars, true);
      CheckText(v, at + ".link_target", finding.link_target(), 0, kMaxLinkTargetChars, false);
    }
  }
  if (evaluation.corrective_actions_size() > kMaxCorrectiveActions) {
    v.Add("corrective_actions",
          absl::StrCat("must have at most ", kMaxCorrectiveActions, " entries"));
  } else {
    std::set<std::string> seen;
    for (int i = 0; i < evaluation.corrective_actions_size(); ++i) {
      const v1::CorrectiveAction& action = evaluation.corrective_actions(i);
      const std::string at = api::IndexPath("corrective_actions", i);
      CheckEntryId(v, at + ".id", action.id(), seen);
      CheckText(v, at + ".description", action.description(), 1, kMaxActionChars, true);
      CheckText(v, at + ".owner", action.owner(), 1, kMaxActionOwnerChars, false);
      if (!action.has_due_time()) {
        v.Add(at + ".due_time", "is required");
      } else if (!api::IsValidTimestamp(action.due_time())) {
        v.Add(at + ".due_time", "must be a valid timestamp");
      }
      if (!action.finding_id().empty() && finding_ids.count(action.finding_id()) == 0) {
        v.Add(at + ".finding_id", absl::StrCat("must be the id of one of the findings; \"",
                                               action.finding_id(), "\" is not"));
      }
    }
  }
  return std::move(v).ToStatus();
}

void AssignObjectiveIds(v1::Drill& drill) { AssignIds(*drill.mutable_objectives(), "obj-"); }

void AssignEvaluationIds(v1::RunEvaluation& evaluation) {
  AssignIds(*evaluation.mutable_findings(), "f-");
  AssignIds(*evaluation.mutable_corrective_actions(), "ca-");
}

absl::Status ValidateStartRun(const v1::StartRunRequest& request, absl::Time now) {
  Violations v("");
  CheckPlaybookName(v, "parent", request.parent());
  v.Merge(api::ParseResourceName(request.incident(), kIncidentCollection, "incident").status());
  CheckStartTime(v, request.has_start_time(), request.start_time(), now);
  CheckRequestId(v, request.request_id());
  return std::move(v).ToStatus();
}

absl::Status ValidateStartDrill(const v1::StartDrillRequest& request, absl::Time now) {
  Violations v("");
  CheckPlaybookName(v, "parent", request.parent());
  if (!request.has_drill()) {
    v.Add("drill", "is required");
  } else {
    v.Merge(ValidateDrill(request.drill(), "drill"));
  }
  CheckStartTime(v, request.has_start_time(), request.start_time(), now);
  CheckRequestId(v, request.request_id());
  return std::move(v).ToStatus();
}

absl::Status ValidateListRuns(const v1::ListRunsRequest& request) {
  Violations v("");
  v.Merge(api::ParseParentOrAny(request.parent(), kPlaybookCollection, "parent").status());
  if (request.page_size() < 0) {
    v.Add("page_size", "must not be negative");
  }
  api::CheckOptionalEnum(v, "kind", request.kind(), v1::RunKind_IsValid);
  api::CheckEnumList(v, "states", request.states(), 0, 3, v1::RunState_IsValid);
  if (!request.incident().empty()) {
    v.Merge(api::ParseResourceName(request.incident(), kIncidentCollection, "incident").status());
  }
  return std::move(v).ToStatus();
}

absl::Status ValidateStartStep(const v1::StartStepRequest& request, absl::Time now) {
  Violations v("");
  CheckRunName(v, "run", request.run());
  CheckStepId(v, "step_id", request.step_id());
  CheckOptionalPastTime(v, "start_time", request.has_start_time(), request.start_time(), now);
  return std::move(v).ToStatus();
}

absl::Status ValidateCompleteStep(const v1::CompleteStepRequest& request, absl::Time now) {
  Violations v("");
  CheckRunName(v, "run", request.run());
  CheckStepId(v, "step_id", request.step_id());
  CheckText(v, "notes", request.notes(), 0, kMaxStepNotesChars, true);
  CheckOptionalPastTime(v, "complete_time", request.has_complete_time(), request.complete_time(),
                        now);
  return std::move(v).ToStatus();
}

absl::Status ValidateSkipStep(const v1::SkipStepRequest& request) {
  Violations v("");
  CheckRunName(v, "run", request.run());
  CheckStepId(v, "step_id", request.step_id());
  CheckText(v, "reason", request.reason(), 1, kMaxReasonChars, true);
  return std::move(v).ToStatus();
}

absl::Status ValidateAddInject(const v1::AddInjectRequest& request) {
  Violations v("");
  CheckRunName(v, "run", request.run());
  if (!request.has_inject()) {
    v.Add("inject", "is required");
    return std::move(v).ToStatus();
  }
  const v1::Inject& inject = request.inject();
  const google::protobuf::Duration& offset = inject.offset();
  const bool mixed_signs =
      (offset.seconds() > 0 && offset.nanos() < 0) || (offset.seconds() < 0 && offset.nanos() > 0);
  if (mixed_signs || offset.nanos() <= -1000000000 || offset.nanos() >= 1000000000) {
    v.Add("inject.offset", "must be a valid duration");
  } else if (FromProtoDuration(offset) < absl::ZeroDuration()) {
    v.Add("inject.offset", "must not be negative");
  } else if (FromProtoDuration(offset) > kMaxInjectOffset) {
    v.Add("inject.offset", "must be at most 90 days");
  }
  CheckText(v, "inject.title", inject.title(), 1, kMaxInjectTitleChars, false);
  CheckText(v, "inject.description", inject.description(), 0, kMaxInjectDescriptionChars, true);
  return std::move(v).ToStatus();
}

absl::Status ValidateAbortRun(const v1::AbortRunRequest& request) {
  Violations v("");
  CheckRunName(v, "name", request.name());
  CheckText(v, "reason", request.reason(), 1, kMaxReasonChars, true);
  return std::move(v).ToStatus();
}

absl::Status ValidateCompleteRun(const v1::CompleteRunRequest& request, absl::Time now) {
  Violations v("");
  CheckRunName(v, "name", request.name());
  CheckText(v, "summary", request.summary(), 0, kMaxSummaryChars, true);
  if (request.has_evaluation()) {
    v.Merge(ValidateEvaluation(request.evaluation(), "evaluation"));
  }
  CheckOptionalPastTime(v, "end_time", request.has_end_time(), request.end_time(), now);
  return std::move(v).ToStatus();
}

absl::Status ValidateUpdateRunEvaluation(const v1::UpdateRunEvaluationRequest& request) {
  Violations v("");
  CheckRunName(v, "name", request.name());
  if (!request.has_evaluation()) {
    v.Add("evaluation", "is required");
  } else {
    v.Merge(ValidateEvaluation(request.evaluation(), "evaluation"));
  }
  return std::move(v).ToStatus();
}

absl::Time ResolveCallerTime(bool has, const google::protobuf::Timestamp& ts, absl::Time now) {
  if (!has) {
    return now;
  }
  return std::min(api::TimeFromTimestamp(ts), now);
}

}  // namespace airr::playbook
