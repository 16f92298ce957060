// Tests of the violation request rules (every field of LinkViolation, the confirm note, the
// unlink reason) and of the violation state machine (confirm only PROPOSED and only by someone
// other than the assessor; unlink anything not yet unlinked).
#include "services/report/violation_validator.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "libs/api/timestamps.h"
#include "libs/common/errors.h"
#include "services/report/violation_lifecycle.h"

namespace airr::report {
namespace {

const absl::Time kNow = absl::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z

std::string Fields(const absl::Status& status) {
  std::vector<std::string> fields;
  for (const auto& v : FieldViolations(status)) {
    fields.push_back(v.field);
  }
  return absl::StrJoin(fields, ",");
}

v1::LinkViolationRequest ValidLink() {
  v1::LinkViolationRequest r;
  r.set_parent("incidents/hiring-1");
  v1::Violation* v = r.mutable_violation();
  v->set_principle("principles/C03.1");
  v->set_rationale("The screening model ranked women lower.\nSee the audit.");
  v->add_evidence_refs("JIRA-123");
  v->set_confidence(v1::CONFIDENCE_HIGH);
  v->set_suggestion_rule("suggestionRules/harm-discrimination-bias");
  return r;
}

TEST(ValidateLinkViolationTest, ValidRequestsPass) {
  EXPECT_TRUE(ValidateLinkViolation(ValidLink()).ok());
  v1::LinkViolationRequest r = ValidLink();
  r.mutable_violation()->clear_suggestion_rule();
  r.mutable_violation()->clear_evidence_refs();
  r.mutable_violation()->set_principle("principles/ADV02");
  // Output-only fields are ignored.
  r.mutable_violation()->set_state(v1::VIOLATION_STATE_CONFIRMED);
  r.mutable_violation()->set_assessor("someone else");
  EXPECT_TRUE(ValidateLinkViolation(r).ok());
}

TEST(ValidateLinkViolationTest, EachBadField) {
  struct Case {
    std::string name;
    std::function<void(v1::Violation&)> breakit;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"no principle", [](v1::Violation& v) { v.clear_principle(); }, "violation.principle"},
      {"principle of another collection",
       [](v1::Violation& v) { v.set_principle("policyPrinciples/C03.1"); }, "violation.principle"},
      {"lower-case principle id", [](v1::Violation& v) { v.set_principle("principles/c03.1"); },
       "violation.principle"},
      {"two-digit sub-item", [](v1::Violation& v) { v.set_principle("principles/C03.12"); },
       "violation.principle"},
      {"bare id", [](v1::Violation& v) { v.set_principle("C03.1"); }, "violation.principle"},
      {"no rationale", [](v1::Violation& v) { v.clear_rationale(); }, "violation.rationale"},
      {"rationale too long", [](v1::Violation& v) { v.set_rationale(std::string(4001, 'x')); },
       "violation.rationale"},
      {"rationale with NUL", [](v1::Violation& v) { v.set_rationale(std::string("a\0b", 3)); },
       "violation.rationale"},
      {"empty evidence ref", [](v1::Violation& v) { v.add_evidence_refs(""); },
       "violation.evidence_refs[1]"},
      {"multi-line evidence ref", [](v1::Violation& v) { v.add_evidence_refs("a\nb"); },
       "violation.evidence_refs[1]"},
      {"evidence ref too long",
       [](v1::Violation& v) { v.add_evidence_refs(std::string(501, 'r')); },
       "violation.evidence_refs[1]"},
      {"too many evidence refs",
       [](v1::Violation& v) {
         for (int i = 0; i < 20; ++i) v.add_evidence_refs("ref");
       },
       "violation.evidence_refs"},
      {"no confidence", [](v1::Violation& v) { v.clear_confidence(); }, "violation.confidence"},
      {"unknown confidence",
       [](v1::Violation& v) { v.set_confidence(static_cast<v1::Confidence>(9)); },
       "violation.confidence"},
      {"bad suggestion rule",
       [](v1::Violation& v) { v.set_suggestion_rule("suggestionRules/Bad_Rule"); },
       "violation.suggestion_rule"},
      {"rule of another collection",
       [](v1::Violation& v) { v.set_suggestion_rule("principles/C03.1"); },
       "violation.suggestion_rule"},
  };
  for (const Case& c : cases) {
    v1::LinkViolationRequest r = ValidLink();
    c.breakit(*r.mutable_violation());
    const absl::Status status = ValidateLinkViolation(r);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << c.name;
    EXPECT_EQ(Fields(status), c.field) << c.name << ": " << status;
  }
}

TEST(ValidateLinkViolationTest, ReportsEveryViolationAtOnce) {
  v1::LinkViolationRequest r;
  EXPECT_EQ(Fields(ValidateLinkViolation(r)),
            "violation.principle,violation.rationale,violation.confidence");
}

TEST(ValidateConfirmAndUnlinkTest, Limits) {
  v1::ConfirmViolationRequest confirm;
  EXPECT_TRUE(ValidateConfirmViolation(confirm).ok());  // the note is optional
  confirm.set_note(std::string(2000, 'n'));
  EXPECT_TRUE(ValidateConfirmViolation(confirm).ok());
  confirm.set_note(std::string(2001, 'n'));
  EXPECT_EQ(Fields(ValidateConfirmViolation(confirm)), "note");

  v1::UnlinkViolationRequest unlink;
  EXPECT_EQ(Fields(ValidateUnlinkViolation(unlink)), "reason");  // required
  unlink.set_reason("Linked to the wrong incident.\nSee ticket.");
  EXPECT_TRUE(ValidateUnlinkViolation(unlink).ok());
  unlink.set_reason(std::string(2001, 'r'));
  EXPECT_EQ(Fields(ValidateUnlinkViolation(unlink)), "reason");
}

ViolationRecord Proposed() {
  ViolationRecord r;
  r.incident_id = "hiring-1";
  r.id = "v1";
  r.violation.set_name("incidents/hiring-1/violations/v1");
  r.violation.set_state(v1::VIOLATION_STATE_PROPOSED);
  r.violation.set_assessor("alice (p-alice)");
  r.assessor_id = "p-alice";
  return r;
}

TEST(ViolationLifecycleTest, ConfirmByAnotherPerson) {
  ViolationRecord r = Proposed();
  ASSERT_TRUE(ApplyConfirm(r, "bob (p-bob)", "p-bob", "agreed", kNow).ok());
  EXPECT_EQ(r.violation.state(), v1::VIOLATION_STATE_CONFIRMED);
  EXPECT_EQ(r.violation.confirmer(), "bob (p-bob)");
  EXPECT_EQ(r.confirmer_id, "p-bob");
  EXPECT_EQ(r.violation.confirm_note(), "agreed");
  EXPECT_EQ(api::TimeFromTimestamp(r.violation.confirm_time()), kNow);
}

TEST(ViolationLifecycleTest, ConfirmRefusals) {
  ViolationRecord same = Proposed();
  const absl::Status s = ApplyConfirm(same, "alice (p-alice)", "p-alice", "", kNow);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ErrorReason(s), "SAME_PERSON");
  EXPECT_EQ(same.violation.state(), v1::VIOLATION_STATE_PROPOSED);
  EXPECT_FALSE(same.violation.has_confirm_time());

  for (v1::ViolationState state : {v1::VIOLATION_STATE_CONFIRMED, v1::VIOLATION_STATE_UNLINKED,
                                   v1::VIOLATION_STATE_UNSPECIFIED}) {
    ViolationRecord r = Proposed();
    r.violation.set_state(state);
    const absl::Status status = ApplyConfirm(r, "bob (p-bob)", "p-bob", "", kNow);
    EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition) << state;
    EXPECT_EQ(ErrorReason(status), "INVALID_STATE") << state;
    EXPECT_EQ(r.violation.state(), state);
  }
}

TEST(ViolationLifecycleTest, Unlink) {
  for (v1::ViolationState state : {v1::VIOLATION_STATE_PROPOSED, v1::VIOLATION_STATE_CONFIRMED}) {
    ViolationRecord r = Proposed();
    r.violation.set_state(state);
    // The assessor may withdraw their own link: no four-eyes rule on unlinking.
    ASSERT_TRUE(ApplyUnlink(r, "alice (p-alice)", "wrong incident", kNow).ok()) << state;
    EXPECT_EQ(r.violation.state(), v1::VIOLATION_STATE_UNLINKED);
    EXPECT_EQ(r.violation.unlinked_by(), "alice (p-alice)");
    EXPECT_EQ(r.violation.unlink_reason(), "wrong incident");
    EXPECT_EQ(api::TimeFromTimestamp(r.violation.unlink_time()), kNow);
  }
  ViolationRecord r = Proposed();
  r.violation.set_state(v1::VIOLATION_STATE_UNLINKED);
  const absl::Status status = ApplyUnlink(r, "bob (p-bob)", "again", kNow);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ErrorReason(status), "INVALID_STATE");
  EXPECT_TRUE(r.violation.unlinked_by().empty());
}

}  // namespace
}  // namespace airr::report
