// Table-driven tests of the mitigation rules: each case breaks one rule (or none) of a valid
// create, list or lifecycle request and names exactly the field paths the validator must report.
#include "services/report/mitigation_validator.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "libs/api/timestamps.h"
#include "tests/testing/status_assertions.h"

namespace airr::report {
namespace {

using ::airr::testing::ViolatedFields;

const absl::Time kNow = absl::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z

v1::CreateMitigationRequest ValidCreate() {
  v1::CreateMitigationRequest r;
  r.set_parent("incidents/chat-leak");
  r.set_mitigation_id("add-output-filter");
  r.set_request_id("3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c");
  v1::Mitigation& m = *r.mutable_mitigation();
  m.set_violation("incidents/chat-leak/violations/privacy");
  m.set_kind(v1::MITIGATION_KIND_CORRECTION);
  m.set_title("Filter personal data from answers");
  m.set_description("Add an output filter.\n\tThen a regression test.");
  m.set_owner("ml-platform");
  *m.mutable_due_time() = api::TimestampFromTime(kNow + absl::Hours(72));
  return r;
}

struct CreateCase {
  std::string name;
  std::function<void(v1::CreateMitigationRequest&)> change;
  std::vector<std::string> fields;  // empty: valid
};

class CreateRules : public ::testing::TestWithParam<CreateCase> {};

TEST_P(CreateRules, ReportsExactlyTheBrokenFields) {
  v1::CreateMitigationRequest request = ValidCreate();
  GetParam().change(request);
  const absl::Status status = ValidateCreateMitigation(request);
  if (GetParam().fields.empty()) {
    EXPECT_TRUE(status.ok()) << status;
  } else {
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << status;
    EXPECT_EQ(ViolatedFields(status), GetParam().fields) << status;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Mitigation, CreateRules,
    ::testing::ValuesIn(std::vector<CreateCase>{
        {"Valid", [](auto&) {}, {}},
        {"MinimalValid",
         [](auto& r) {
           r.clear_mitigation_id();
           r.clear_request_id();
           r.mutable_mitigation()->clear_violation();
           r.mutable_mitigation()->clear_description();
         },
         {}},
        {"PastDueTimeIsBackfill",
         [](auto& r) {
           *r.mutable_mitigation()->mutable_due_time() =
               api::TimestampFromTime(kNow - absl::Hours(24 * 365));
         },
         {}},
        {"UuidIncident",
         [](auto& r) {
           r.set_parent("incidents/7c9e6679-7425-40de-944b-e07fc1f90ae7");
           r.mutable_mitigation()->set_violation(
               "incidents/7c9e6679-7425-40de-944b-e07fc1f90ae7/violations/v1");
         },
         {}},
        {"EmptyParent", [](auto& r) { r.clear_parent(); }, {"parent"}},
        {"ParentOfAnotherCollection",
         [](auto& r) { r.set_parent("aiSystems/chat-leak"); },
         {"parent"}},
        {"WildcardParent", [](auto& r) { r.set_parent("incidents/-"); }, {"parent"}},
        {"BadMitigationId", [](auto& r) { r.set_mitigation_id("Bad_Id"); }, {"mitigation_id"}},
        {"MitigationIdEndsWithHyphen",
         [](auto& r) { r.set_mitigation_id("filter-"); },
         {"mitigation_id"}},
        {"BadRequestId", [](auto& r) { r.set_request_id("not-a-uuid"); }, {"request_id"}},
        {"MissingKind", [](auto& r) { r.mutable_mitigation()->clear_kind(); }, {"mitigation.kind"}},
        {"UnknownKind",
         [](auto& r) { r.mutable_mitigation()->set_kind(static_cast<v1::MitigationKind>(99)); },
         {"mitigation.kind"}},
        {"EmptyTitle",
         [](auto& r) { r.mutable_mitigation()->clear_title(); },
         {"mitigation.title"}},
        {"TitleTooLong",
         [](auto& r) { r.mutable_mitigation()->set_title(std::string(201, 'x')); },
         {"mitigation.title"}},
        {"TitleOf200IsFine",
         [](auto& r) { r.mutable_mitigation()->set_title(std::string(200, 'x')); },
         {}},
        {"MultilineTitle",
         [](auto& r) { r.mutable_mitigation()->set_title("two\nlines"); },
         {"mitigation.title"}},
        {"DescriptionTooLong",
         [](auto& r) { r.mutable_mitigation()->set_description(std::string(4001, 'x')); },
         {"mitigation.description"}},
        {"DescriptionOf4000IsFine",
         [](auto& r) { r.mutable_mitigation()->set_description(std::string(4000, 'x')); },
         {}},
        {"DescriptionNotUtf8",
         [](auto& r) { r.mutable_mitigation()->set_description("bad \xff byte"); },
         {"mitigation.description"}},
        {"EmptyOwner",
         [](auto& r) { r.mutable_mitigation()->clear_owner(); },
         {"mitigation.owner"}},
        {"OwnerTooLong",
         [](auto& r) { r.mutable_mitigation()->set_owner(std::string(201, 'o')); },
         {"mitigation.owner"}},
        {"MissingDueTime",
         [](auto& r) { r.mutable_mitigation()->clear_due_time(); },
         {"mitigation.due_time"}},
        {"InvalidDueTime",
         [](auto& r) { r.mutable_mitigation()->mutable_due_time()->set_nanos(-1); },
         {"mitigation.due_time"}},
        {"DueTimeBeyondYear9999",
         [](auto& r) { r.mutable_mitigation()->mutable_due_time()->set_seconds(253402300800); },
         {"mitigation.due_time"}},
        {"ViolationOfAnotherIncident",
         [](auto& r) {
           r.mutable_mitigation()->set_violation("incidents/other-incident/violations/privacy");
         },
         {"mitigation.violation"}},
        {"ViolationNotAViolationName",
         [](auto& r) {
           r.mutable_mitigation()->set_violation("incidents/chat-leak/mitigations/privacy");
         },
         {"mitigation.violation"}},
        {"ViolationWithBadId",
         [](auto& r) { r.mutable_mitigation()->set_violation("incidents/chat-leak/violations/X"); },
         {"mitigation.violation"}},
        {"OutputOnlyFieldsAreIgnored",
         [](auto& r) {
           r.mutable_mitigation()->set_name("whatever");
           r.mutable_mitigation()->set_state(v1::MITIGATION_STATE_VERIFIED);
           r.mutable_mitigation()->set_completed_by("someone");
           r.mutable_mitigation()->set_etag("junk");
         },
         {}},
        {"EverythingWrongAtOnce",
         [](auto& r) {
           r.set_parent("bad");
           r.set_request_id("x");
           r.mutable_mitigation()->clear_kind();
           r.mutable_mitigation()->clear_title();
           r.mutable_mitigation()->clear_owner();
           r.mutable_mitigation()->clear_due_time();
         },
         {"parent", "request_id", "mitigation.kind", "mitigation.title", "mitigation.owner",
          "mitigation.due_time"}},
    }),
    [](const ::testing::TestParamInfo<CreateCase>& param) { return param.param.name; });

struct ListCase {
  std::string name;
  std::function<void(v1::ListMitigationsRequest&)> change;
  std::vector<std::string> fields;
};

class ListRules : public ::testing::TestWithParam<ListCase> {};

TEST_P(ListRules, ReportsExactlyTheBrokenFields) {
  v1::ListMitigationsRequest request;
  request.set_parent("incidents/-");
  request.add_states(v1::MITIGATION_STATE_PLANNED);
  request.set_owner("ml-platform");
  GetParam().change(request);
  const absl::Status status = ValidateListMitigations(request);
  if (GetParam().fields.empty()) {
    EXPECT_TRUE(status.ok()) << status;
  } else {
    EXPECT_EQ(ViolatedFields(status), GetParam().fields) << status;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Mitigation, ListRules,
    ::testing::ValuesIn(std::vector<ListCase>{
        {"AnyIncident", [](auto&) {}, {}},
        {"OneIncident", [](auto& r) { r.set_parent("incidents/chat-leak"); }, {}},
        {"BadParent", [](auto& r) { r.set_parent("incidents"); }, {"parent"}},
        {"NegativePageSize", [](auto& r) { r.set_page_size(-1); }, {"page_size"}},
        {"UnspecifiedState",
         [](auto& r) { r.add_states(v1::MITIGATION_STATE_UNSPECIFIED); },
         {"states[1]"}},
        {"UnknownState",
         [](auto& r) { r.add_states(static_cast<v1::MitigationState>(42)); },
         {"states[1]"}},
        {"RepeatedState",
         [](auto& r) { r.add_states(v1::MITIGATION_STATE_PLANNED); },
         {"states[1]"}},
        {"OwnerTooLong", [](auto& r) { r.set_owner(std::string(201, 'o')); }, {"owner"}},
    }),
    [](const ::testing::TestParamInfo<ListCase>& param) { return param.param.name; });

TEST(LifecycleRequests, RequireTheirText) {
  v1::CompleteMitigationRequest complete;
  EXPECT_EQ(ViolatedFields(ValidateCompleteMitigation(complete)), std::vector<std::string>{"note"});
  complete.set_note("Deployed the filter.\nAdded a test.");
  EXPECT_TRUE(ValidateCompleteMitigation(complete).ok());
  complete.set_note(std::string(4001, 'n'));
  EXPECT_EQ(ViolatedFields(ValidateCompleteMitigation(complete)), std::vector<std::string>{"note"});

  v1::VerifyMitigationRequest verify;
  EXPECT_EQ(ViolatedFields(ValidateVerifyMitigation(verify)), std::vector<std::string>{"method"});
  verify.set_method("Re-ran the red-team prompts");
  EXPECT_TRUE(ValidateVerifyMitigation(verify).ok());
  verify.set_method(std::string(2001, 'm'));
  EXPECT_EQ(ViolatedFields(ValidateVerifyMitigation(verify)), std::vector<std::string>{"method"});

  v1::CancelMitigationRequest cancel;
  EXPECT_EQ(ViolatedFields(ValidateCancelMitigation(cancel)), std::vector<std::string>{"reason"});
  cancel.set_reason("Superseded by a model rollback");
  EXPECT_TRUE(ValidateCancelMitigation(cancel).ok());
  cancel.set_reason("bad \x01 control");
  EXPECT_EQ(ViolatedFields(ValidateCancelMitigation(cancel)), std::vector<std::string>{"reason"});
}

TEST(ViolationIdOf, TakesTheLastSegment) {
  EXPECT_EQ(ViolationIdOf("incidents/a/violations/b"), "b");
  EXPECT_EQ(ViolationIdOf(""), "");
}

}  // namespace
}  // namespace airr::report
