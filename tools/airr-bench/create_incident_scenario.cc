#include "tools/airr-bench/create_incident_scenario.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "airr/incident/v1/incident_service.grpc.pb.h"
#include "tools/airr-bench/random_source.h"
#include "tools/airr-bench/timestamps.h"

namespace airr::bench {
namespace {

namespace v1 = ::airr::incident::v1;

// What reporters write: a title, about 300 characters of description and the two kinds of harm
// the story implies. The texts do not name a system, because the systems come from the flags.
struct IncidentStory {
  const char* title;
  const char* description;
  v1::HarmType harms[2];
};

const IncidentStory kStories[] = {
    {"Assistant disclosed another customer's order history",
     "A customer asked the assistant about a delayed delivery and received the order history, "
     "delivery address and phone number of a different customer. The conversation log shows the "
     "retrieval step matched the wrong account after a session reuse. The affected customer has "
     "not been told yet; logs are preserved.",
     {v1::HARM_TYPE_PRIVACY, v1::HARM_TYPE_REPUTATIONAL}},
    {"Applicants from one region ranked systematically lower",
     "A recruiter noticed that applicants whose address is in one region received scores about "
     "15 points lower than comparable applicants since the last model update. A first check of "
     "200 shortlists confirms the gap. Shortlisting from the model was paused and recruiters "
     "review every application by hand.",
     {v1::HARM_TYPE_DISCRIMINATION, v1::HARM_TYPE_RIGHTS}},
    {"Loan applications declined after an unannounced feature change",
     "The decline rate for personal loans rose from 18 % to 41 % overnight. An upstream data "
     "feed changed the unit of the income field from yearly to monthly without notice, and the "
     "model received values twelve times too small. About 1,300 applicants were declined before "
     "the monitor raised an alert.",
     {v1::HARM_TYPE_FINANCIAL, v1::HARM_TYPE_DISCRIMINATION}},
    {"Legitimate card payments blocked in a wave of false alarms",
     "Between 09:10 and 09:55 the fraud model blocked about 4,800 legitimate card payments at "
     "supermarkets, most of them contactless. Customers called the hotline and posted complaints "
     "online. The rollout of the new threshold was rolled back; the affected customers will be "
     "contacted by the card team today.",
     {v1::HARM_TYPE_FINANCIAL, v1::HARM_TYPE_REPUTATIONAL}},
    {"Suggested code contained a hard-coded production credential",
     "During review an engineer found that a suggestion from the coding assistant contained what "
     "looks like a valid access key for a production storage bucket, apparently memorised from "
     "training data or an indexed repository. The key was revoked within the hour; access logs "
     "are being checked for misuse.",
     {v1::HARM_TYPE_PRIVACY, v1::HARM_TYPE_PROPERTY}},
    {"Forecast drift caused large over-orders of fresh produce",
     "After a holiday week the forecaster kept predicting holiday demand and the replenishment "
     "system ordered about three times the usual volume of fresh produce for 40 stores. Store "
     "managers noticed the deliveries; most of the surplus will be written off. Replenishment for "
     "fresh goods was switched to manual ordering.",
     {v1::HARM_TYPE_FINANCIAL, v1::HARM_TYPE_ENVIRONMENTAL}},
};

constexpr v1::DetectionSource kSources[] = {
    v1::DETECTION_SOURCE_PERSON, v1::DETECTION_SOURCE_MONITOR, v1::DETECTION_SOURCE_CUSTOMER};
constexpr v1::Severity kSeverities[] = {v1::SEVERITY_SEV2, v1::SEVERITY_SEV3, v1::SEVERITY_SEV4};

class CreateIncidentWorker final : public Worker {
 public:
  CreateIncidentWorker(const ScenarioOptions& options, const CallSettings& call,
                       const std::shared_ptr<grpc::Channel>& channel)
      : call_(call), stub_(v1::IncidentService::NewStub(channel)) {
    for (const std::string& id : options.ai_systems) {
      ai_systems_.push_back(absl::StrCat("aiSystems/", id));
    }
    (*request_.mutable_incident()->mutable_labels())["source"] = "airr-bench";
    request_.mutable_incident()->add_jurisdictions("JP");
  }

  CallOutcome Call() override {
    // One request message is reused: only what must differ per request is rewritten, so the
    // generator spends its share of the CPUs on requests, not on building them.
    v1::Incident& incident = *request_.mutable_incident();
    const IncidentStory& story = kStories[random_.Index(std::size(kStories))];
    incident.set_title(story.title);
    incident.set_description(story.description);
    incident.set_ai_system(ai_systems_[random_.Index(ai_systems_.size())]);
    incident.set_kind(random_.Uniform(0, 4) == 0 ? v1::KIND_NEAR_MISS : v1::KIND_INCIDENT);
    incident.set_severity(kSeverities[random_.Index(std::size(kSeverities))]);
    incident.set_detection_source(kSources[random_.Index(std::size(kSources))]);
    incident.clear_harm_types();
    incident.add_harm_types(story.harms[0]);
    incident.add_harm_types(story.harms[1]);
    // Detected up to two hours ago, after it began up to half an hour earlier.
    const absl::Time detect = absl::Now() - absl::Seconds(random_.Uniform(60, 7200));
    SetTimestamp(detect, incident.mutable_detect_time());
    SetTimestamp(detect - absl::Seconds(random_.Uniform(0, 1800)), incident.mutable_occur_time());
    request_.set_request_id(random_.Uuid());

    grpc::ClientContext context;
    call_.Apply(context);
    response_.Clear();
    const grpc::Status status = stub_->CreateIncident(&context, request_, &response_);
    CallOutcome outcome;
    if (!status.ok()) {
      outcome.code = StatusCodeName(status.error_code());
    } else if (response_.name().empty()) {
      outcome.code = "EMPTY_RESPONSE";
    }
    return outcome;
  }

 private:
  const CallSettings& call_;
  std::unique_ptr<v1::IncidentService::Stub> stub_;
  std::vector<std::string> ai_systems_;
  RandomSource random_;
  v1::CreateIncidentRequest request_;
  v1::Incident response_;
};

}  // namespace

std::unique_ptr<Worker> CreateIncidentScenario::NewWorker(std::shared_ptr<grpc::Channel> channel,
                                                          int /*client_index*/) {
  return std::make_unique<CreateIncidentWorker>(options_, call_, channel);
}

}  // namespace airr::bench
