// Table-driven tests of the incident rules: each case breaks one rule (or none) of a valid
// incident, create request, timeline event or lifecycle request and names every violation the
// validator must report (field path and a part of the rule), in any order.
#include "services/incident/incident_validator.h"

#include <gtest/gtest.h>

#include <functional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/message_differencer.h"
#include "libs/api/timestamps.h"
#include "tests/services/incident/rule_test_util.h"

namespace airr::incident {
namespace {

namespace v1 = ::airr::incident::v1;
using ::airr::incident::testing::CaseName;
using ::airr::incident::testing::Expected;
using ::airr::incident::testing::HasViolations;
using ::airr::incident::testing::kNow;
using ::airr::incident::testing::Raw;
using ::airr::incident::testing::RuleCase;
using ::airr::incident::testing::Ts;

std::string Repeat(const std::string& unit, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += unit;
  }
  return out;
}

// An incident that satisfies every rule and sets every caller-settable field: a personal-data
// breach detected two hours before kNow, with two harm types, one cause hint and one action.
v1::Incident ValidIncident() {
  v1::Incident i;
  i.set_title("Chatbot showed another customer's order history");
  i.set_description("A customer saw someone else's orders.\n\tReported via support.");
  i.set_ai_system("aiSystems/support-chatbot");
  i.set_kind(v1::KIND_INCIDENT);
  i.set_severity(v1::SEVERITY_SEV2);
  *i.mutable_occur_time() = Ts(kNow - absl::Hours(3));
  *i.mutable_detect_time() = Ts(kNow - absl::Hours(2));
  *i.mutable_report_time() = Ts(kNow - absl::Hours(1));
  *i.mutable_aware_time() = Ts(kNow - absl::Minutes(90));
  i.set_reporter("alice@example.com");
  i.set_owner("cs-oncall");
  i.add_harm_types(v1::HARM_TYPE_PRIVACY);
  i.add_harm_types(v1::HARM_TYPE_REPUTATIONAL);
  i.add_cause_hints(v1::CAUSE_HINT_HALLUCINATION);
  i.add_immediate_actions(v1::IMMEDIATE_ACTION_FEATURE_DISABLED);
  i.mutable_affected()->add_parties("customers");
  i.mutable_affected()->set_estimated_people(3);
  i.mutable_affected()->set_fundamental_rights_infringed(true);
  v1::PersonalData& pd = *i.mutable_personal_data();
  pd.set_involved(true);
  pd.set_breached(true);
  pd.add_breach_types(v1::BREACH_TYPE_LEAKED);
  pd.add_breach_categories(v1::BREACH_CATEGORY_FINANCIALLY_EXPLOITABLE);
  pd.set_persons_affected(3);
  *pd.mutable_breach_aware_time() = Ts(kNow - absl::Minutes(80));
  i.add_jurisdictions("JP");
  i.add_jurisdictions("EU");
  i.set_detection_source(v1::DETECTION_SOURCE_CUSTOMER);
  (*i.mutable_labels())["channel"] = "web";
  return i;
}

// Makes `i` an incident without personal data, so its times can move freely.
void NoPersonalData(v1::Incident& i) { i.clear_personal_data(); }

using IncidentCase = RuleCase<v1::Incident>;

std::vector<IncidentCase> IncidentCases() {
  using I = v1::Incident;
  const absl::Time detect = kNow - absl::Hours(2);
  return {
      {"Valid", [](I&) {}, {}},
      {"ValidMinimal",
       [](I& i) {
         i.clear_description();
         i.clear_severity();
         i.clear_occur_time();
         i.clear_report_time();
         i.clear_aware_time();
         i.clear_reporter();
         i.clear_owner();
         i.clear_harm_types();
         i.clear_cause_hints();
         i.clear_immediate_actions();
         i.clear_affected();
         i.clear_personal_data();
         i.clear_jurisdictions();
         i.clear_labels();
       },
       {}},
      {"ValidTitle200Multibyte", [](I& i) { i.set_title(Repeat("日", 200)); }, {}},
      {"ValidDescription20000", [](I& i) { i.set_description(std::string(20000, 'd')); }, {}},
      {"ValidNearMissHazardSev4",
       [](I& i) {
         i.set_kind(v1::KIND_NEAR_MISS);
         i.set_severity(v1::SEVERITY_SEV4);
       },
       {}},
      {"ValidEveryHarmType",
       [](I& i) {
         i.clear_harm_types();
         for (int h = 1; h <= 12; ++h) i.add_harm_types(static_cast<v1::HarmType>(h));
       },
       {}},
      {"ValidPersonalDataInvolvedNotBreached",
       [](I& i) {
         v1::PersonalData& pd = *i.mutable_personal_data();
         pd.clear_breached();
         pd.clear_breach_types();
         pd.clear_breach_categories();
         pd.clear_persons_affected();
         pd.clear_breach_aware_time();
       },
       {}},
      {"ValidBreachWithoutCategoriesOrTime",
       [](I& i) {
         i.mutable_personal_data()->clear_breach_categories();
         i.mutable_personal_data()->clear_breach_aware_time();
         i.mutable_personal_data()->clear_persons_affected();
       },
       {}},
      {"ValidAwareAfterReport",
       [](I& i) { *i.mutable_aware_time() = Ts(kNow - absl::Minutes(10)); },
       {}},
      {"ValidAllTimesEqualDetect",
       [detect](I& i) {
         *i.mutable_occur_time() = Ts(detect);
         *i.mutable_report_time() = Ts(detect);
         *i.mutable_aware_time() = Ts(detect);
         *i.mutable_personal_data()->mutable_breach_aware_time() = Ts(detect);
       },
       {}},
      {"ValidDetectWithinClockSkew",
       [](I& i) {
         NoPersonalData(i);
         i.clear_report_time();
         i.clear_aware_time();
         *i.mutable_detect_time() = Ts(kNow + kMaxClockSkew);
       },
       {}},
      {"ValidOldDetectTime",
       [](I& i) {
         NoPersonalData(i);
         i.clear_occur_time();
         *i.mutable_detect_time() = Raw(-62135596800, 0);  // 0001-01-01T00:00:00Z
       },
       {}},
      {"ValidEmptyReporterIsDefaultedLater", [](I& i) { i.clear_reporter(); }, {}},
      {"ValidReporterOwner200",
       [](I& i) {
         i.set_reporter(std::string(200, 'r'));
         i.set_owner(Repeat("所", 200));
       },
       {}},
      {"ValidTwentyParties",
       [](I& i) {
         for (int p = 1; p < 20; ++p) i.mutable_affected()->add_parties(absl::StrCat("p", p));
       },
       {}},

      // Text fields.
      {"TitleEmpty", [](I& i) { i.clear_title(); }, {{"incident.title", "must be 1 to 200"}}},
      {"Title201", [](I& i) { i.set_title(std::string(201, 't')); }, {{"incident.title"}}},
      {"Title201Multibyte", [](I& i) { i.set_title(Repeat("日", 201)); }, {{"incident.title"}}},
      {"TitleNewline",
       [](I& i) { i.set_title("a\nb"); },
       {{"incident.title", "control characters"}}},
      {"TitleInvalidUtf8", [](I& i) { i.set_title("\xff"); }, {{"incident.title", "valid UTF-8"}}},
      {"Description20001",
       [](I& i) { i.set_description(std::string(20001, 'd')); },
       {{"incident.description", "at most 20000"}}},
      {"DescriptionControl",
       [](I& i) { i.set_description("bell\x07"); },
       {{"incident.description", "control characters"}}},
      {"Reporter201",
       [](I& i) { i.set_reporter(std::string(201, 'r')); },
       {{"incident.reporter", "at most 200"}}},
      {"ReporterNewline", [](I& i) { i.set_reporter("a\nb"); }, {{"incident.reporter"}}},
      {"Owner201",
       [](I& i) { i.set_owner(std::string(201, 'o')); },
       {{"incident.owner", "at most 200"}}},
      {"OwnerTab", [](I& i) { i.set_owner("a\tb"); }, {{"incident.owner", "control"}}},

      // The AI system.
      {"AiSystemEmpty", [](I& i) { i.clear_ai_system(); }, {{"incident.ai_system", "is required"}}},
      {"AiSystemWrongCollection",
       [](I& i) { i.set_ai_system("systems/support-chatbot"); },
       {{"incident.ai_system", "aiSystems/{id}"}}},
      {"AiSystemBareId",
       [](I& i) { i.set_ai_system("support-chatbot"); },
       {{"incident.ai_system"}}},
      {"AiSystemBadId",
       [](I& i) { i.set_ai_system("aiSystems/Support"); },
       {{"incident.ai_system"}}},
      {"AiSystemTooManySegments",
       [](I& i) { i.set_ai_system("aiSystems/a/b"); },
       {{"incident.ai_system", "too many segments"}}},

      // Enums.
      {"KindUnspecified", [](I& i) { i.clear_kind(); }, {{"incident.kind", "is required"}}},
      {"KindUnknown99",
       [](I& i) { i.set_kind(static_cast<v1::Kind>(99)); },
       {{"incident.kind", "has unknown enum value 99"}}},
      {"SeverityUnknown99",
       [](I& i) { i.set_severity(static_cast<v1::Severity>(99)); },
       {{"incident.severity", "has unknown enum value 99"}}},
      {"SeverityNegative",
       [](I& i) { i.set_severity(static_cast<v1::Severity>(-1)); },
       {{"incident.severity", "has unknown enum value -1"}}},
      {"DetectionSourceUnspecified",
       [](I& i) { i.clear_detection_source(); },
       {{"incident.detection_source", "is required"}}},
      {"DetectionSourceUnknown99",
       [](I& i) { i.set_detection_source(static_cast<v1::DetectionSource>(99)); },
       {{"incident.detection_source", "has unknown enum value 99"}}},
      {"HarmTypeUnspecified",
       [](I& i) { i.add_harm_types(v1::HARM_TYPE_UNSPECIFIED); },
       {{"incident.harm_types[2]", "must not be unspecified"}}},
      {"HarmTypeUnknown99",
       [](I& i) { i.add_harm_types(static_cast<v1::HarmType>(99)); },
       {{"incident.harm_types[2]", "has unknown enum value 99"}}},
      {"HarmTypeDuplicate",
       [](I& i) { i.add_harm_types(v1::HARM_TYPE_PRIVACY); },
       {{"incident.harm_types[2]", "must not repeat"}}},
      {"HarmTypes21",
       [](I& i) {
         for (int n = 0; n < 19; ++n) i.add_harm_types(static_cast<v1::HarmType>(99));
       },
       {{"incident.harm_types", "at most 20 entries"}}},
      {"CauseHintUnknown99",
       [](I& i) { i.add_cause_hints(static_cast<v1::CauseHint>(99)); },
       {{"incident.cause_hints[1]", "unknown enum value 99"}}},
      {"CauseHintDuplicate",
       [](I& i) { i.add_cause_hints(v1::CAUSE_HINT_HALLUCINATION); },
       {{"incident.cause_hints[1]", "must not repeat"}}},
      {"ImmediateActionUnspecified",
       [](I& i) { i.add_immediate_actions(v1::IMMEDIATE_ACTION_UNSPECIFIED); },
       {{"incident.immediate_actions[1]", "must not be unspecified"}}},
      {"ImmediateActionDuplicate",
       [](I& i) { i.add_immediate_actions(v1::IMMEDIATE_ACTION_FEATURE_DISABLED); },
       {{"incident.immediate_actions[1]", "must not repeat"}}},

      // Jurisdictions.
      {"JurisdictionLowerCase",
       [](I& i) { i.set_jurisdictions(0, "jp"); },
       {{"incident.jurisdictions[0]", "ISO 3166-1 alpha-2"}}},
      {"JurisdictionThreeLetters",
       [](I& i) { i.add_jurisdictions("JPN"); },
       {{"incident.jurisdictions[2]"}}},
      {"JurisdictionDuplicate",
       [](I& i) { i.add_jurisdictions("EU"); },
       {{"incident.jurisdictions[2]", "must not repeat"}}},
      {"Jurisdictions51",
       [](I& i) {
         for (int n = 0; n < 49; ++n) {
           i.add_jurisdictions(
               std::string{static_cast<char>('X' + n / 26), static_cast<char>('A' + n % 26)});
         }
       },
       {{"incident.jurisdictions", "at most 50"}}},

      // Labels.
      {"LabelKeyUpperCase",
       [](I& i) { (*i.mutable_labels())["Team"] = "x"; },
       {{"incident.labels[\"Team\"]", "label key"}}},
      {"LabelValueNewline",
       [](I& i) { (*i.mutable_labels())["team"] = "a\nb"; },
       {{"incident.labels[\"team\"]"}}},
      {"Labels33",
       [](I& i) {
         for (int n = 1; n < 33; ++n) (*i.mutable_labels())[absl::StrCat("k", n)] = "v";
       },
       {{"incident.labels", "at most 32"}}},

      // Affected parties.
      {"Parties21",
       [](I& i) {
         for (int p = 1; p < 21; ++p) i.mutable_affected()->add_parties(absl::StrCat("p", p));
       },
       {{"incident.affected.parties", "at most 20 entries"}}},
      {"PartyEmpty",
       [](I& i) { i.mutable_affected()->add_parties(""); },
       {{"incident.affected.parties[1]", "must be 1 to 200"}}},
      {"Party201",
       [](I& i) { i.mutable_affected()->add_parties(std::string(201, 'p')); },
       {{"incident.affected.parties[1]"}}},
      {"PartyNewline",
       [](I& i) { i.mutable_affected()->add_parties("a\nb"); },
       {{"incident.affected.parties[1]", "control"}}},
      {"EstimatedPeopleNegative",
       [](I& i) { i.mutable_affected()->set_estimated_people(-1); },
       {{"incident.affected.estimated_people", "must not be negative"}}},
      {"DeathsNegative",
       [](I& i) { i.mutable_affected()->set_deaths(-1); },
       {{"incident.affected.deaths", "must not be negative"}}},
      {"SeriousInjuriesNegative",
       [](I& i) { i.mutable_affected()->set_serious_injuries(-2); },
       {{"incident.affected.serious_injuries", "must not be negative"}}},

      // Personal data.
      {"BreachedWithoutInvolved",
       [](I& i) { i.mutable_personal_data()->clear_involved(); },
       {{"incident.personal_data.breached", "requires personal_data.involved"}}},
      {"BreachedWithoutBreachTypes",
       [](I& i) { i.mutable_personal_data()->clear_breach_types(); },
       {{"incident.personal_data.breach_types", "at least 1 entry"}}},
      {"BreachTypeUnknown99",
       [](I& i) { i.mutable_personal_data()->add_breach_types(static_cast<v1::BreachType>(99)); },
       {{"incident.personal_data.breach_types[1]", "unknown enum value 99"}}},
      {"BreachTypeDuplicate",
       [](I& i) { i.mutable_personal_data()->add_breach_types(v1::BREACH_TYPE_LEAKED); },
       {{"incident.personal_data.breach_types[1]", "must not repeat"}}},
      {"BreachCategoryUnspecified",
       [](I& i) {
         i.mutable_personal_data()->add_breach_categories(v1::BREACH_CATEGORY_UNSPECIFIED);
       },
       {{"incident.personal_data.breach_categories[1]", "must not be unspecified"}}},
      {"PersonsAffectedNegative",
       [](I& i) { i.mutable_personal_data()->set_persons_affected(-1); },
       {{"incident.personal_data.persons_affected", "must not be negative"}}},
      {"BreachAwareBeforeDetect",
       [detect](I& i) {
         *i.mutable_personal_data()->mutable_breach_aware_time() = Ts(detect - absl::Seconds(1));
       },
       {{"incident.personal_data.breach_aware_time", "must not be before detect_time"}}},
      {"BreachAwareInFuture",
       [](I& i) {
         *i.mutable_personal_data()->mutable_breach_aware_time() = Ts(kNow + absl::Minutes(6));
       },
       {{"incident.personal_data.breach_aware_time", "must not be in the future"}}},
      {"BreachAwareInvalid",
       [](I& i) { *i.mutable_personal_data()->mutable_breach_aware_time() = Raw(0, -1); },
       {{"incident.personal_data.breach_aware_time", "must be a valid timestamp"}}},
      {"NotBreachedWithBreachDetails",
       [](I& i) { i.mutable_personal_data()->clear_breached(); },
       {{"incident.personal_data.breach_types", "unless personal_data.breached"},
        {"incident.personal_data.breach_categories", "unless personal_data.breached"},
        {"incident.personal_data.persons_affected", "must be 0 unless"},
        {"incident.personal_data.breach_aware_time", "must be unset unless"}}},
      {"NotInvolvedWithBreachTypeOnly",
       [](I& i) {
         i.clear_personal_data();
         i.mutable_personal_data()->add_breach_types(v1::BREACH_TYPE_LOST);
       },
       {{"incident.personal_data.breach_types", "unless personal_data.breached"}}},

      // Times.
      {"DetectTimeMissing",
       [](I& i) { i.clear_detect_time(); },
       {{"incident.detect_time", "is required"}}},
      {"DetectTimeInFuture",
       [](I& i) {
         NoPersonalData(i);
         i.clear_report_time();
         i.clear_aware_time();
         *i.mutable_detect_time() = Ts(kNow + kMaxClockSkew + absl::Seconds(1));
       },
       {{"incident.detect_time", "must not be in the future"}}},
      {"DetectTimeNegativeNanos",
       [](I& i) { *i.mutable_detect_time() = Raw(1767218400, -1); },
       {{"incident.detect_time", "must be a valid timestamp"}}},
      {"DetectTimeNanosTooLarge",
       [](I& i) { *i.mutable_detect_time() = Raw(1767218400, 1000000000); },
       {{"incident.detect_time", "must be a valid timestamp"}}},
      {"DetectTimeBeforeYear1",
       [](I& i) { *i.mutable_detect_time() = Raw(-62135596801, 0); },
       {{"incident.detect_time", "must be a valid timestamp"}}},
      {"DetectTimeAfterYear9999",
       [](I& i) { *i.mutable_detect_time() = Raw(253402300800, 0); },
       {{"incident.detect_time", "must be a valid timestamp"}}},
      {"OccurAfterDetect",
       [detect](I& i) { *i.mutable_occur_time() = Ts(detect + absl::Nanoseconds(1)); },
       {{"incident.occur_time", "must not be after detect_time"}}},
      {"OccurInFutureAndAfterDetect",
       [](I& i) { *i.mutable_occur_time() = Ts(kNow + absl::Hours(1)); },
       {{"incident.occur_time", "must not be in the future"},
        {"incident.occur_time", "must not be after detect_time"}}},
      {"OccurInvalid",
       [](I& i) { *i.mutable_occur_time() = Raw(0, 1000000000); },
       {{"incident.occur_time", "must be a valid timestamp"}}},
      {"ReportBeforeDetect",
       [detect](I& i) { *i.mutable_report_time() = Ts(detect - absl::Seconds(1)); },
       {{"incident.report_time", "must not be before detect_time"}}},
      {"ReportInFuture",
       [](I& i) { *i.mutable_report_time() = Ts(kNow + absl::Minutes(6)); },
       {{"incident.report_time", "must not be in the future"}}},
      {"AwareBeforeDetect",
       [detect](I& i) { *i.mutable_aware_time() = Ts(detect - absl::Seconds(1)); },
       {{"incident.aware_time", "must not be before detect_time"}}},
      {"AwareInFuture",
       [](I& i) { *i.mutable_aware_time() = Ts(kNow + absl::Minutes(6)); },
       {{"incident.aware_time", "must not be in the future"}}},
      {"InvalidDetectSkipsTheOrderingRules",
       [](I& i) {
         // Every other time is before this (invalid) detect_time's seconds.
         *i.mutable_detect_time() = Raw(1767225600, -5);
       },
       {{"incident.detect_time", "must be a valid timestamp"}}},

      // Output-only fields are ignored, never rejected.
      {"OutputOnlyIgnored",
       [](I& i) {
         i.set_name("not a name");
         i.set_state(static_cast<v1::State>(99));
         *i.mutable_triage_time() = Raw(0, -1);
         *i.mutable_close_time() = Ts(kNow + absl::Hours(100));
         i.set_resolution_summary(std::string(30000, '\x01'));
         i.set_reject_reason(static_cast<v1::RejectReason>(99));
         i.set_merged_into("garbage");
         i.set_signal_fingerprint("??");
         i.set_signal_count(-5);
         *i.mutable_create_time() = Raw(-1000000000000, 0);
         i.set_etag("garbage");
       },
       {}},

      // Several rules at once: every violation is reported.
      {"SeveralViolations",
       [](I& i) {
         i.clear_title();
         i.clear_kind();
         i.set_jurisdictions(0, "jp");
         i.mutable_affected()->set_deaths(-1);
         i.clear_detect_time();
       },
       {{"incident.title"},
        {"incident.kind"},
        {"incident.jurisdictions[0]"},
        {"incident.affected.deaths"},
        {"incident.detect_time"}}},
  };
}

class ValidateIncidentTest : public ::testing::TestWithParam<IncidentCase> {};

TEST_P(ValidateIncidentTest, ReportsExactlyTheBrokenRules) {
  v1::Incident incident = ValidIncident();
  GetParam().mutate(incident);
  EXPECT_TRUE(HasViolations(ValidateIncident(incident, "incident", kNow), GetParam().violations));
}

INSTANTIATE_TEST_SUITE_P(Rules, ValidateIncidentTest, ::testing::ValuesIn(IncidentCases()),
                         CaseName());

TEST(ValidateIncidentPrefixTest, PathsStartWithThePrefix) {
  v1::Incident incident = ValidIncident();
  incident.clear_title();
  incident.add_harm_types(v1::HARM_TYPE_PRIVACY);
  EXPECT_TRUE(HasViolations(ValidateIncident(incident, "", kNow), {{"title"}, {"harm_types[2]"}}));
  EXPECT_TRUE(HasViolations(ValidateIncident(incident, "patch", kNow),
                            {{"patch.title"}, {"patch.harm_types[2]"}}));
}

TEST(ValidateIncidentClockTest, TheFutureIsRelativeToNow) {
  // The same incident is valid for a server whose clock reads a day later, and its times are in
  // the future for one whose clock reads a day earlier.
  v1::Incident incident = ValidIncident();
  EXPECT_TRUE(HasViolations(ValidateIncident(incident, "incident", kNow + absl::Hours(24)), {}));
  EXPECT_TRUE(HasViolations(ValidateIncident(incident, "incident", kNow - absl::Hours(24)),
                            {{"incident.occur_time", "future"},
                             {"incident.detect_time", "future"},
                             {"incident.report_time", "future"},
                             {"incident.aware_time", "future"},
                             {"incident.personal_data.breach_aware_time", "future"}}));
}

using CreateCase = RuleCase<v1::CreateIncidentRequest>;

std::vector<CreateCase> CreateCases() {
  using R = v1::CreateIncidentRequest;
  return {
      {"Valid", [](R&) {}, {}},
      {"ValidNoIds",
       [](R& r) {
         r.clear_incident_id();
         r.clear_request_id();
       },
       {}},
      {"ValidUpperCaseRequestId",
       [](R& r) { r.set_request_id("7C9E6679-7425-40DE-944B-E07FC1F90AE7"); },
       {}},
      {"ValidId63Chars", [](R& r) { r.set_incident_id(std::string(63, 'a')); }, {}},
      {"IdUpperCase", [](R& r) { r.set_incident_id("Leak"); }, {{"incident_id"}}},
      {"IdStartsWithDigit", [](R& r) { r.set_incident_id("1leak"); }, {{"incident_id"}}},
      {"IdEndsWithDash", [](R& r) { r.set_incident_id("leak-"); }, {{"incident_id"}}},
      {"Id64Chars", [](R& r) { r.set_incident_id(std::string(64, 'a')); }, {{"incident_id"}}},
      {"RequestIdNotUuid", [](R& r) { r.set_request_id("retry-1"); }, {{"request_id", "UUID"}}},
      {"MissingIncident",
       [](R& r) { r.clear_incident(); },
       {{"incident.title", "must be 1 to 200"},
        {"incident.ai_system", "is required"},
        {"incident.kind", "is required"},
        {"incident.detection_source", "is required"},
        {"incident.detect_time", "is required"}}},
      {"EverythingAtOnce",
       [](R& r) {
         r.mutable_incident()->clear_title();
         r.set_incident_id("Bad");
         r.set_request_id("nope");
       },
       {{"incident.title"}, {"incident_id"}, {"request_id"}}},
  };
}

class ValidateCreateRequestTest : public ::testing::TestWithParam<CreateCase> {};

TEST_P(ValidateCreateRequestTest, ReportsExactlyTheBrokenRules) {
  v1::CreateIncidentRequest request;
  *request.mutable_incident() = ValidIncident();
  request.set_incident_id("chatbot-leak");
  request.set_request_id("7c9e6679-7425-40de-944b-e07fc1f90ae7");
  GetParam().mutate(request);
  EXPECT_TRUE(HasViolations(ValidateCreateRequest(request, kNow), GetParam().violations));
}

INSTANTIATE_TEST_SUITE_P(Rules, ValidateCreateRequestTest, ::testing::ValuesIn(CreateCases()),
                         CaseName());

// The output-only fields of Incident, per the proto's comments.
const std::vector<std::string> kOutputOnly = {"name",
                                              "state",
                                              "triage_time",
                                              "mitigation_start_time",
                                              "resolve_time",
                                              "close_time",
                                              "resolution_summary",
                                              "post_incident_review",
                                              "bcp_invoked",
                                              "reject_reason",
                                              "merged_into",
                                              "signal_fingerprint",
                                              "signal_count",
                                              "first_signal_time",
                                              "last_signal_time",
                                              "create_time",
                                              "update_time",
                                              "etag"};

// The fields a caller sets.
const std::vector<std::string> kCallerSet = {
    "title",       "description",       "ai_system",     "kind",
    "severity",    "occur_time",        "detect_time",   "report_time",
    "aware_time",  "reporter",          "owner",         "harm_types",
    "affected",    "personal_data",     "jurisdictions", "detection_source",
    "cause_hints", "immediate_actions", "labels"};

TEST(ApplyCreateDefaultsTest, EveryIncidentFieldIsClassified) {
  // A new proto field must be added to one of the lists, and to ApplyCreateDefaults when it is
  // output only.
  std::set<std::string> classified(kOutputOnly.begin(), kOutputOnly.end());
  classified.insert(kCallerSet.begin(), kCallerSet.end());
  const google::protobuf::Descriptor& d = *v1::Incident::descriptor();
  for (int f = 0; f < d.field_count(); ++f) {
    EXPECT_EQ(classified.count(d.field(f)->name()), 1u) << d.field(f)->name();
  }
  EXPECT_EQ(classified.size(), static_cast<size_t>(d.field_count()));
}

TEST(ApplyCreateDefaultsTest, ClearsOutputOnlyFieldsAndKeepsTheRest) {
  v1::Incident input = ValidIncident();
  input.set_name("incidents/x");
  input.set_state(v1::STATE_CLOSED);
  *input.mutable_triage_time() = Ts(kNow);
  *input.mutable_mitigation_start_time() = Ts(kNow);
  *input.mutable_resolve_time() = Ts(kNow);
  *input.mutable_close_time() = Ts(kNow);
  input.set_resolution_summary("s");
  input.set_post_incident_review("r");
  input.set_bcp_invoked(true);
  input.set_reject_reason(v1::REJECT_REASON_DUPLICATE);
  input.set_merged_into("incidents/y");
  input.set_signal_fingerprint("fp");
  input.set_signal_count(7);
  *input.mutable_first_signal_time() = Ts(kNow);
  *input.mutable_last_signal_time() = Ts(kNow);
  *input.mutable_create_time() = Ts(kNow);
  *input.mutable_update_time() = Ts(kNow);
  input.set_etag("W/\"3\"");

  v1::Incident got = input;
  ApplyCreateDefaults(got, kNow, "bob");

  v1::Incident expected = input;
  const google::protobuf::Reflection& reflection = *expected.GetReflection();
  for (const std::string& name : kOutputOnly) {
    reflection.ClearField(&expected, v1::Incident::descriptor()->FindFieldByName(name));
  }
  expected.set_state(v1::STATE_REPORTED);
  std::string diff;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&diff);
  EXPECT_TRUE(differencer.Compare(expected, got)) << diff;
}

TEST(ApplyCreateDefaultsTest, FillsUnsetTimesAndReporter) {
  v1::Incident incident = ValidIncident();
  incident.clear_report_time();
  incident.clear_aware_time();
  incident.clear_reporter();
  incident.mutable_personal_data()->clear_breach_aware_time();
  ApplyCreateDefaults(incident, kNow, "principals/bob");
  EXPECT_EQ(incident.state(), v1::STATE_REPORTED);
  EXPECT_EQ(incident.reporter(), "principals/bob");
  EXPECT_EQ(api::TimeFromTimestamp(incident.report_time()), kNow);
  EXPECT_EQ(api::TimeFromTimestamp(incident.aware_time()), kNow - absl::Hours(2));
  EXPECT_EQ(api::TimeFromTimestamp(incident.personal_data().breach_aware_time()),
            kNow - absl::Hours(2));
  // The defaulted incident still satisfies the rules.
  EXPECT_TRUE(HasViolations(ValidateIncident(incident, "incident", kNow), {}));
}

TEST(ApplyCreateDefaultsTest, BreachAwareDefaultsToAGivenAwareTime) {
  v1::Incident incident = ValidIncident();
  incident.mutable_personal_data()->clear_breach_aware_time();
  ApplyCreateDefaults(incident, kNow, "bob");
  EXPECT_EQ(api::TimeFromTimestamp(incident.personal_data().breach_aware_time()),
            kNow - absl::Minutes(90));
}

TEST(ApplyCreateDefaultsTest, KeepsGivenValues) {
  const v1::Incident input = ValidIncident();
  v1::Incident incident = input;
  ApplyCreateDefaults(incident, kNow, "bob");
  EXPECT_EQ(incident.reporter(), "alice@example.com");
  EXPECT_EQ(api::TimeFromTimestamp(incident.report_time()), kNow - absl::Hours(1));
  EXPECT_EQ(api::TimeFromTimestamp(incident.aware_time()), kNow - absl::Minutes(90));
  EXPECT_EQ(api::TimeFromTimestamp(incident.personal_data().breach_aware_time()),
            kNow - absl::Minutes(80));
}

TEST(ApplyCreateDefaultsTest, NoBreachAwareTimeWithoutABreach) {
  v1::Incident incident = ValidIncident();
  incident.clear_personal_data();
  incident.mutable_personal_data()->set_involved(true);
  ApplyCreateDefaults(incident, kNow, "bob");
  EXPECT_FALSE(incident.personal_data().has_breach_aware_time());
  EXPECT_TRUE(HasViolations(ValidateIncident(incident, "incident", kNow), {}));
}

TEST(ApplyCreateDefaultsTest, ReportTimeNeverPrecedesADetectTimeWithinTheSkew) {
  v1::Incident incident = ValidIncident();
  incident.clear_personal_data();
  incident.clear_report_time();
  incident.clear_aware_time();
  *incident.mutable_detect_time() = Ts(kNow + absl::Minutes(3));
  ASSERT_TRUE(HasViolations(ValidateIncident(incident, "incident", kNow), {}));
  ApplyCreateDefaults(incident, kNow, "bob");
  EXPECT_EQ(api::TimeFromTimestamp(incident.report_time()), kNow + absl::Minutes(3));
  EXPECT_TRUE(HasViolations(ValidateIncident(incident, "incident", kNow), {}));
}

using EventCase = RuleCase<v1::TimelineEvent>;

std::vector<EventCase> EventCases() {
  using E = v1::TimelineEvent;
  return {
      {"ValidNote", [](E&) {}, {}},
      {"ValidAction", [](E& e) { e.set_type(v1::TIMELINE_EVENT_TYPE_ACTION); }, {}},
      {"ValidCommunication", [](E& e) { e.set_type(v1::TIMELINE_EVENT_TYPE_COMMUNICATION); }, {}},
      {"ValidEvidence", [](E& e) { e.set_type(v1::TIMELINE_EVENT_TYPE_EVIDENCE); }, {}},
      {"ValidDecision", [](E& e) { e.set_type(v1::TIMELINE_EVENT_TYPE_DECISION); }, {}},
      {"ValidWithoutOccurTime", [](E& e) { e.clear_occur_time(); }, {}},
      {"ValidOccurTimeWithinSkew",
       [](E& e) { *e.mutable_occur_time() = Ts(kNow + kMaxClockSkew); },
       {}},
      {"ValidText10000Multiline", [](E& e) { e.set_text(std::string(9999, 'x') + "\n"); }, {}},
      {"ValidNoAttributes", [](E& e) { e.clear_attributes(); }, {}},
      {"TypeUnspecified", [](E& e) { e.clear_type(); }, {{"timeline_event.type", "is required"}}},
      {"TypeUnknown99",
       [](E& e) { e.set_type(static_cast<v1::TimelineEventType>(99)); },
       {{"timeline_event.type", "has unknown enum value 99"}}},
      {"TypeCreatedIsSystem",
       [](E& e) { e.set_type(v1::TIMELINE_EVENT_TYPE_CREATED); },
       {{"timeline_event.type",
         "only NOTE, ACTION, COMMUNICATION, EVIDENCE and DECISION can be added"}}},
      {"TextEmpty", [](E& e) { e.clear_text(); }, {{"timeline_event.text", "must be 1 to 10000"}}},
      {"Text10001", [](E& e) { e.set_text(std::string(10001, 'x')); }, {{"timeline_event.text"}}},
      {"TextControl", [](E& e) { e.set_text("a\x1b"); }, {{"timeline_event.text", "control"}}},
      {"OccurTimeInFuture",
       [](E& e) { *e.mutable_occur_time() = Ts(kNow + kMaxClockSkew + absl::Seconds(1)); },
       {{"timeline_event.occur_time", "must not be in the future"}}},
      {"OccurTimeInvalid",
       [](E& e) { *e.mutable_occur_time() = Raw(0, -1); },
       {{"timeline_event.occur_time", "must be a valid timestamp"}}},
      {"AttributeKeyBad",
       [](E& e) { (*e.mutable_attributes())["Bad Key"] = "x"; },
       {{"timeline_event.attributes[\"Bad Key\"]", "label key"}}},
      {"AttributeValueTooLong",
       [](E& e) { (*e.mutable_attributes())["ticket"] = std::string(201, 'v'); },
       {{"timeline_event.attributes[\"ticket\"]"}}},
      {"OutputOnlyIgnored",
       [](E& e) {
         e.set_name("garbage");
         *e.mutable_create_time() = Raw(0, -1);
         e.set_actor(std::string(1000, '\x01'));
         e.set_from_state(static_cast<v1::State>(99));
         e.set_to_state(static_cast<v1::State>(99));
       },
       {}},
  };
}

class ValidateTimelineEventTest : public ::testing::TestWithParam<EventCase> {};

TEST_P(ValidateTimelineEventTest, ReportsExactlyTheBrokenRules) {
  v1::TimelineEvent event;
  event.set_type(v1::TIMELINE_EVENT_TYPE_NOTE);
  event.set_text("Called the vendor; they are rolling back the prompt template.");
  *event.mutable_occur_time() = Ts(kNow - absl::Minutes(5));
  (*event.mutable_attributes())["ticket"] = "CS-1234";
  GetParam().mutate(event);
  EXPECT_TRUE(
      HasViolations(ValidateTimelineEvent(event, "timeline_event", kNow), GetParam().violations));
}

INSTANTIATE_TEST_SUITE_P(Rules, ValidateTimelineEventTest, ::testing::ValuesIn(EventCases()),
                         CaseName());

TEST(ValidateTimelineEventTypeTest, EverySystemTypeIsRefused) {
  for (int type = v1::TIMELINE_EVENT_TYPE_CREATED; type <= v1::TIMELINE_EVENT_TYPE_MERGED_FROM;
       ++type) {
    ASSERT_TRUE(v1::TimelineEventType_IsValid(type));
    v1::TimelineEvent event;
    event.set_type(static_cast<v1::TimelineEventType>(type));
    event.set_text("x");
    EXPECT_TRUE(
        HasViolations(ValidateTimelineEvent(event, "", kNow), {{"type", "only NOTE, ACTION"}}))
        << type;
  }
}

// The lifecycle requests: one table per request type, each case a mutation of a valid request.

v1::TriageIncidentRequest ValidTriage() {
  v1::TriageIncidentRequest r;
  r.set_name("incidents/chatbot-leak");
  r.set_severity(v1::SEVERITY_SEV2);
  r.set_owner("cs-oncall");
  r.set_comment("Personal data leaked:\nSEV2.");
  return r;
}

class ValidateTriageTest : public ::testing::TestWithParam<RuleCase<v1::TriageIncidentRequest>> {};

TEST_P(ValidateTriageTest, ReportsExactlyTheBrokenRules) {
  v1::TriageIncidentRequest request = ValidTriage();
  GetParam().mutate(request);
  EXPECT_TRUE(HasViolations(ValidateTriage(request), GetParam().violations));
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ValidateTriageTest,
    ::testing::ValuesIn(std::vector<RuleCase<v1::TriageIncidentRequest>>{
        {"Valid", [](auto&) {}, {}},
        {"ValidWithKind", [](auto& r) { r.set_kind(v1::KIND_HAZARD); }, {}},
        {"ValidNoComment", [](auto& r) { r.clear_comment(); }, {}},
        {"ValidComment2000", [](auto& r) { r.set_comment(std::string(2000, 'c')); }, {}},
        {"SeverityMissing", [](auto& r) { r.clear_severity(); }, {{"severity", "is required"}}},
        {"SeverityUnknown",
         [](auto& r) { r.set_severity(static_cast<v1::Severity>(99)); },
         {{"severity", "has unknown enum value 99"}}},
        {"OwnerMissing", [](auto& r) { r.clear_owner(); }, {{"owner", "must be 1 to 200"}}},
        {"Owner201", [](auto& r) { r.set_owner(std::string(201, 'o')); }, {{"owner"}}},
        {"OwnerNewline", [](auto& r) { r.set_owner("a\nb"); }, {{"owner", "control"}}},
        {"KindUnknown",
         [](auto& r) { r.set_kind(static_cast<v1::Kind>(99)); },
         {{"kind", "has unknown enum value 99"}}},
        {"Comment2001",
         [](auto& r) { r.set_comment(std::string(2001, 'c')); },
         {{"comment", "at most 2000"}}},
        {"AllAtOnce",
         [](auto& r) {
           r.clear_severity();
           r.clear_owner();
           r.set_kind(static_cast<v1::Kind>(-3));
         },
         {{"severity"}, {"owner"}, {"kind"}}},
    }),
    CaseName());

class ValidateRejectTest : public ::testing::TestWithParam<RuleCase<v1::RejectIncidentRequest>> {};

TEST_P(ValidateRejectTest, ReportsExactlyTheBrokenRules) {
  v1::RejectIncidentRequest request;
  request.set_name("incidents/chatbot-leak");
  request.set_reason(v1::REJECT_REASON_NOT_AN_AI_INCIDENT);
  request.set_comment("A plain database bug.");
  GetParam().mutate(request);
  EXPECT_TRUE(HasViolations(ValidateReject(request), GetParam().violations));
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ValidateRejectTest,
    ::testing::ValuesIn(std::vector<RuleCase<v1::RejectIncidentRequest>>{
        {"Valid", [](auto&) {}, {}},
        {"ValidNoComment", [](auto& r) { r.clear_comment(); }, {}},
        {"ReasonMissing", [](auto& r) { r.clear_reason(); }, {{"reason", "is required"}}},
        {"ReasonUnknown",
         [](auto& r) { r.set_reason(static_cast<v1::RejectReason>(99)); },
         {{"reason", "has unknown enum value 99"}}},
        {"Comment2001",
         [](auto& r) { r.set_comment(std::string(2001, 'c')); },
         {{"comment", "at most 2000"}}},
    }),
    CaseName());

class ValidateMergeTest : public ::testing::TestWithParam<RuleCase<v1::MergeIncidentRequest>> {};

TEST_P(ValidateMergeTest, ReportsExactlyTheBrokenRules) {
  v1::MergeIncidentRequest request;
  request.set_name("incidents/chatbot-leak-2");
  request.set_into("incidents/chatbot-leak");
  request.set_comment("Same leak, reported twice.");
  GetParam().mutate(request);
  EXPECT_TRUE(HasViolations(ValidateMerge(request), GetParam().violations));
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ValidateMergeTest,
    ::testing::ValuesIn(std::vector<RuleCase<v1::MergeIncidentRequest>>{
        {"Valid", [](auto&) {}, {}},
        {"ValidUuidInto",
         [](auto& r) { r.set_into("incidents/7c9e6679-7425-40de-944b-e07fc1f90ae7"); },
         {}},
        {"IntoMissing", [](auto& r) { r.clear_into(); }, {{"into", "is required"}}},
        {"IntoWrongCollection",
         [](auto& r) { r.set_into("aiSystems/chatbot-leak"); },
         {{"into", "incidents/{id}"}}},
        {"IntoItself",
         [](auto& r) { r.set_into(r.name()); },
         {{"into", "cannot be merged into itself"}}},
        {"Comment2001",
         [](auto& r) { r.set_comment(std::string(2001, 'c')); },
         {{"comment", "at most 2000"}}},
    }),
    CaseName());

// The requests whose only rule is one text field's length.
struct TextRuleCase {
  std::string name;
  std::function<absl::Status(const std::string&)> validate;
  std::string field;
  size_t min_chars;
  size_t max_chars;
};

void PrintTo(const TextRuleCase& c, std::ostream* os) { *os << c.name; }

class TextRuleTest : public ::testing::TestWithParam<TextRuleCase> {};

TEST_P(TextRuleTest, EnforcesTheLengthAndAllowsLines) {
  const TextRuleCase& c = GetParam();
  EXPECT_TRUE(HasViolations(c.validate(std::string(c.max_chars, 'x')), {}));
  EXPECT_TRUE(HasViolations(c.validate("line one\nline two"), {}));
  EXPECT_TRUE(HasViolations(c.validate(std::string(c.max_chars + 1, 'x')), {{c.field}}));
  EXPECT_TRUE(HasViolations(c.validate("nul\x01"), {{c.field, "control"}}));
  if (c.min_chars == 0) {
    EXPECT_TRUE(HasViolations(c.validate(""), {}));
  } else {
    EXPECT_TRUE(HasViolations(c.validate(""), {{c.field, "must be 1 to"}}));
  }
}

INSTANTIATE_TEST_SUITE_P(Requests, TextRuleTest,
                         ::testing::Values(TextRuleCase{"StartMitigationComment",
                                                        [](const std::string& text) {
                                                          v1::StartMitigationRequest r;
                                                          r.set_comment(text);
                                                          return ValidateStartMitigation(r);
                                                        },
                                                        "comment", 0, 2000},
                                           TextRuleCase{"ResolutionSummary",
                                                        [](const std::string& text) {
                                                          v1::ResolveIncidentRequest r;
                                                          r.set_resolution_summary(text);
                                                          return ValidateResolve(r);
                                                        },
                                                        "resolution_summary", 1, 10000},
                                           TextRuleCase{"PostIncidentReview",
                                                        [](const std::string& text) {
                                                          v1::CloseIncidentRequest r;
                                                          r.set_post_incident_review(text);
                                                          return ValidateClose(r);
                                                        },
                                                        "post_incident_review", 1, 20000},
                                           TextRuleCase{"ReopenReason",
                                                        [](const std::string& text) {
                                                          v1::ReopenIncidentRequest r;
                                                          r.set_reason(text);
                                                          return ValidateReopen(r);
                                                        },
                                                        "reason", 1, 2000},
                                           TextRuleCase{"TriageComment",
                                                        [](const std::string& text) {
                                                          v1::TriageIncidentRequest r =
                                                              ValidTriage();
                                                          r.set_comment(text);
                                                          return ValidateTriage(r);
                                                        },
                                                        "comment", 0, 2000},
                                           TextRuleCase{"RejectComment",
                                                        [](const std::string& text) {
                                                          v1::RejectIncidentRequest r;
                                                          r.set_reason(v1::REJECT_REASON_DUPLICATE);
                                                          r.set_comment(text);
                                                          return ValidateReject(r);
                                                        },
                                                        "comment", 0, 2000},
                                           TextRuleCase{"MergeComment",
                                                        [](const std::string& text) {
                                                          v1::MergeIncidentRequest r;
                                                          r.set_name("incidents/a");
                                                          r.set_into("incidents/b");
                                                          r.set_comment(text);
                                                          return ValidateMerge(r);
                                                        },
                                                        "comment", 0, 2000}),
                         CaseName());

}  // namespace
}  // namespace airr::incident
