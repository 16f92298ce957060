#include "tools/airr/resource_names.h"

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

std::string ResourceId(const std::string& name) {
  const size_t slash = name.rfind('/');
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

}  // namespace airr::cli
