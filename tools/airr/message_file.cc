#include "tools/airr/message_file.h"

#include <algorithm>
#include <fstream>
#include <iostream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace airr::cli {
namespace {

using google::protobuf::FieldDescriptor;

// Reads at most `max_bytes` + 1 bytes of `in`, so that an oversized input is noticed without
// reading all of it.
std::string ReadAtMost(std::istream& in, size_t max_bytes) {
  std::string contents;
  char buffer[64 * 1024];
  while (in && contents.size() <= max_bytes) {
    const size_t left = max_bytes - contents.size();
    const size_t want = left >= sizeof(buffer) ? sizeof(buffer) : left + 1;
    in.read(buffer, static_cast<std::streamsize>(want));
    contents.append(buffer, static_cast<size_t>(in.gcount()));
  }
  return contents;
}

}  // namespace

const FieldDescriptor* FindJsonField(const google::protobuf::Descriptor& type,
                                     const std::string& key) {
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
    const FieldDescriptor* field = FindJsonField(type, key);
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

absl::StatusOr<std::string> ReadInputFile(const std::string& path, const std::string& flag,
                                          size_t max_bytes) {
  std::string contents;
  if (path == "-") {
    contents = ReadAtMost(std::cin, max_bytes);
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      return absl::NotFoundError(absl::StrCat(flag, ": cannot read ", path));
    }
    contents = ReadAtMost(in, max_bytes);
  }
  if (contents.size() > max_bytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(InputName(path), ": larger than the limit of ", max_bytes, " bytes"));
  }
  return contents;
}

std::string InputName(const std::string& path) { return path == "-" ? "standard input" : path; }

}  // namespace airr::cli
