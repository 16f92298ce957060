#include "services/playbook/playbook_fields.h"

#include "google/protobuf/util/time_util.h"

namespace airr::playbook {

const std::vector<std::string>& PlaybookDefinitionFields() {
  static const auto* fields = new std::vector<std::string>{
      "display_name", "purpose", "owner", "triggers", "targets", "steps", "drill_interval",
  };
  return *fields;
}

v1::Playbook DefinitionOf(const v1::Playbook& playbook) {
  v1::Playbook definition;
  definition.set_display_name(playbook.display_name());
  definition.set_purpose(playbook.purpose());
  definition.set_owner(playbook.owner());
  if (playbook.has_triggers()) {
    *definition.mutable_triggers() = playbook.triggers();
  }
  if (playbook.has_targets()) {
    *definition.mutable_targets() = playbook.targets();
  }
  *definition.mutable_steps() = playbook.steps();
  if (playbook.has_drill_interval()) {
    *definition.mutable_drill_interval() = playbook.drill_interval();
  }
  return definition;
}

absl::Duration DrillIntervalOf(const v1::Playbook& playbook) {
  if (!playbook.has_drill_interval()) {
    return kDefaultDrillInterval;
  }
  return absl::Seconds(playbook.drill_interval().seconds()) +
         absl::Nanoseconds(playbook.drill_interval().nanos());
}

}  // namespace airr::playbook
