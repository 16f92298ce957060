// Unit tests of reading monitor signals as JSON Lines (short forms, default source, the number of
// a bad line) and cutting them into batches.
#include "tools/airr/signal_lines.h"

#include <set>
#include <sstream>

#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"
#include "libs/api/validation.h"
#include "libs/common/uuid.h"

namespace airr::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::SizeIs;
using ::testing::UnorderedElementsAre;

namespace pb = ::airr::incident::v1;

TEST(ParseSignalLineTest, ReadsProtobufJson) {
  absl::StatusOr<pb::Signal> signal = ParseSignalLine(
      R"({"source":"guardrail/chat","aiSystem":"aiSystems/x","kind":"SIGNAL_KIND_ABUSE",)"
      R"("fingerprint":"pi-001","observeTime":"2026-11-23T10:00:00Z","summary":"Injection",)"
      R"("attributes":{"rule":"r7"},"severity_hint":"SEVERITY_SEV3"})",
      "default/source");
  ASSERT_TRUE(signal.ok()) << signal.status();
  EXPECT_EQ(signal->source(), "guardrail/chat");
  EXPECT_EQ(signal->ai_system(), "aiSystems/x");
  EXPECT_EQ(signal->kind(), pb::SIGNAL_KIND_ABUSE);
  EXPECT_EQ(signal->fingerprint(), "pi-001");
  EXPECT_EQ(google::protobuf::util::TimeUtil::ToString(signal->observe_time()),
            "2026-11-23T10:00:00Z");
  EXPECT_EQ(signal->summary(), "Injection");
  EXPECT_THAT(signal->attributes(), UnorderedElementsAre(Pair("rule", "r7")));
  EXPECT_EQ(signal->severity_hint(), pb::SEVERITY_SEV3);
}

TEST(ParseSignalLineTest, AcceptsShortFormsAndFillsTheSource) {
  absl::StatusOr<pb::Signal> signal = ParseSignalLine(
      R"({"ai_system":"x","kind":"Drift","severityHint":"sev1","fingerprint":"d"})", "mon/a");
  ASSERT_TRUE(signal.ok()) << signal.status();
  EXPECT_EQ(signal->ai_system(), "aiSystems/x");
  EXPECT_EQ(signal->kind(), pb::SIGNAL_KIND_DRIFT);
  EXPECT_EQ(signal->severity_hint(), pb::SEVERITY_SEV1);
  EXPECT_EQ(signal->source(), "mon/a");
  absl::StatusOr<pb::Signal> no_default = ParseSignalLine(R"({"kind":"bias"})", "");
  ASSERT_TRUE(no_default.ok());
  EXPECT_EQ(no_default->source(), "");
}

TEST(ParseSignalLineTest, RejectsWhatIsNotASignal) {
  EXPECT_EQ(ParseSignalLine("[1]", "").status().message(), "not a JSON object");
  EXPECT_EQ(ParseSignalLine("{\"kind\":", "").status().message(), "not a JSON object");
  EXPECT_THAT(ParseSignalLine(R"({"colour":"red"})", "").status().message(),
              HasSubstr("not a JSON Signal"));
  EXPECT_THAT(ParseSignalLine(R"({"observeTime":"noon"})", "").status().message(),
              HasSubstr("not a JSON Signal"));
  EXPECT_EQ(ParseSignalLine(R"({"kind":"loud"})", "").status().message(),
            "kind: unknown value \"loud\"; allowed: guardrail, drift, bias, abuse, performance, "
            "privacy, other");
}

TEST(ParseSignalLinesTest, SkipsBlankLinesAndNamesTheBadLine) {
  std::istringstream good("{\"kind\":\"abuse\"}\n\n   \n{\"kind\":\"bias\"}");
  absl::StatusOr<std::vector<pb::Signal>> signals = ParseSignalLines(good, "", "stdin");
  ASSERT_TRUE(signals.ok()) << signals.status();
  ASSERT_THAT(*signals, SizeIs(2));
  EXPECT_EQ((*signals)[1].kind(), pb::SIGNAL_KIND_BIAS);

  std::istringstream bad("{\"kind\":\"abuse\"}\n\n{\"kind\":\"abuse\", \"x\": 1}\n{oops\n");
  absl::StatusOr<std::vector<pb::Signal>> failed = ParseSignalLines(bad, "", "stdin");
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(failed.status().message(), HasSubstr("stdin line 3: not a JSON Signal"));

  std::istringstream empty("");
  absl::StatusOr<std::vector<pb::Signal>> none = ParseSignalLines(empty, "", "stdin");
  ASSERT_TRUE(none.ok());
  EXPECT_THAT(*none, IsEmpty());
}

TEST(MakeSignalBatchesTest, CutsInOrderWithFreshIds) {
  std::vector<pb::Signal> signals(5);
  for (size_t i = 0; i < signals.size(); ++i) {
    signals[i].set_fingerprint(std::to_string(i));
  }
  const std::vector<pb::SignalBatch> batches = MakeSignalBatches(signals, 2);
  ASSERT_THAT(batches, SizeIs(3));
  EXPECT_THAT(batches[0].signals(), SizeIs(2));
  EXPECT_EQ(batches[1].signals(1).fingerprint(), "3");
  EXPECT_THAT(batches[2].signals(), SizeIs(1));
  std::set<std::string> ids;
  for (const pb::SignalBatch& batch : batches) {
    EXPECT_TRUE(api::IsCanonicalUuid(batch.batch_id(), false));
    ids.insert(batch.batch_id());
  }
  EXPECT_THAT(ids, SizeIs(3));
  EXPECT_THAT(MakeSignalBatches(signals, 500), SizeIs(1));
  EXPECT_THAT(MakeSignalBatches({}, 500), IsEmpty());
}

}  // namespace
}  // namespace airr::cli
