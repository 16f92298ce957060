#include "tools/airr/resource_names.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace airr::cli {
namespace {

std::string InCollection(const std::string& collection, const std::string& arg) {
  if (arg.find('/') != std::string::npos) {
    return arg;
  }
  return collection + "/" + arg;
}

}  // namespace

std::string SystemName(const std::string& arg) { return InCollection("aiSystems", arg); }

std::string IncidentName(const std::string& arg) { return InCollection("incidents", arg); }

std::string PlaybookName(const std::string& arg) { return InCollection("playbooks", arg); }

std::string RunName(const std::string& arg) {
  const std::vector<std::string> parts = absl::StrSplit(arg, '/');
  if (parts.size() == 2) {
    return absl::StrCat("playbooks/", parts[0], "/runs/", parts[1]);
  }
  if (parts.size() == 3 && parts[1] == "runs") {
    return absl::StrCat("playbooks/", arg);
  }
  return arg;
}

std::string PlaybookOfRun(const std::string& run) {
  const size_t at = run.find("/runs/");
  return at == std::string::npos ? run : run.substr(0, at);
}

std::string ResourceId(const std::string& name) {
  const size_t slash = name.rfind('/');
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

}  // namespace airr::cli
