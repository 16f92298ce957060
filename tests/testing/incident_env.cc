#include "tests/testing/incident_env.h"

#include <cstdio>
#include <cstdlib>

#include "libs/api/timestamps.h"
#include "services/inventory/inventory_module.h"
#include "tests/testing/sample_ai_system.h"

namespace airr::testing {

namespace iv1 = ::airr::incident::v1;

IncidentEnv::IncidentEnv(incident::IncidentOptions options)
    : server_({inventory::InventoryModule(), incident::IncidentModule(options)}) {
  MakeStubs();
}

void IncidentEnv::MakeStubs() {
  incidents_ = iv1::IncidentService::NewStub(server_.channel());
  inventory_ = inventory::v1::InventoryService::NewStub(server_.channel());
}

void IncidentEnv::Restart() {
  server_.Restart();
  MakeStubs();
}

std::string IncidentEnv::CreateAiSystem(const std::string& token, const std::string& id) {
  inventory::v1::CreateAiSystemRequest request;
  *request.mutable_ai_system() = SampleAiSystem("System " + id);
  request.set_ai_system_id(id);
  inventory::v1::AiSystem created;
  auto context = ServerEnv::Context(token);
  const grpc::Status status = inventory_->CreateAiSystem(context.get(), request, &created);
  if (!status.ok()) {
    std::fprintf(stderr, "CreateAiSystem %s: %s\n", id.c_str(), status.error_message().c_str());
    std::abort();
  }
  return created.name();
}

iv1::Incident IncidentEnv::ValidIncident(const std::string& ai_system, const std::string& title) {
  iv1::Incident incident;
  incident.set_title(title);
  incident.set_description("A chatbot answered with another customer's address.");
  incident.set_ai_system(ai_system);
  incident.set_kind(iv1::KIND_INCIDENT);
  incident.set_severity(iv1::SEVERITY_SEV3);
  incident.set_detection_source(iv1::DETECTION_SOURCE_CUSTOMER);
  const absl::Time detected = absl::Now() - absl::Hours(1);
  *incident.mutable_occur_time() = api::TimestampFromTime(detected - absl::Minutes(30));
  *incident.mutable_detect_time() = api::TimestampFromTime(detected);
  incident.add_harm_types(iv1::HARM_TYPE_PRIVACY);
  incident.add_cause_hints(iv1::CAUSE_HINT_HALLUCINATION);
  incident.add_jurisdictions("JP");
  (*incident.mutable_labels())["team"] = "support";
  return incident;
}

}  // namespace airr::testing
