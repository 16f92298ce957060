// Reads a playbook from a file for `playbooks create|update -f`: YAML (converted with
// yaml_json.h) or protobuf JSON, checked field by field so that mistakes name their path, with
// enum short names and durations such as "15m" accepted (proto_json_check.h). The server judges
// the content (steps, dependencies, limits); this only turns the file into a Playbook.
#pragma once

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "airr/playbook/v1/playbooks.pb.h"

namespace airr::cli {

// The largest playbook file read.
inline constexpr size_t kMaxPlaybookFileBytes = 1024 * 1024;

// A playbook read from a file.
struct PlaybookFile {
  // The definition fields and change_note; output-only fields in the file (version, times,
  // etag, ...) are dropped, so that what `airr -o json playbooks show` prints can be read back.
  playbook::v1::Playbook playbook;
  // The id of the file's `name` (`playbooks/ID`), or "" when the file names none.
  std::string id;
};

// Parses `text`, a playbook in JSON when `json`, else in YAML. Returns INVALID_ARGUMENT starting
// with `source` for malformed YAML (with line and column) or JSON, a field that is unknown or of
// the wrong type (with its path, e.g. "steps[2].role"), an unknown enum value or duration, and a
// `name` that is not `playbooks/ID`. Thread-safe.
absl::StatusOr<PlaybookFile> ParsePlaybookText(const std::string& text, const std::string& source,
                                               bool json);

// Reads the file at `path` ("-": standard input) and parses it: as JSON when its name ends in
// .json or its first non-blank character is '{', else as YAML. NOT_FOUND when it cannot be read,
// INVALID_ARGUMENT when it is over kMaxPlaybookFileBytes or ParsePlaybookText refuses it.
absl::StatusOr<PlaybookFile> ReadPlaybookFile(const std::string& path);

}  // namespace airr::cli
