#include "tools/airr/system_file.h"

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

bool IsOutputOnly(const std::string& field) {
  return field == "name" || field == "create_time" || field == "update_time" ||
         field == "delete_time" || field == "etag";
}

const FieldDescriptor* FindField(const std::string& key) {
  const google::protobuf::Descriptor& type = *inventory::v1::AiSystem::descriptor();
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

absl::StatusOr<SystemFile> ParseSystemJson(const std::string& json, const std::string& source) {
  SystemFile file;
  const auto status = google::protobuf::util::JsonStringToMessage(json, &file.system);
  if (!status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": not a JSON AiSystem: ", status.ToString()));
  }
  // The message cannot tell a field set to its default from an absent one; the keys can.
  google::protobuf::Struct object;
  if (!google::protobuf::util::JsonStringToMessage(json, &object).ok()) {
    return absl::InvalidArgumentError(absl::StrCat(source, ": not a JSON object"));
  }
  std::vector<const FieldDescriptor*> fields;
  for (const auto& [key, unused] : object.fields()) {
    const FieldDescriptor* field = FindField(key);
    if (field != nullptr && !IsOutputOnly(field->name())) {
      fields.push_back(field);
    }
  }
  std::sort(fields.begin(), fields.end(), [](const FieldDescriptor* a, const FieldDescriptor* b) {
    return a->index() < b->index();
  });
  for (const FieldDescriptor* field : fields) {
    file.paths.push_back(field->name());
  }
  return file;
}

absl::StatusOr<SystemFile> ReadSystemFile(const std::string& path) {
  std::ostringstream contents;
  if (path == "-") {
    contents << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      return absl::NotFoundError(absl::StrCat("--from-file: cannot read ", path));
    }
    contents << in.rdbuf();
  }
  return ParseSystemJson(contents.str(), path == "-" ? "standard input" : path);
}

}  // namespace airr::cli
