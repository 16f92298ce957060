#include "tools/airr/playbook_file.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "services/playbook/playbook_fields.h"
#include "tools/airr/message_file.h"
#include "tools/airr/proto_json_check.h"
#include "tools/airr/yaml_json.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::playbook::v1;

constexpr char kCollection[] = "playbooks/";

absl::StatusOr<std::string> IdOfName(const std::string& name, const std::string& source) {
  if (name.empty()) {
    return std::string();
  }
  const std::string id = name.substr(std::min(name.size(), sizeof(kCollection) - 1));
  if (!absl::StartsWith(name, kCollection) || id.empty() || id.find('/') != std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": name: \"", name, "\" is not playbooks/ID"));
  }
  return id;
}

// Keeps what a version is made of; the rest is the server's to set.
pb::Playbook Writable(const pb::Playbook& read) {
  pb::Playbook playbook = playbook::DefinitionOf(read);
  playbook.set_change_note(read.change_note());
  return playbook;
}

bool LooksLikeJson(const std::string& path, const std::string& text) {
  if (absl::EndsWithIgnoreCase(path, ".json")) {
    return true;
  }
  const absl::string_view body = absl::StripLeadingAsciiWhitespace(text);
  return !body.empty() && body[0] == '{';
}

}  // namespace

absl::StatusOr<PlaybookFile> ParsePlaybookText(const std::string& text, const std::string& source,
                                               bool json) {
  std::string json_text = text;
  if (!json) {
    absl::StatusOr<std::string> converted = ConvertYamlToJson(text, source);
    if (!converted.ok()) {
      return converted.status();
    }
    json_text = *std::move(converted);
  }
  google::protobuf::Value value;
  if (const auto status = google::protobuf::util::JsonStringToMessage(json_text, &value);
      !status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": not valid JSON: ", status.message().as_string()));
  }
  if (absl::Status status = CheckProtoJson(*pb::Playbook::descriptor(), "", &value); !status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(source, ": ", status.message()));
  }
  std::string checked;
  if (const auto status = google::protobuf::util::MessageToJsonString(value, &checked);
      !status.ok()) {
    return absl::InternalError(absl::StrCat(source, ": ", status.message().as_string()));
  }
  pb::Playbook read;
  if (absl::StatusOr<std::vector<std::string>> fields =
          ParseMessageJson(checked, source, {}, &read);
      !fields.ok()) {
    return fields.status();
  }
  absl::StatusOr<std::string> id = IdOfName(read.name(), source);
  if (!id.ok()) {
    return id.status();
  }
  return PlaybookFile{Writable(read), *std::move(id)};
}

absl::StatusOr<PlaybookFile> ReadPlaybookFile(const std::string& path) {
  absl::StatusOr<std::string> text = ReadInputFile(path, "--file", kMaxPlaybookFileBytes);
  if (!text.ok()) {
    return text.status();
  }
  return ParsePlaybookText(*text, InputName(path), LooksLikeJson(path, *text));
}

}  // namespace airr::cli
