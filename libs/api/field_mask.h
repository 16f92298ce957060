// Resolves an Update request's `update_mask` (AIP-134, AIP-161) into the list of top-level fields
// to write, checked against the fields the method lets users update.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "google/protobuf/field_mask.pb.h"
#include "google/protobuf/message.h"

namespace airr::api {

// Returns the fields to update, given `updatable` (top-level field names of `resource`'s message
// type that users may change):
//   - paths listed in `mask`, in mask order, each of which must be in `updatable`;
//   - all of `updatable` (in that order) when the mask is exactly "*";
//   - when the mask is empty, the fields of `updatable` that are populated in `resource` (set
//     singular messages and fields with presence, non-default scalars, strings and enums,
//     non-empty repeated fields and maps).
// Returns INVALID_ARGUMENT on field `mask_field` for a path that is not updatable (listing the
// updatable ones), a duplicate path, "*" combined with other paths, or an empty result ("no fields
// to update"); INTERNAL when a name in `updatable` is not a field of `resource`. Thread-safe.
absl::StatusOr<std::vector<std::string>> ResolveUpdateMask(
    const google::protobuf::FieldMask& mask, absl::Span<const std::string> updatable,
    const google::protobuf::Message& resource, absl::string_view mask_field = "update_mask");

// Copies the fields named by `paths` (as ResolveUpdateMask returned them) from `source` onto
// `target`, replacing lists, maps and sub-messages whole. Both must be of the same type.
void ApplyFieldMask(const google::protobuf::Message& source, const std::vector<std::string>& paths,
                    google::protobuf::Message* target);

}  // namespace airr::api
