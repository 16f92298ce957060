#include "tests/testing/report_env.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "services/incident/incident_module.h"
#include "services/inventory/inventory_module.h"
#include "services/report/report_module.h"
#include "tests/testing/sample_ai_system.h"

namespace airr::testing {

namespace {

std::vector<host::ServiceModule> WithReportModules(std::vector<host::ServiceModule> more) {
  std::vector<host::ServiceModule> modules = {inventory::InventoryModule(),
                                              incident::IncidentModule(incident::IncidentOptions{}),
                                              report::ReportModule()};
  for (auto& module : more) {
    modules.push_back(std::move(module));
  }
  return modules;
}

}  // namespace

ReportEnv::ReportEnv(std::vector<host::ServiceModule> more)
    : server_(WithReportModules(std::move(more))) {
  MakeStubs();
}

void ReportEnv::MakeStubs() {
  reports_ = report::v1::ReportService::NewStub(server_.channel());
  incidents_ = incident::v1::IncidentService::NewStub(server_.channel());
  inventory_ = inventory::v1::InventoryService::NewStub(server_.channel());
}

void ReportEnv::Restart() {
  server_.Restart();
  MakeStubs();
}

std::string ReportEnv::CreateAiSystem(const std::string& token, const std::string& id) {
  inventory::v1::CreateAiSystemRequest request;
  *request.mutable_ai_system() = SampleAiSystem("System " + id);
  request.set_ai_system_id(id);
  auto created = CallUnary(*inventory_, &inventory::v1::InventoryService::Stub::CreateAiSystem,
                           request, token);
  if (!created.ok()) {
    std::fprintf(stderr, "CreateAiSystem %s: %s\n", id.c_str(),
                 created.status().ToString().c_str());
    std::abort();
  }
  return created->name();
}

std::string ReportEnv::CreateIncident(const std::string& token,
                                      const incident::v1::Incident& incident) {
  incident::v1::CreateIncidentRequest request;
  *request.mutable_incident() = incident;
  auto created =
      CallUnary(*incidents_, &incident::v1::IncidentService::Stub::CreateIncident, request, token);
  if (!created.ok()) {
    std::fprintf(stderr, "CreateIncident %s: %s\n", incident.title().c_str(),
                 created.status().ToString().c_str());
    std::abort();
  }
  return created->name();
}

}  // namespace airr::testing
