#include "tools/airr/incident_fields.h"

#include <set>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/time_util.h"
#include "tools/airr/command_util.h"
#include "tools/airr/field_flags.h"
#include "tools/airr/message_file.h"
#include "tools/airr/resource_names.h"

namespace airr::cli {
namespace {

using incident::v1::Incident;

constexpr char kFromFile[] = "from-file";

// The flags of the fields UpdateIncident may change, in help order.
constexpr FieldFlag kFieldFlags[] = {
    {"title", "title", "TEXT", "A one-line summary, 1 to 200 characters."},
    {"description", "description", "TEXT", "What happened, as known."},
    {"ai-system", "ai_system", "SYSTEM",
     "The AI system involved: its id (support-bot) or name (aiSystems/support-bot)."},
    {"kind", "kind", "KIND", "What the record describes."},
    {"detect-time", "detect_time", "TIME",
     "When it was detected, RFC 3339 (2026-11-23T10:00:00Z). Default on create: now."},
    {"occur-time", "occur_time", "TIME", "When it began, if known; not after the detect time."},
    {"aware-time", "aware_time", "TIME",
     "When the company became aware of it (notification clocks start here). Default: the "
     "detect time."},
    {"report-time", "report_time", "TIME", "When it was reported. Default: the time of create."},
    {"reporter", "reporter", "NAME", "Who reported it. Default: the caller's principal name."},
    {"detection-source", "detection_source", "SOURCE", "Who or what noticed it first."},
    {"harm", "harm_types", "TYPE", "A kind of harm done or threatened."},
    {"cause", "cause_hints", "HINT", "An AI-specific hint at the cause."},
    {"action", "immediate_actions", "ACTION", "A first-response action already taken."},
    {"jurisdiction", "jurisdictions", "CODE",
     "Where people were affected: an ISO 3166-1 alpha-2 code such as JP, or EU."},
    {"party", "affected.parties", "GROUP", "A group affected, e.g. customers."},
    {"people", "affected.estimated_people", "N", "An estimate of how many people were affected."},
    {"deaths", "affected.deaths", "N", "How many people died."},
    {"injuries", "affected.serious_injuries", "N",
     "How many people were seriously injured or harmed in health."},
    {"rights-infringed", "affected.fundamental_rights_infringed", "",
     "Fundamental rights were infringed (EU AI Act Art. 3(49)(c)); =false to unset."},
    {"personal-data", "personal_data.involved", "",
     "Personal data is involved; =false to unset. Implied by a breach."},
    {"breached", "personal_data.breached", "",
     "Personal data was breached; =false to unset. Implied by --breach."},
    {"breach", "personal_data.breach_types", "TYPE", "How personal data was compromised."},
    {"breach-category", "personal_data.breach_categories", "CATEGORY",
     "A category of the breached data."},
    {"breach-persons", "personal_data.persons_affected", "N",
     "How many persons' data was breached."},
    {"breach-aware-time", "personal_data.breach_aware_time", "TIME",
     "When the company became aware of the breach. Default: the aware time."},
    {"label", "labels", "KEY=VALUE",
     "A free label, e.g. business_unit=retail. Given to update, the labels given replace all "
     "labels of the incident."},
};

// The flags that only create has.
constexpr FieldFlag kCreateOnlyFlags[] = {
    {"severity", "severity", "SEV",
     "The reporter's first estimate; only triage changes it afterwards."},
};

// The fields of an Incident that UpdateIncident may change (the proto's list).
const std::set<std::string>& UpdatableFields() {
  static const auto* const kFields = new std::set<std::string>{
      "title",         "description",      "ai_system",   "kind",
      "occur_time",    "detect_time",      "report_time", "aware_time",
      "reporter",      "harm_types",       "affected",    "personal_data",
      "jurisdictions", "detection_source", "cause_hints", "immediate_actions",
      "labels"};
  return *kFields;
}

// The top-level fields of an Incident that a create file may set.
const std::set<std::string>& CreatableFields() {
  static const auto* const kFields = [] {
    auto* fields = new std::set<std::string>(UpdatableFields());
    fields->insert("severity");
    return fields;
  }();
  return *kFields;
}

// Every top-level field of an Incident not in `allowed`.
std::set<std::string> FieldsOutside(const std::set<std::string>& allowed) {
  std::set<std::string> outside;
  const google::protobuf::Descriptor& type = *Incident::descriptor();
  for (int i = 0; i < type.field_count(); ++i) {
    if (allowed.count(type.field(i)->name()) == 0) {
      outside.insert(type.field(i)->name());
    }
  }
  return outside;
}

// Reads --from-file into `incident` and returns the paths of the fields it names, among
// `allowed`; every other field it sets is cleared, except the etag when `keep_etag`.
absl::StatusOr<std::vector<std::string>> ReadIncidentFile(const std::string& path,
                                                          const std::set<std::string>& allowed,
                                                          bool keep_etag, Incident* incident) {
  absl::StatusOr<std::string> json = ReadInputFile(path, absl::StrCat("--", kFromFile));
  if (!json.ok()) {
    return json.status();
  }
  const std::set<std::string> ignored = FieldsOutside(allowed);
  absl::StatusOr<std::vector<std::string>> paths =
      ParseMessageJson(*json, InputName(path), ignored, incident);
  if (!paths.ok()) {
    return paths.status();
  }
  const google::protobuf::Reflection& r = *incident->GetReflection();
  for (const std::string& field : ignored) {
    if (!(keep_etag && field == "etag")) {
      r.ClearField(incident, Incident::descriptor()->FindFieldByName(field));
    }
  }
  return paths;
}

std::vector<FieldFlag> CreateFieldFlags() {
  std::vector<FieldFlag> flags(std::begin(kFieldFlags), std::end(kFieldFlags));
  // Severity next to kind, where it reads naturally in help.
  flags.insert(flags.begin() + 4, std::begin(kCreateOnlyFlags), std::end(kCreateOnlyFlags));
  return flags;
}

const std::vector<FieldFlag>& AllFieldFlags() {
  static const auto* const kFlags = new std::vector<FieldFlag>(CreateFieldFlags());
  return *kFlags;
}

}  // namespace

const std::vector<FlagSpec>& IncidentFieldFlagSpecs() {
  static const auto* const kSpecs =
      new std::vector<FlagSpec>(FieldFlagSpecs(*Incident::descriptor(), kFieldFlags));
  return *kSpecs;
}

const std::vector<FlagSpec>& IncidentCreateFieldFlagSpecs() {
  static const auto* const kSpecs =
      new std::vector<FlagSpec>(FieldFlagSpecs(*Incident::descriptor(), AllFieldFlags()));
  return *kSpecs;
}

absl::Status ApplyIncidentFieldFlags(const ParsedArgs& args, Incident* incident,
                                     std::vector<std::string>* paths) {
  if (absl::Status status = ApplyFieldFlags(args, AllFieldFlags(), incident, paths); !status.ok()) {
    return status;
  }
  const incident::v1::PersonalData& data = incident->personal_data();
  if (args.Has("breach") && data.breach_types_size() > 0 && !args.Has("breached")) {
    incident->mutable_personal_data()->set_breached(true);
    AddMaskPath("personal_data.breached", paths);
  }
  if (data.breached() && !data.involved() && !args.Has("personal-data")) {
    incident->mutable_personal_data()->set_involved(true);
    AddMaskPath("personal_data.involved", paths);
  }
  if (!incident->ai_system().empty()) {
    incident->set_ai_system(SystemName(incident->ai_system()));
  }
  return absl::OkStatus();
}

absl::StatusOr<incident::v1::CreateIncidentRequest> BuildCreateIncidentRequest(
    const ParsedArgs& args, absl::Time now) {
  incident::v1::CreateIncidentRequest request;
  Incident& incident = *request.mutable_incident();
  if (std::optional<std::string> path = args.Get(kFromFile)) {
    absl::StatusOr<std::vector<std::string>> unused =
        ReadIncidentFile(*path, CreatableFields(), /*keep_etag=*/false, &incident);
    if (!unused.ok()) {
      return unused.status();
    }
  }
  std::vector<std::string> unused_paths;
  if (absl::Status status = ApplyIncidentFieldFlags(args, &incident, &unused_paths); !status.ok()) {
    return status;
  }
  if (!incident.has_detect_time()) {
    *incident.mutable_detect_time() =
        google::protobuf::util::TimeUtil::SecondsToTimestamp(absl::ToUnixSeconds(now));
  }
  request.set_incident_id(args.Get("id").value_or(""));
  absl::StatusOr<std::string> request_id = CreateRequestId(args);
  if (!request_id.ok()) {
    return request_id.status();
  }
  request.set_request_id(*request_id);
  return request;
}

absl::StatusOr<incident::v1::UpdateIncidentRequest> BuildUpdateIncidentRequest(
    const ParsedArgs& args, const std::string& name_arg) {
  incident::v1::UpdateIncidentRequest request;
  Incident& incident = *request.mutable_incident();
  std::vector<std::string> paths;
  if (std::optional<std::string> path = args.Get(kFromFile)) {
    absl::StatusOr<std::vector<std::string>> file_paths =
        ReadIncidentFile(*path, UpdatableFields(), /*keep_etag=*/true, &incident);
    if (!file_paths.ok()) {
      return file_paths.status();
    }
    paths = *std::move(file_paths);
  }
  if (absl::Status status = ApplyIncidentFieldFlags(args, &incident, &paths); !status.ok()) {
    return status;
  }
  if (paths.empty()) {
    return absl::InvalidArgumentError(
        "nothing to update: give the flags of the fields to change, or --from-file");
  }
  incident.set_name(IncidentName(name_arg));
  if (std::optional<std::string> etag = args.Get("etag")) {
    incident.set_etag(*etag);
  }
  for (const std::string& path : paths) {
    request.mutable_update_mask()->add_paths(path);
  }
  return request;
}

}  // namespace airr::cli
