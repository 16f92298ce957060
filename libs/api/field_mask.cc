#include "libs/api/field_mask.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/field_mask_util.h"
#include "libs/api/quote.h"
#include "libs/common/errors.h"

namespace airr::api {
namespace {

bool IsPopulated(const google::protobuf::Message& message,
                 const google::protobuf::FieldDescriptor& field) {
  const google::protobuf::Reflection& reflection = *message.GetReflection();
  if (field.is_repeated()) {  // includes maps
    return reflection.FieldSize(message, &field) > 0;
  }
  // For proto3 fields without presence HasField means "not the default value".
  return reflection.HasField(message, &field);
}

}  // namespace

absl::StatusOr<std::vector<std::string>> ResolveUpdateMask(
    const google::protobuf::FieldMask& mask, absl::Span<const std::string> updatable,
    const google::protobuf::Message& resource, absl::string_view mask_field) {
  const google::protobuf::Descriptor& descriptor = *resource.GetDescriptor();
  std::vector<const google::protobuf::FieldDescriptor*> updatable_fields;
  for (const std::string& name : updatable) {
    // A nested path ("eu_ai_act.category") must start with a field; only top-level fields take
    // part in the implied mask.
    const std::string top = name.substr(0, name.find('.'));
    const google::protobuf::FieldDescriptor* field = descriptor.FindFieldByName(top);
    if (field == nullptr) {
      return absl::InternalError(
          absl::StrCat("updatable field ", name, " is not a field of ", descriptor.full_name()));
    }
    if (top == name) {
      updatable_fields.push_back(field);
    }
  }

  std::vector<std::string> out;
  if (mask.paths_size() == 0) {
    for (const google::protobuf::FieldDescriptor* field : updatable_fields) {
      if (IsPopulated(resource, *field)) {
        out.push_back(field->name());
      }
    }
    if (out.empty()) {
      return InvalidField(mask_field,
                          "no fields to update: the mask is empty and no updatable field is set");
    }
    return out;
  }

  if (mask.paths_size() == 1 && mask.paths(0) == "*") {
    if (updatable.empty()) {
      return InvalidField(mask_field, "no fields to update");
    }
    return std::vector<std::string>(updatable.begin(), updatable.end());
  }

  absl::flat_hash_set<std::string> seen;
  for (const std::string& path : mask.paths()) {
    if (path == "*") {
      return InvalidField(mask_field, "\"*\" must be the only path");
    }
    if (std::find(updatable.begin(), updatable.end(), path) == updatable.end()) {
      return InvalidField(
          mask_field,
          absl::StrCat("path ", QuoteForMessage(path), " cannot be updated; updatable: ",
                       updatable.empty() ? "none" : absl::StrJoin(updatable, ", ")));
    }
    if (!seen.insert(path).second) {
      return InvalidField(mask_field, absl::StrCat("path ", QuoteForMessage(path), " is repeated"));
    }
    out.push_back(path);
  }
  return out;
}

void ApplyFieldMask(const google::protobuf::Message& source, const std::vector<std::string>& paths,
                    google::protobuf::Message* target) {
  google::protobuf::FieldMask mask;
  for (const auto& path : paths) {
    mask.add_paths(path);
  }
  google::protobuf::util::FieldMaskUtil::MergeOptions options;
  options.set_replace_message_fields(true);
  options.set_replace_repeated_fields(true);
  google::protobuf::util::FieldMaskUtil::MergeMessageTo(source, mask, options, target);
}

}  // namespace airr::api
