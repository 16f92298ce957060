// Tests of the result formats: the JSON object (member order, escaping, items only for
// scenarios that have them, errors by code) and the table (one row per run, failures listed).
#include "tools/airr-bench/report.h"

#include <limits>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace airr::bench {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

RunResult SampleResult() {
  RunResult r;
  r.scenario = "ingest_signals";
  r.item_unit = "signals";
  r.clients = 4;
  r.measured = absl::Seconds(2);
  r.requests = 11;
  r.ok = 10;
  r.items = 10000;
  for (int i = 1; i <= 10; ++i) {
    r.latency_ns.Record(i * 1000000);  // 1 to 10 ms
  }
  r.errors["DEADLINE_EXCEEDED"] = 1;
  r.client_cpu_seconds = 0.25;
  return r;
}

TEST(JsonObjectTest, PrintsMembersInOrderWithEscapes) {
  JsonObject inner;
  inner.Add("b", int64_t{2});
  JsonObject json;
  json.Add("z", "quote \" backslash \\ newline \n ctrl \x01")
      .Add("a", 1.5, 3)
      .Add("nan", std::numeric_limits<double>::quiet_NaN(), 1)
      .Add("flag", true)
      .Add("inner", inner)
      .Add("list", std::vector<JsonObject>{inner, JsonObject()})
      .Add("none", std::vector<JsonObject>{});
  EXPECT_EQ(json.ToString(),
            "{\n"
            "  \"z\": \"quote \\\" backslash \\\\ newline \\n ctrl \\u0001\",\n"
            "  \"a\": 1.500,\n"
            "  \"nan\": null,\n"
            "  \"flag\": true,\n"
            "  \"inner\": {\n"
            "    \"b\": 2\n"
            "  },\n"
            "  \"list\": [\n"
            "    {\n"
            "      \"b\": 2\n"
            "    },\n"
            "    {}\n"
            "  ],\n"
            "  \"none\": []\n"
            "}");
}

TEST(ResultToJsonTest, HasEveryFigure) {
  JsonObject settings;
  settings.Add("channels", "per-client");
  const std::string json = ResultToJson(SampleResult(), settings).ToString();
  EXPECT_THAT(json, HasSubstr("\"scenario\": \"ingest_signals\""));
  EXPECT_THAT(json, HasSubstr("\"clients\": 4"));
  EXPECT_THAT(json, HasSubstr("\"duration_seconds\": 2.000"));
  EXPECT_THAT(json, HasSubstr("\"requests\": 11"));
  EXPECT_THAT(json, HasSubstr("\"failed\": 1"));
  EXPECT_THAT(json, HasSubstr("\"throughput_rps\": 5.0"));
  EXPECT_THAT(json, HasSubstr("\"signals\": 10000"));
  EXPECT_THAT(json, HasSubstr("\"signals_per_second\": 5000.0"));
  // 5 ms lies in a bucket 32.768 µs wide, reported by its midpoint (within 1/256).
  EXPECT_THAT(json, HasSubstr("\"p50\": 4.997"));
  EXPECT_THAT(json, HasSubstr("\"max\": 10.000"));
  EXPECT_THAT(json, HasSubstr("\"DEADLINE_EXCEEDED\": 1"));
  EXPECT_THAT(json, HasSubstr("\"client_cpu_seconds\": 0.250"));
  EXPECT_THAT(json, HasSubstr("\"channels\": \"per-client\""));
}

TEST(ResultToJsonTest, PlainRequestsHaveNoItems) {
  RunResult r = SampleResult();
  r.item_unit = "";
  EXPECT_THAT(ResultToJson(r, JsonObject()).ToString(), Not(HasSubstr("per_second")));
}

TEST(FormatTableTest, OneRowPerRunAndTheFailures) {
  RunResult create = SampleResult();
  create.scenario = "create_incident";
  create.item_unit = "";
  create.errors.clear();
  create.requests = create.ok;
  const std::string table = FormatTable({create, SampleResult()});
  EXPECT_THAT(table, HasSubstr("p99.9 ms"));
  EXPECT_THAT(table, HasSubstr("create_incident"));
  EXPECT_THAT(table, HasSubstr("5000"));  // signals/s of the second run
  EXPECT_THAT(table, HasSubstr("ingest_signals x4: failed DEADLINE_EXCEEDED 1"));
  EXPECT_THAT(table, Not(HasSubstr("create_incident x4: failed")));
}

}  // namespace
}  // namespace airr::bench
