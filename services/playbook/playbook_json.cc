#include "services/playbook/playbook_json.h"

#include "absl/status/status.h"
#include "google/protobuf/util/json_util.h"
#include "services/playbook/playbook_fields.h"

namespace airr::playbook {

std::string PlaybookDefinitionJson(const v1::Playbook& playbook) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  // Printing a message cannot fail.
  (void)google::protobuf::util::MessageToJsonString(DefinitionOf(playbook), &json, options);
  return json;
}

absl::StatusOr<v1::Playbook> PlaybookFromDefinitionJson(absl::string_view json) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  v1::Playbook parsed;
  if (!google::protobuf::util::JsonStringToMessage(
           google::protobuf::StringPiece(json.data(), json.size()), &parsed, options)
           .ok()) {
    return absl::InternalError("stored playbook definition is not a Playbook");
  }
  return DefinitionOf(parsed);
}

}  // namespace airr::playbook
