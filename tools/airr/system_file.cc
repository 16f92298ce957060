#include "tools/airr/system_file.h"

#include <set>

#include "tools/airr/message_file.h"

namespace airr::cli {

absl::StatusOr<SystemFile> ParseSystemJson(const std::string& json, const std::string& source) {
  static const auto* const kOutputOnly =
      new std::set<std::string>{"name", "create_time", "update_time", "delete_time", "etag"};
  SystemFile file;
  absl::StatusOr<std::vector<std::string>> paths =
      ParseMessageJson(json, source, *kOutputOnly, &file.system);
  if (!paths.ok()) {
    return paths.status();
  }
  file.paths = *std::move(paths);
  return file;
}

absl::StatusOr<SystemFile> ReadSystemFile(const std::string& path) {
  absl::StatusOr<std::string> contents = ReadInputFile(path, "--from-file");
  if (!contents.ok()) {
    return contents.status();
  }
  return ParseSystemJson(*contents, InputName(path));
}

}  // namespace airr::cli
