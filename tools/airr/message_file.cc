#include "tools/airr/message_file.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace airr::cli {
namespace {

using google::protobuf::FieldDescriptor;

const FieldDescriptor* FindField(const google::protobuf::Descriptor& type, const std::string& key) {
  if (const FieldDescriptor* field = type.FindFieldByName(key)) {
    return field;
  }
  for (int i = 0; i < type.field_count(); ++i) {
    if (type.field(i)->json_name() == key) {
      return type.field(i);
    }
  }
  return nullptr;
}

}  // namespace

absl::StatusOr<std::vector<std::string>> ParseMessageJson(const std::string& json,
                                                          const std::string& source,
                                                          const std::set<std::string>& ignored,
                                                          google::protobuf::Message* message) {
  const google::protobuf::Descriptor& type = *message->GetDescriptor();
  const auto status = google::protobuf::util::JsonStringToMessage(json, message);
  if (!status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": not a JSON ", type.name(), ": ", status.ToString()));
  }
  // The message cannot tell a field set to its default from an absent one; the keys can.
  google::protobuf::Struct object;
  if (!google::protobuf::util::JsonStringToMessage(json, &object).ok()) {
    return absl::InvalidArgumentError(absl::StrCat(source, ": not a JSON object"));
  }
  std::vector<const FieldDescriptor*> fields;
  for (const auto& [key, unused] : object.fields()) {
    const FieldDescriptor* field = FindField(type, key);
    if (field != nullptr && ignored.count(field->name()) == 0) {
      fields.push_back(field);
    }
  }
  std::sort(fields.begin(), fields.end(), [](const FieldDescriptor* a, const FieldDescriptor* b) {
    return a->index() < b->index();
  });
  std::vector<std::string> paths;
  for (const FieldDescriptor* field : fields) {
    paths.push_back(field->name());
  }
  return paths;
}

absl::StatusOr<std::string> ReadInputFile(const std::string& path, const std::string& flag) {
  std::ostringstream contents;
  if (path == "-") {
    contents << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      return absl::NotFoundError(absl::StrCat(flag, ": cannot read ", path));
    }
    contents << in.rdbuf();
  }
  return contents.str();
}

std::string InputName(const std::string& path) { return path == "-" ? "standard input" : path; }

}  // namespace airr::cli
