#include "services/playbook/playbook_validator.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/util/time_util.h"
#include "libs/api/resource_name.h"
#include "libs/api/validation.h"
#include "libs/api/violations.h"
#include "services/playbook/playbook_fields.h"
#include "services/playbook/resource_names.h"
#include "services/playbook/trigger_matcher.h"

namespace airr::playbook {
namespace {

using api::Violations;
using google::protobuf::util::TimeUtil;

// A huge bad playbook gives a bounded error.
constexpr size_t kMaxViolations = 100;

void CheckText(Violations& v, absl::string_view field, absl::string_view value, size_t min_chars,
               size_t max_chars, bool multiline) {
  v.Merge(api::CheckText(v.Path(field), value, min_chars, max_chars, multiline));
}

// Each enum value (besides UNSPECIFIED) at most once.
size_t EnumValueCount(const google::protobuf::EnumDescriptor* type) {
  return static_cast<size_t>(type->value_count() - 1);
}

// A duration the caller set: valid, whole seconds and within [min, max] (`range` says it in
// words). Returns it when it passes.
std::optional<absl::Duration> CheckDuration(Violations& v, absl::string_view field,
                                            const google::protobuf::Duration& d, absl::Duration min,
                                            absl::Duration max, absl::string_view range) {
  const bool in_range = d.seconds() >= TimeUtil::kDurationMinSeconds &&
                        d.seconds() <= TimeUtil::kDurationMaxSeconds && d.nanos() > -1000000000 &&
                        d.nanos() < 1000000000;
  const bool same_sign = !(d.seconds() > 0 && d.nanos() < 0) && !(d.seconds() < 0 && d.nanos() > 0);
  if (!in_range || !same_sign) {
    v.Add(field, "must be a valid duration");
    return std::nullopt;
  }
  if (d.nanos() != 0) {
    v.Add(field, "must be a whole number of seconds");
    return std::nullopt;
  }
  const absl::Duration value = absl::Seconds(d.seconds());
  if (value < absl::ZeroDuration()) {
    v.Add(field, "must not be negative");
    return std::nullopt;
  }
  if (value < min || value > max) {
    v.Add(field, absl::StrCat("must be ", range));
    return std::nullopt;
  }
  return value;
}

void CheckTriggers(Violations& v, const v1::PlaybookTriggers& triggers) {
  api::CheckEnumList(v, "triggers.severities", triggers.severities(), 0,
                     EnumValueCount(incident::v1::Severity_descriptor()),
                     incident::v1::Severity_IsValid);
  api::CheckEnumList(v, "triggers.harm_types", triggers.harm_types(), 0,
                     EnumValueCount(incident::v1::HarmType_descriptor()),
                     incident::v1::HarmType_IsValid);
  api::CheckEnumList(v, "triggers.kinds", triggers.kinds(), 0,
                     EnumValueCount(incident::v1::Kind_descriptor()), incident::v1::Kind_IsValid);
  if (triggers.ai_systems_size() > kMaxTriggerAiSystems) {
    v.Add("triggers.ai_systems", absl::StrCat("must have at most ", kMaxTriggerAiSystems,
                                              " entries (got ", triggers.ai_systems_size(), ")"));
  } else {
    std::set<std::string> seen;
    for (int i = 0; i < triggers.ai_systems_size(); ++i) {
      const std::string field = api::IndexPath("triggers.ai_systems", i);
      const std::string& name = triggers.ai_systems(i);
      absl::Status parsed =
          api::ParseResourceName(name, kAiSystemCollection, v.Path(field)).status();
      if (!parsed.ok()) {
        v.Merge(parsed);
      } else if (!seen.insert(name).second) {
        v.Add(field, "must not repeat a value");
      }
    }
  }
  if (triggers.labels_size() > static_cast<int>(kMaxTriggerLabels)) {
    v.Add("triggers.labels", absl::StrCat("must have at most ", kMaxTriggerLabels, " entries (got ",
                                          triggers.labels_size(), ")"));
  } else {
    v.Merge(api::CheckLabels(v.Path("triggers.labels"), triggers.labels()));
  }
  if (triggers.auto_start() && !HasTriggerCriterion(triggers)) {
    v.Add("triggers.auto_start",
          "needs at least one criterion (severities, harm_types, kinds, ai_systems or labels), so "
          "that an automatic playbook never answers every incident");
  }
}

void CheckTargets(Violations& v, const v1::TargetTimes& targets) {
  struct Target {
    const char* name;
    bool set;
    const google::protobuf::Duration* value;
  };
  const Target all[] = {
      {"first_action", targets.has_first_action(), &targets.first_action()},
      {"containment", targets.has_containment(), &targets.containment()},
      {"recovery", targets.has_recovery(), &targets.recovery()},
  };
  // The largest valid target so far and its name: a later one must not be shorter.
  std::optional<std::pair<absl::Duration, const char*>> latest;
  for (const Target& target : all) {
    if (!target.set) {
      continue;
    }
    const std::string field = absl::StrCat("targets.", target.name);
    std::optional<absl::Duration> value = CheckDuration(
        v, field, *target.value, absl::ZeroDuration(), kMaxStepOffset, "0 to 90 days");
    if (!value) {
      continue;
    }
    if (latest && *value < latest->first) {
      v.Add(field, absl::StrCat("must not be earlier than targets.", latest->second, " (",
                                absl::FormatDuration(latest->first), ")"));
      continue;
    }
    latest = std::make_pair(*value, target.name);
  }
}

// Reports every dependency that closes a cycle, on `steps[i].depends_on[k]`, naming the cycle.
// `edges[i]` are (k, j): step i's depends_on[k] names step j (known, not i itself).
void CheckCycles(Violations& v, const v1::Playbook& playbook,
                 const std::vector<std::vector<std::pair<int, int>>>& edges) {
  const int n = static_cast<int>(edges.size());
  enum Color { kUnvisited, kOnPath, kDone };
  std::vector<Color> color(n, kUnvisited);
  std::vector<int> path;
  std::function<void(int)> visit = [&](int i) {
    color[i] = kOnPath;
    path.push_back(i);
    for (const auto& [k, j] : edges[i]) {
      if (color[j] == kOnPath) {
        std::vector<std::string> ids;
        for (auto it = std::find(path.begin(), path.end(), j); it != path.end(); ++it) {
          ids.push_back(playbook.steps(*it).id());
        }
        ids.push_back(playbook.steps(j).id());
        v.Add(api::IndexPath(absl::StrCat(api::IndexPath("steps", i), ".depends_on"), k),
              absl::StrCat("closes a dependency cycle: ", absl::StrJoin(ids, " -> "),
                           " (each step depends on the next)"));
      } else if (color[j] == kUnvisited) {
        visit(j);
      }
    }
    path.pop_back();
    color[i] = kDone;
  };
  for (int i = 0; i < n; ++i) {
    if (color[i] == kUnvisited) {
      visit(i);
    }
  }
}

void CheckSteps(Violations& v, const v1::Playbook& playbook) {
  const int n = playbook.steps_size();
  if (n < 1 || n > kMaxSteps) {
    v.Add("steps", absl::StrCat("must have 1 to ", kMaxSteps, " steps (got ", n, ")"));
    return;
  }
  // Each id's first step; a later step with the same id is refused.
  std::map<std::string, int> index;
  for (int i = 0; i < n; ++i) {
    const std::string& id = playbook.steps(i).id();
    const std::string field = absl::StrCat(api::IndexPath("steps", i), ".id");
    if (!api::IsValidResourceId(id)) {
      v.Add(field, api::kResourceIdRule);
      continue;
    }
    auto [it, inserted] = index.emplace(id, i);
    if (!inserted) {
      v.Add(field, absl::StrCat("must be unique in the playbook; steps[", it->second,
                                "] has the id \"", id, "\" already"));
    }
  }
  std::map<int, int> milestone_step;
  std::vector<std::vector<std::pair<int, int>>> edges(n);
  for (int i = 0; i < n; ++i) {
    const v1::PlaybookStep& step = playbook.steps(i);
    const std::string path = api::IndexPath("steps", i);
    CheckText(v, absl::StrCat(path, ".title"), step.title(), 1, kMaxStepTitleChars, false);
    CheckText(v, absl::StrCat(path, ".instructions"), step.instructions(), 0,
              kMaxStepInstructionsChars, true);
    api::RequireEnum(v, absl::StrCat(path, ".role"), step.role(), v1::ResponsibleRole_IsValid);
    if (step.has_target_offset()) {
      CheckDuration(v, absl::StrCat(path, ".target_offset"), step.target_offset(),
                    absl::ZeroDuration(), kMaxStepOffset, "0 to 90 days");
    }
    const std::string depends_on = absl::StrCat(path, ".depends_on");
    if (step.depends_on_size() > kMaxDependencies) {
      v.Add(depends_on, absl::StrCat("must have at most ", kMaxDependencies, " entries (got ",
                                     step.depends_on_size(), ")"));
    } else {
      std::set<std::string> seen;
      for (int k = 0; k < step.depends_on_size(); ++k) {
        const std::string& dependency = step.depends_on(k);
        const std::string field = api::IndexPath(depends_on, k);
        auto target = index.find(dependency);
        if (dependency == step.id()) {
          v.Add(field, "must not name the step itself");
        } else if (target == index.end()) {
          v.Add(field, absl::StrCat("must name a step of the playbook; there is no step \"",
                                    dependency, "\""));
        } else if (!seen.insert(dependency).second) {
          v.Add(field, "must not repeat a step");
        } else {
          edges[i].emplace_back(k, target->second);
        }
      }
    }
    api::CheckOptionalEnum(v, absl::StrCat(path, ".kind"), step.kind(), v1::StepKind_IsValid);
    const std::string milestone = absl::StrCat(path, ".milestone");
    if (step.milestone() != v1::MILESTONE_UNSPECIFIED) {
      if (!v1::Milestone_IsValid(step.milestone())) {
        api::CheckOptionalEnum(v, milestone, step.milestone(), v1::Milestone_IsValid);
      } else if (auto [it, inserted] = milestone_step.emplace(step.milestone(), i); !inserted) {
        v.Add(milestone, absl::StrCat("must be on at most one step; steps[", it->second, "] is ",
                                      v1::Milestone_Name(step.milestone()), " already"));
      }
    }
  }
  CheckCycles(v, playbook, edges);
}

}  // namespace

absl::Status ValidatePlaybook(const v1::Playbook& playbook, absl::string_view prefix) {
  const size_t bytes = playbook.ByteSizeLong();
  if (bytes > kMaxPlaybookBytes) {
    return InvalidField(prefix, absl::StrCat("must be at most ", kMaxPlaybookBytes / 1024,
                                             " KiB serialized (got ", bytes, " bytes)"));
  }
  Violations v(prefix, kMaxViolations);
  CheckText(v, "display_name", playbook.display_name(), 1, kMaxPlaybookDisplayNameChars, false);
  CheckText(v, "purpose", playbook.purpose(), 0, kMaxPlaybookPurposeChars, true);
  CheckText(v, "owner", playbook.owner(), 1, kMaxPlaybookOwnerChars, false);
  CheckText(v, "change_note", playbook.change_note(), 0, kMaxChangeNoteChars, true);
  CheckTriggers(v, playbook.triggers());
  CheckTargets(v, playbook.targets());
  CheckSteps(v, playbook);
  if (playbook.has_drill_interval()) {
    CheckDuration(v, "drill_interval", playbook.drill_interval(), kMinDrillInterval,
                  kMaxDrillInterval, "1 to 1095 days");
  }
  return std::move(v).ToStatus();
}

absl::Status ValidateCreatePlaybook(const v1::CreatePlaybookRequest& request) {
  Violations v("");
  v.Merge(api::CheckResourceId("playbook_id", request.playbook_id()));
  v.Merge(ValidatePlaybook(request.playbook(), "playbook"));
  return std::move(v).ToStatus();
}

absl::Status ValidateChangeNote(const v1::Playbook& playbook, absl::string_view prefix) {
  Violations v(prefix);
  CheckText(v, "change_note", playbook.change_note(), 0, kMaxChangeNoteChars, true);
  return std::move(v).ToStatus();
}

void ResolvePlaybookDefaults(v1::Playbook* playbook) {
  if (!playbook->has_drill_interval()) {
    *playbook->mutable_drill_interval() =
        TimeUtil::SecondsToDuration(absl::ToInt64Seconds(kDefaultDrillInterval));
  }
}

}  // namespace airr::playbook
