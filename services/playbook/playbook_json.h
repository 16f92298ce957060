// A playbook's definition as stored per version (playbook_versions.definition): the proto JSON of
// v1::Playbook holding only the definition fields (display_name, purpose, owner, triggers,
// targets, steps, drill_interval). The one place that writes and reads that format; the playbook
// store writes it and the run store reads a version's steps from it. Pure; no database.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "airr/playbook/v1/playbooks.pb.h"

namespace airr::playbook {

// Returns the definition JSON of `playbook`: its definition fields only, every other field
// (name, version, etag, times, change note, author) left out. Enums are written by their proto
// names. Thread-safe.
std::string PlaybookDefinitionJson(const v1::Playbook& playbook);

// Parses a definition written by PlaybookDefinitionJson into a Playbook with only the definition
// fields set (unknown JSON fields, e.g. from a newer server, are ignored; other Playbook fields are
// dropped). Returns INTERNAL when the JSON is not a Playbook (a corrupt row: stored definitions
// are never user input). Thread-safe.
absl::StatusOr<v1::Playbook> PlaybookFromDefinitionJson(absl::string_view json);

}  // namespace airr::playbook
