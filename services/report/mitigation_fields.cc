#include "services/report/mitigation_fields.h"

#include "libs/api/resource_name.h"
#include "services/report/resource_names.h"

namespace airr::report {

const std::vector<std::string>& MitigationUpdatableFields() {
  static const auto* fields = new std::vector<std::string>{
      "violation", "kind", "title", "description", "owner", "due_time",
  };
  return *fields;
}

std::string MitigationName(absl::string_view incident_id, absl::string_view id) {
  return api::FormatChildResourceName(kIncidentCollection, incident_id, kMitigationCollection, id);
}

std::string MitigationViolationName(absl::string_view incident_id, absl::string_view violation_id) {
  if (violation_id.empty()) {
    return "";
  }
  return api::FormatChildResourceName(kIncidentCollection, incident_id, kViolationCollection,
                                      violation_id);
}

}  // namespace airr::report
