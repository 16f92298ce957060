// Table-driven tests of the signal batch rules: each case breaks one rule (or none) of a valid
// batch and names every violation the validator must report; plus the fingerprint alphabet and
// the bound on the number of reported violations.
#include "services/incident/signal_validator.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "libs/api/timestamps.h"
#include "services/incident/incident_validator.h"
#include "tests/services/incident/rule_test_util.h"

namespace airr::incident {
namespace {

namespace v1 = ::airr::incident::v1;
using ::airr::incident::testing::CaseName;
using ::airr::incident::testing::Expected;
using ::airr::incident::testing::HasViolations;
using ::airr::incident::testing::kNow;
using ::airr::incident::testing::RuleCase;
using ::airr::incident::testing::Ts;

v1::Signal ValidSignal(int n) {
  v1::Signal s;
  s.set_source("guardrail/chat-prod");
  s.set_ai_system("aiSystems/support-chatbot");
  s.set_kind(v1::SIGNAL_KIND_PRIVACY);
  s.set_fingerprint(absl::StrCat("pii.email:chat-prod/", n));
  s.set_severity_hint(v1::SEVERITY_SEV3);
  (*s.mutable_attributes())["rule"] = "email";
  *s.mutable_observe_time() = Ts(kNow - absl::Minutes(n + 1));
  s.set_summary("E-mail address in a chatbot answer");
  return s;
}

v1::SignalBatch ValidBatch() {
  v1::SignalBatch b;
  b.set_batch_id("0b5e8f4e-2f7a-4c1e-9d51-3f0f2a9c6b11");
  *b.add_signals() = ValidSignal(0);
  *b.add_signals() = ValidSignal(1);
  return b;
}

using BatchCase = RuleCase<v1::SignalBatch>;

// The second signal, where the per-signal cases break their rule.
v1::Signal& S1(v1::SignalBatch& b) { return *b.mutable_signals(1); }

std::vector<BatchCase> BatchCases() {
  using B = v1::SignalBatch;
  return {
      {"Valid", [](B&) {}, {}},
      {"ValidMinimalSignal",
       [](B& b) {
         S1(b).clear_severity_hint();
         S1(b).clear_attributes();
         S1(b).clear_summary();
       },
       {}},
      {"ValidUpperCaseBatchId",
       [](B& b) { b.set_batch_id("0B5E8F4E-2F7A-4C1E-9D51-3F0F2A9C6B11"); },
       {}},
      {"Valid1000Signals",
       [](B& b) {
         for (int n = 2; n < 1000; ++n) *b.add_signals() = ValidSignal(n % 100);
       },
       {}},
      {"ValidObserveWithinSkew",
       [](B& b) { *S1(b).mutable_observe_time() = Ts(kNow + kMaxClockSkew); },
       {}},
      {"ValidObserveExactly30DaysAgo",
       [](B& b) { *S1(b).mutable_observe_time() = Ts(kNow - kMaxSignalAge); },
       {}},
      {"ValidSummary200", [](B& b) { S1(b).set_summary(std::string(200, 's')); }, {}},
      {"ValidSource200", [](B& b) { S1(b).set_source(std::string(200, 's')); }, {}},

      // The batch.
      {"BatchIdMissing", [](B& b) { b.clear_batch_id(); }, {{"batch.batch_id", "is required"}}},
      {"BatchIdNotUuid", [](B& b) { b.set_batch_id("batch-1"); }, {{"batch.batch_id", "UUID"}}},
      {"NoSignals",
       [](B& b) { b.clear_signals(); },
       {{"batch.signals", "must have 1 to 1000 signals (got 0)"}}},
      {"Signals1001AreNotLookedAt",
       [](B& b) {
         for (int n = 2; n < 1001; ++n) *b.add_signals() = v1::Signal();
       },
       {{"batch.signals", "must have 1 to 1000 signals (got 1001)"}}},

      // Each field of a signal.
      {"SourceEmpty",
       [](B& b) { S1(b).clear_source(); },
       {{"batch.signals[1].source", "must be 1 to 200"}}},
      {"Source201",
       [](B& b) { S1(b).set_source(std::string(201, 's')); },
       {{"batch.signals[1].source"}}},
      {"SourceNewline",
       [](B& b) { S1(b).set_source("a\nb"); },
       {{"batch.signals[1].source", "control"}}},
      {"AiSystemEmpty",
       [](B& b) { S1(b).clear_ai_system(); },
       {{"batch.signals[1].ai_system", "is required"}}},
      {"AiSystemMalformed",
       [](B& b) { S1(b).set_ai_system("incidents/support-chatbot"); },
       {{"batch.signals[1].ai_system", "aiSystems/{id}"}}},
      {"KindMissing", [](B& b) { S1(b).clear_kind(); }, {{"batch.signals[1].kind", "is required"}}},
      {"KindUnknown",
       [](B& b) { S1(b).set_kind(static_cast<v1::SignalKind>(99)); },
       {{"batch.signals[1].kind", "has unknown enum value 99"}}},
      {"FingerprintMissing",
       [](B& b) { S1(b).clear_fingerprint(); },
       {{"batch.signals[1].fingerprint", "1 to 128 characters"}}},
      {"FingerprintBadCharacter",
       [](B& b) { S1(b).set_fingerprint("pii email"); },
       {{"batch.signals[1].fingerprint"}}},
      {"SeverityHintUnknown",
       [](B& b) { S1(b).set_severity_hint(static_cast<v1::Severity>(99)); },
       {{"batch.signals[1].severity_hint", "has unknown enum value 99"}}},
      {"AttributeKeyBad",
       [](B& b) { (*S1(b).mutable_attributes())["Rule"] = "x"; },
       {{"batch.signals[1].attributes[\"Rule\"]", "label key"}}},
      {"ObserveTimeMissing",
       [](B& b) { S1(b).clear_observe_time(); },
       {{"batch.signals[1].observe_time", "is required"}}},
      {"ObserveTimeInFuture",
       [](B& b) { *S1(b).mutable_observe_time() = Ts(kNow + kMaxClockSkew + absl::Seconds(1)); },
       {{"batch.signals[1].observe_time", "must not be in the future"}}},
      {"ObserveTimeTooOld",
       [](B& b) { *S1(b).mutable_observe_time() = Ts(kNow - kMaxSignalAge - absl::Seconds(1)); },
       {{"batch.signals[1].observe_time", "must not be more than 30 days old"}}},
      {"ObserveTimeInvalid",
       [](B& b) { S1(b).mutable_observe_time()->set_nanos(-1); },
       {{"batch.signals[1].observe_time", "must be a valid timestamp"}}},
      {"Summary201",
       [](B& b) { S1(b).set_summary(std::string(201, 's')); },
       {{"batch.signals[1].summary", "at most 200"}}},
      {"SummaryNewline",
       [](B& b) { S1(b).set_summary("a\nb"); },
       {{"batch.signals[1].summary", "control"}}},

      // Every violation of every signal is reported.
      {"SeveralSignals",
       [](B& b) {
         b.mutable_signals(0)->clear_source();
         S1(b).clear_kind();
         S1(b).set_fingerprint("-x");
       },
       {{"batch.signals[0].source"}, {"batch.signals[1].kind"}, {"batch.signals[1].fingerprint"}}},
  };
}

class ValidateSignalBatchTest : public ::testing::TestWithParam<BatchCase> {};

TEST_P(ValidateSignalBatchTest, ReportsExactlyTheBrokenRules) {
  v1::SignalBatch batch = ValidBatch();
  GetParam().mutate(batch);
  EXPECT_TRUE(HasViolations(ValidateSignalBatch(batch, "batch", kNow), GetParam().violations));
}

INSTANTIATE_TEST_SUITE_P(Rules, ValidateSignalBatchTest, ::testing::ValuesIn(BatchCases()),
                         CaseName());

TEST(ValidateSignalBatchPrefixTest, PathsStartWithThePrefix) {
  v1::SignalBatch batch = ValidBatch();
  batch.clear_batch_id();
  batch.mutable_signals(0)->clear_source();
  EXPECT_TRUE(
      HasViolations(ValidateSignalBatch(batch, "", kNow), {{"batch_id"}, {"signals[0].source"}}));
}

TEST(ValidateSignalBatchBoundTest, ReportsOnlyTheFirstViolations) {
  // 1000 signals with two broken rules each, and a bad batch id first.
  v1::SignalBatch batch;
  batch.set_batch_id("nope");
  for (int n = 0; n < 1000; ++n) {
    v1::Signal& s = *batch.add_signals() = ValidSignal(0);
    s.clear_source();
    s.clear_kind();
  }
  const absl::Status status = ValidateSignalBatch(batch, "batch", kNow);
  ASSERT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  const std::vector<FieldViolation> violations = FieldViolations(status);
  ASSERT_EQ(violations.size(), kMaxReportedSignalViolations);
  EXPECT_EQ(violations.front().field, "batch.batch_id");
  EXPECT_EQ(violations[1].field, "batch.signals[0].source");
  EXPECT_EQ(violations[2].field, "batch.signals[0].kind");
  // 1 + 2 * 49 = 99, so the 100th is the first of signal 49's.
  EXPECT_EQ(violations.back().field, "batch.signals[49].source");
}

struct FingerprintCase {
  std::string fingerprint;
  bool valid;
};

void PrintTo(const FingerprintCase& c, std::ostream* os) { *os << "\"" << c.fingerprint << "\""; }

class IsValidFingerprintTest : public ::testing::TestWithParam<FingerprintCase> {};

TEST_P(IsValidFingerprintTest, MatchesTheAlphabet) {
  EXPECT_EQ(IsValidFingerprint(GetParam().fingerprint), GetParam().valid)
      << "\"" << GetParam().fingerprint << "\"";
}

INSTANTIATE_TEST_SUITE_P(
    Cases, IsValidFingerprintTest,
    ::testing::Values(
        FingerprintCase{"a", true}, FingerprintCase{"Z", true}, FingerprintCase{"7", true},
        FingerprintCase{"guardrail/chat-prod:pii.email+v2=1_x", true},
        FingerprintCase{"sha256=AbC+/9", true}, FingerprintCase{std::string(128, 'f'), true},
        FingerprintCase{"", false}, FingerprintCase{std::string(129, 'f'), false},
        FingerprintCase{"-a", false}, FingerprintCase{".a", false}, FingerprintCase{"_a", false},
        FingerprintCase{"/a", false}, FingerprintCase{"a b", false}, FingerprintCase{"a\n", false},
        FingerprintCase{"a#", false}, FingerprintCase{"a*", false}, FingerprintCase{"a,b", false},
        FingerprintCase{"caf\xc3\xa9", false}, FingerprintCase{std::string("a\0b", 3), false}));

}  // namespace
}  // namespace airr::incident
