// Tests of the incident allow-lists against the API: every field the proto's comments promise for
// filter, order_by and update_mask is accepted (and maps to its column), and nothing else is.
#include "services/incident/incident_fields.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "airr/incident/v1/incident_service.pb.h"
#include "google/protobuf/field_mask.pb.h"
#include "google/protobuf/util/field_mask_util.h"
#include "libs/api/field_mask.h"

namespace airr::incident {
namespace {

namespace v1 = ::airr::incident::v1;

struct FilterCase {
  std::string filter;
  std::string column;  // the column the SQL must use
};

void PrintTo(const FilterCase& c, std::ostream* os) { *os << c.filter; }

class IncidentFilterTest : public ::testing::TestWithParam<FilterCase> {};

TEST_P(IncidentFilterTest, TranslatesToTheColumn) {
  const auto clause = api::TranslateFilter(GetParam().filter, IncidentFilterFields(), 1);
  ASSERT_TRUE(clause.ok()) << clause.status();
  EXPECT_TRUE(absl::StrContains(clause->sql, GetParam().column)) << clause->sql;
}

// One comparison per field listed in ListIncidentsRequest.filter's comment.
INSTANTIATE_TEST_SUITE_P(
    EveryDocumentedField, IncidentFilterTest,
    ::testing::Values(FilterCase{"state = TRIAGED", "state"},
                      FilterCase{"kind = NEAR_MISS", "kind"},
                      FilterCase{"severity = SEV1", "severity"},
                      FilterCase{"ai_system = \"aiSystems/support-chatbot\"", "ai_system"},
                      FilterCase{"reporter = alice", "reporter"},
                      FilterCase{"owner = \"cs-oncall\"", "owner"},
                      FilterCase{"detection_source = MONITOR", "detection_source"},
                      FilterCase{"harm_types:PRIVACY", "harm_types"},
                      FilterCase{"cause_hints:PROMPT_INJECTION", "cause_hints"},
                      FilterCase{"immediate_actions:KILL_SWITCH", "immediate_actions"},
                      FilterCase{"jurisdictions:EU", "jurisdictions"},
                      FilterCase{"personal_data.breached = true", "personal_data_breached"},
                      FilterCase{"signal_fingerprint = \"pii.email\"", "signal_fingerprint"},
                      FilterCase{"occur_time < \"2026-01-01T00:00:00Z\"", "occur_time"},
                      FilterCase{"detect_time >= \"2026-01-01T00:00:00Z\"", "detect_time"},
                      FilterCase{"report_time > \"2026-01-01T00:00:00+09:00\"", "report_time"},
                      FilterCase{"aware_time <= \"2026-01-01T00:00:00Z\"", "aware_time"},
                      FilterCase{"create_time != \"2026-01-01T00:00:00Z\"", "create_time"},
                      FilterCase{"update_time > \"2026-01-01T00:00:00Z\"", "update_time"},
                      FilterCase{"labels.team = cs", "labels"},
                      // The example of the proto comment.
                      FilterCase{"state = TRIAGED AND severity = SEV1 AND harm_types:PRIVACY AND "
                                 "detect_time >= \"2026-01-01T00:00:00Z\"",
                                 "detect_time"}));

TEST(IncidentFilterFieldsTest, RefusesUndocumentedFieldsAndBadValues) {
  for (const char* filter :
       {"title = x", "description = x", "etag = x", "id = x", "ai_system_id = x",
        "personal_data_breached = true", "state = OPEN", "harm_types:NOPE", "severity:SEV9",
        "harm_types = PRIVACY", "detect_time > yesterday"}) {
    EXPECT_EQ(api::TranslateFilter(filter, IncidentFilterFields(), 1).status().code(),
              absl::StatusCode::kInvalidArgument)
        << filter;
  }
}

TEST(IncidentSortFieldsTest, AcceptsTheDocumentedFieldsBothWays) {
  for (const char* field :
       {"detect_time", "report_time", "create_time", "update_time", "severity", "title"}) {
    for (const char* direction : {"", " asc", " desc"}) {
      const std::string order_by = std::string(field) + direction;
      const auto order = api::ParseOrderBy(order_by, IncidentSortFields(), kIncidentDefaultOrder);
      ASSERT_TRUE(order.ok()) << order_by << ": " << order.status();
      EXPECT_EQ(order->field->name, field);
      EXPECT_EQ(order->desc, std::string(direction) == " desc");
    }
  }
  EXPECT_EQ(IncidentSortFields().size(), 6u);
}

TEST(IncidentSortFieldsTest, DefaultIsNewestDetectionFirst) {
  const auto order = api::ParseOrderBy("", IncidentSortFields(), kIncidentDefaultOrder);
  ASSERT_TRUE(order.ok()) << order.status();
  EXPECT_EQ(order->field->name, "detect_time");
  EXPECT_TRUE(order->desc);
}

TEST(IncidentSortFieldsTest, RefusesOtherFields) {
  for (const char* order_by : {"occur_time", "state", "owner", "name", "labels"}) {
    EXPECT_EQ(
        api::ParseOrderBy(order_by, IncidentSortFields(), kIncidentDefaultOrder).status().code(),
        absl::StatusCode::kInvalidArgument)
        << order_by;
  }
}

google::protobuf::FieldMask Mask(const std::string& path) {
  google::protobuf::FieldMask mask;
  mask.add_paths(path);
  return mask;
}

TEST(IncidentUpdatableFieldsTest, EveryPathIsAFieldOfIncident) {
  for (const std::string& path : IncidentUpdatableFields()) {
    EXPECT_TRUE(google::protobuf::util::FieldMaskUtil::GetFieldDescriptors(
        v1::Incident::descriptor(), path, nullptr))
        << path;
    const auto paths =
        api::ResolveUpdateMask(Mask(path), IncidentUpdatableFields(), v1::Incident());
    EXPECT_TRUE(paths.ok()) << path << ": " << paths.status();
  }
  const auto all = api::ResolveUpdateMask(Mask("*"), IncidentUpdatableFields(), v1::Incident());
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(*all, IncidentUpdatableFields());
}

TEST(IncidentUpdatableFieldsTest, CoversTheDocumentedFieldsAndTheirParts) {
  std::vector<std::string> want = {
      "title",         "description",      "ai_system",   "kind",
      "occur_time",    "detect_time",      "report_time", "aware_time",
      "reporter",      "harm_types",       "affected",    "personal_data",
      "jurisdictions", "detection_source", "cause_hints", "immediate_actions",
      "labels"};
  for (const auto* message : {v1::AffectedParties::descriptor(), v1::PersonalData::descriptor()}) {
    const std::string parent =
        message == v1::AffectedParties::descriptor() ? "affected" : "personal_data";
    for (int f = 0; f < message->field_count(); ++f) {
      want.push_back(parent + "." + message->field(f)->name());
    }
  }
  std::vector<std::string> got = IncidentUpdatableFields();
  std::sort(want.begin(), want.end());
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, want);
}

TEST(IncidentUpdatableFieldsTest, RefusesLifecycleAndOutputOnlyFields) {
  for (const char* path : {"state", "severity", "owner", "name", "etag", "triage_time",
                           "resolution_summary", "merged_into", "signal_count", "create_time"}) {
    EXPECT_EQ(api::ResolveUpdateMask(Mask(path), IncidentUpdatableFields(), v1::Incident())
                  .status()
                  .code(),
              absl::StatusCode::kInvalidArgument)
        << path;
  }
}

}  // namespace
}  // namespace airr::incident
