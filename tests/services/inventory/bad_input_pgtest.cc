// Bad input through the real server: every case of the table must be answered INVALID_ARGUMENT
// with a BadRequest naming exactly the offending field, and the whole table must write nothing
// (no AI system, audit row or outbox event) in either tenant involved.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <climits>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/services/inventory/inventory_test_util.h"

namespace airr::inventory::testing {
namespace {

std::string Repeat(const std::string& unit, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += unit;
  }
  return out;
}

// Flips one character in the middle of a base64url token to another base64url character.
std::string Tampered(std::string token) {
  char& c = token[token.size() / 2];
  c = c == 'A' ? 'B' : 'A';
  return token;
}

// What the cases work against: a tenant with a few systems, a token of another tenant, and page
// tokens issued for various queries.
struct World {
  Client* client = nullptr;
  std::string live_name;      // a live system of the tenant
  std::string live_etag;      // its current etag
  std::string dead_name;      // a soft-deleted system (for Undelete)
  std::string token;          // next_page_token of List(page_size=1) with no filter/order
  std::string filter_token;   // ... of filter "risk_tier = MEDIUM"
  std::string order_token;    // ... of order_by "display_name desc"
  std::string deleted_token;  // ... of show_deleted = true
  std::string foreign_token;  // ... of the same query by another tenant
};

using Call = std::function<absl::Status(World&)>;

struct BadInputCase {
  std::string name;
  Call call;
  std::string field;
};

// Builders for the calls of the table.
Call CreateWith(std::function<void(v1::AiSystem&)> mutate) {
  return [mutate](World& w) {
    v1::AiSystem s = InventoryEnv::ValidSystem("Bad input");
    mutate(s);
    return w.client->Create(s).status();
  };
}
Call CreateRequest(std::function<void(v1::CreateAiSystemRequest&)> mutate) {
  return [mutate](World& w) {
    v1::CreateAiSystemRequest r;
    *r.mutable_ai_system() = InventoryEnv::ValidSystem("Bad input");
    mutate(r);
    return w.client->Create(r).status();
  };
}
Call UpdateWith(std::function<void(v1::AiSystem&)> mutate, std::vector<std::string> paths) {
  return [mutate, paths](World& w) {
    v1::AiSystem patch = InventoryEnv::ValidSystem("Patched");
    patch.set_name(w.live_name);
    mutate(patch);
    return w.client->Update(patch, paths).status();
  };
}
Call GetName(std::string name) {
  return [name](World& w) { return w.client->Get(name).status(); };
}
Call DeleteName(std::string name) {
  return [name](World& w) { return w.client->Delete(name).status(); };
}
Call DeleteLiveWithEtag(std::string etag) {
  return [etag](World& w) { return w.client->Delete(w.live_name, etag).status(); };
}
Call UndeleteName(std::string name) {
  return [name](World& w) { return w.client->Undelete(name).status(); };
}
Call UndeleteDeadWithEtag(std::string etag) {
  return [etag](World& w) { return w.client->Undelete(w.dead_name, etag).status(); };
}
Call ListWith(std::function<void(v1::ListAiSystemsRequest&, const World&)> mutate) {
  return [mutate](World& w) {
    v1::ListAiSystemsRequest r;
    mutate(r, w);
    return w.client->List(r).status();
  };
}
Call Filter(std::string filter) {
  return ListWith([filter](v1::ListAiSystemsRequest& r, const World&) { r.set_filter(filter); });
}
Call OrderBy(std::string order_by) {
  return ListWith(
      [order_by](v1::ListAiSystemsRequest& r, const World&) { r.set_order_by(order_by); });
}
Call PageToken(std::function<std::string(const World&)> token) {
  return ListWith([token](v1::ListAiSystemsRequest& r, const World& w) {
    r.set_page_size(1);
    r.set_page_token(token(w));
  });
}

std::vector<BadInputCase> Cases() {
  using S = v1::AiSystem;
  const std::string kDisplayName = "ai_system.display_name";
  return {
      // Text of the system.
      {"DisplayNameEmpty", CreateWith([](S& s) { s.clear_display_name(); }), kDisplayName},
      {"DisplayName201Ascii", CreateWith([](S& s) { s.set_display_name(std::string(201, 'x')); }),
       kDisplayName},
      {"DisplayName201Multibyte", CreateWith([](S& s) { s.set_display_name(Repeat("é", 201)); }),
       kDisplayName},
      {"DisplayNameNul", CreateWith([](S& s) { s.set_display_name(std::string("a\0b", 3)); }),
       kDisplayName},
      {"DisplayNameEscape", CreateWith([](S& s) { s.set_display_name("a\x1b[31m"); }),
       kDisplayName},
      {"DisplayNameNewline", CreateWith([](S& s) { s.set_display_name("two\nlines"); }),
       kDisplayName},
      {"DisplayNameC1", CreateWith([](S& s) { s.set_display_name("a\xc2\x9b"); }), kDisplayName},
      {"OwnerEmpty", CreateWith([](S& s) { s.clear_owner(); }), "ai_system.owner"},
      {"Owner201", CreateWith([](S& s) { s.set_owner(std::string(201, 'o')); }), "ai_system.owner"},
      {"DescriptionNul", CreateWith([](S& s) { s.set_description(std::string("\0", 1)); }),
       "ai_system.description"},
      {"DescriptionTooLong", CreateWith([](S& s) { s.set_description(std::string(10001, 'd')); }),
       "ai_system.description"},
      {"UpstreamModelEmpty", CreateWith([](S& s) { s.add_upstream_models(""); }),
       "ai_system.upstream_models[0]"},

      // Enums.
      {"LifecycleStage99",
       CreateWith([](S& s) { s.set_lifecycle_stage(static_cast<v1::LifecycleStage>(99)); }),
       "ai_system.lifecycle_stage"},
      {"ModelType99", CreateWith([](S& s) { s.set_model_type(static_cast<v1::ModelType>(99)); }),
       "ai_system.model_type"},
      {"RiskTier99", CreateWith([](S& s) { s.set_risk_tier(static_cast<v1::RiskTier>(99)); }),
       "ai_system.risk_tier"},
      {"HumanOversight99",
       CreateWith([](S& s) { s.set_human_oversight(static_cast<v1::HumanOversight>(99)); }),
       "ai_system.human_oversight"},
      {"ActorRole99", CreateWith([](S& s) { s.add_actor_roles(static_cast<v1::ActorRole>(99)); }),
       "ai_system.actor_roles[1]"},
      {"DataCategory99",
       CreateWith([](S& s) { s.add_data_categories(static_cast<v1::DataCategory>(99)); }),
       "ai_system.data_categories[1]"},
      {"EuCategory99", CreateWith([](S& s) {
         s.add_jurisdictions("EU");
         s.mutable_eu_ai_act()->set_category(static_cast<v1::EuRiskCategory>(99));
       }),
       "ai_system.eu_ai_act.category"},
      {"LifecycleStageMissing", CreateWith([](S& s) { s.clear_lifecycle_stage(); }),
       "ai_system.lifecycle_stage"},
      {"ModelTypeMissing", CreateWith([](S& s) { s.clear_model_type(); }), "ai_system.model_type"},
      {"RiskTierMissing", CreateWith([](S& s) { s.clear_risk_tier(); }), "ai_system.risk_tier"},
      {"HumanOversightMissing", CreateWith([](S& s) { s.clear_human_oversight(); }),
       "ai_system.human_oversight"},
      {"ActorRolesMissing", CreateWith([](S& s) { s.clear_actor_roles(); }),
       "ai_system.actor_roles"},
      {"DataCategoriesMissing", CreateWith([](S& s) { s.clear_data_categories(); }),
       "ai_system.data_categories"},
      {"DataCategoryNoneNotAlone",
       CreateWith([](S& s) { s.add_data_categories(v1::DATA_CATEGORY_NONE); }),
       "ai_system.data_categories"},

      // Jurisdictions and the EU classification.
      {"JurisdictionsMissing", CreateWith([](S& s) { s.clear_jurisdictions(); }),
       "ai_system.jurisdictions"},
      {"JurisdictionLowerCase", CreateWith([](S& s) { s.set_jurisdictions(0, "jp"); }),
       "ai_system.jurisdictions[0]"},
      {"JurisdictionRepeated", CreateWith([](S& s) { s.add_jurisdictions("JP"); }),
       "ai_system.jurisdictions[1]"},
      {"EuWithoutClassification", CreateWith([](S& s) { s.add_jurisdictions("EU"); }),
       "ai_system.eu_ai_act.category"},
      {"MemberStateWithoutClassification", CreateWith([](S& s) { s.set_jurisdictions(0, "IT"); }),
       "ai_system.eu_ai_act.category"},
      {"ClassificationWithoutEu",
       CreateWith([](S& s) { s.mutable_eu_ai_act()->set_category(v1::EU_RISK_CATEGORY_MINIMAL); }),
       "ai_system.eu_ai_act"},
      {"HighRiskWithoutArea", CreateWith([](S& s) {
         s.add_jurisdictions("EU");
         s.mutable_eu_ai_act()->set_category(v1::EU_RISK_CATEGORY_HIGH_RISK);
       }),
       "ai_system.eu_ai_act.high_risk_area"},

      // Labels.
      {"LabelKeyUpperCase", CreateWith([](S& s) { (*s.mutable_labels())["Team"] = "x"; }),
       "ai_system.labels[\"Team\"]"},
      {"LabelKeyEmpty", CreateWith([](S& s) { (*s.mutable_labels())[""] = "x"; }),
       "ai_system.labels[\"\"]"},
      {"LabelKeyDigitFirst", CreateWith([](S& s) { (*s.mutable_labels())["9lives"] = "x"; }),
       "ai_system.labels[\"9lives\"]"},
      {"LabelKeySpace", CreateWith([](S& s) { (*s.mutable_labels())["a b"] = "x"; }),
       "ai_system.labels[\"a b\"]"},
      {"LabelValueTooLong",
       CreateWith([](S& s) { (*s.mutable_labels())["team"] = std::string(201, 'v'); }),
       "ai_system.labels[\"team\"]"},
      {"Labels33", CreateWith([](S& s) {
         for (int i = 0; i < 32; ++i) (*s.mutable_labels())[absl::StrCat("k", i)] = "v";
       }),
       "ai_system.labels"},

      // The other fields of CreateAiSystemRequest.
      {"IdUpperCase", CreateRequest([](auto& r) { r.set_ai_system_id("Chatbot"); }),
       "ai_system_id"},
      {"IdTooLong", CreateRequest([](auto& r) { r.set_ai_system_id(std::string(64, 'a')); }),
       "ai_system_id"},
      {"IdDigitFirst", CreateRequest([](auto& r) { r.set_ai_system_id("1bot"); }), "ai_system_id"},
      {"IdWithSlash", CreateRequest([](auto& r) { r.set_ai_system_id("a/b"); }), "ai_system_id"},
      {"IdIsAUuid",
       CreateRequest([](auto& r) { r.set_ai_system_id("6f1c2b9e-3d4a-4c8e-9b7a-0e5d2f1a3c47"); }),
       "ai_system_id"},
      {"RequestIdNotUuid", CreateRequest([](auto& r) { r.set_request_id("retry-1"); }),
       "request_id"},
      {"RequestIdTruncated",
       CreateRequest([](auto& r) { r.set_request_id("6f1c2b9e-3d4a-4c8e-9b7a-0e5d2f1a3c4"); }),
       "request_id"},
      {"RequestIdSqlish",
       CreateRequest([](auto& r) { r.set_request_id("'; DROP TABLE ai_systems; --"); }),
       "request_id"},

      // Malformed names.
      {"GetEmptyName", GetName(""), "name"},
      {"GetCollectionOnly", GetName("aiSystems/"), "name"},
      {"GetOtherCollection", GetName("foo/x"), "name"},
      {"GetUpperCaseId", GetName("aiSystems/UPPER"), "name"},
      {"GetTooManySegments", GetName("aiSystems/a/b"), "name"},
      {"GetIdTooLong", GetName(absl::StrCat("aiSystems/", std::string(64, 'a'))), "name"},
      {"GetUpperCaseUuid", GetName("aiSystems/6F1C2B9E-3D4A-4C8E-9B7A-0E5D2F1A3C47"), "name"},
      {"GetNoCollection", GetName("chatbot"), "name"},
      {"DeleteEmptyName", DeleteName(""), "name"},
      {"DeleteOtherCollection", DeleteName("foo/x"), "name"},
      {"DeleteTooManySegments", DeleteName("aiSystems/a/b"), "name"},
      {"UndeleteUpperCaseId", UndeleteName("aiSystems/UPPER"), "name"},
      {"UndeleteCollectionOnly", UndeleteName("aiSystems/"), "name"},
      {"UpdateEmptyName", UpdateWith([](S& s) { s.clear_name(); }, {"display_name"}),
       "ai_system.name"},
      {"UpdateUpperCaseId",
       UpdateWith([](S& s) { s.set_name("aiSystems/UPPER"); }, {"display_name"}), "ai_system.name"},
      {"UpdateOtherCollection", UpdateWith([](S& s) { s.set_name("foo/x"); }, {"display_name"}),
       "ai_system.name"},

      // Etags.
      {"DeleteEtagGarbage", DeleteLiveWithEtag("garbage"), "etag"},
      {"DeleteEtagUnterminated", DeleteLiveWithEtag("W/\""), "etag"},
      {"DeleteEtagLeadingZero", DeleteLiveWithEtag("W/\"01\""), "etag"},
      {"DeleteEtagUpperCase", DeleteLiveWithEtag("W/\"Z\""), "etag"},
      {"DeleteEtagEmptyQuotes", DeleteLiveWithEtag("\"\""), "etag"},
      {"UndeleteEtagGarbage", UndeleteDeadWithEtag("*"), "etag"},
      {"UpdateEtagGarbage", UpdateWith([](S& s) { s.set_etag("v1"); }, {"display_name"}),
       "ai_system.etag"},

      // Update masks and updated values.
      {"MaskName", UpdateWith([](S&) {}, {"name"}), "update_mask"},
      {"MaskCreateTime", UpdateWith([](S&) {}, {"create_time"}), "update_mask"},
      {"MaskEtag", UpdateWith([](S&) {}, {"etag"}), "update_mask"},
      {"MaskUnknown", UpdateWith([](S&) {}, {"nope"}), "update_mask"},
      {"MaskUnknownNestedPath", UpdateWith([](S&) {}, {"eu_ai_act.nope"}), "update_mask"},
      {"MaskPathIntoScalar", UpdateWith([](S&) {}, {"display_name.x"}), "update_mask"},
      {"MaskPathIntoMap", UpdateWith([](S&) {}, {"labels.team"}), "update_mask"},
      {"MaskDuplicate", UpdateWith([](S&) {}, {"display_name", "display_name"}), "update_mask"},
      {"MaskStarWithOthers", UpdateWith([](S&) {}, {"*", "owner"}), "update_mask"},
      {"MaskEmptyAndNothingSet",
       UpdateWith(
           [](S& s) {
             const std::string name = s.name();
             s.Clear();
             s.set_name(name);
           },
           {}),
       "update_mask"},
      {"UpdateDisplayNameEmpty", UpdateWith([](S& s) { s.clear_display_name(); }, {"display_name"}),
       kDisplayName},
      {"UpdateRiskTier99",
       UpdateWith([](S& s) { s.set_risk_tier(static_cast<v1::RiskTier>(99)); }, {"risk_tier"}),
       "ai_system.risk_tier"},
      {"UpdateEuWithoutClassification",
       UpdateWith([](S& s) { s.add_jurisdictions("FR"); }, {"jurisdictions"}),
       "ai_system.eu_ai_act.category"},
      {"UpdateLabelKeyBad",
       UpdateWith([](S& s) { (*s.mutable_labels())["Bad"] = "x"; }, {"labels"}),
       "ai_system.labels[\"Bad\"]"},

      // Filters.
      {"FilterUnknownField", Filter("nope = 1"), "filter"},
      {"FilterOutputOnlyName", Filter("name = \"aiSystems/x\""), "filter"},
      {"FilterBadEnumValue", Filter("risk_tier = SUPER"), "filter"},
      {"FilterUnspecifiedEnum", Filter("risk_tier = RISK_TIER_UNSPECIFIED"), "filter"},
      {"FilterMissingValue", Filter("risk_tier ="), "filter"},
      {"FilterMissingOperator", Filter("risk_tier HIGH"), "filter"},
      {"FilterDanglingAnd", Filter("risk_tier = HIGH AND"), "filter"},
      {"FilterUnclosedParen", Filter("(risk_tier = HIGH"), "filter"},
      {"FilterUnopenedParen", Filter("risk_tier = HIGH)"), "filter"},
      {"FilterEmptyParens", Filter("()"), "filter"},
      {"FilterUnterminatedString", Filter("display_name = \"abc"), "filter"},
      {"FilterLabelOrder", Filter("labels.team > \"a\""), "filter"},
      {"FilterArrayEquality", Filter("jurisdictions = \"JP\""), "filter"},
      {"FilterBadBool", Filter("advanced_ai = maybe"), "filter"},
      {"FilterBadTimestamp", Filter("create_time > \"yesterday\""), "filter"},
      {"FilterEnumOrdering", Filter("risk_tier > LOW"), "filter"},
      {"FilterBareStar", Filter("display_name = *"), "filter"},
      {"FilterControlChar", Filter("display_name = \"a\x01\""), "filter"},
      {"FilterTooLong", Filter(absl::StrCat("display_name = \"", std::string(2000, 'x'), "\"")),
       "filter"},
      {"FilterTooDeep", Filter(absl::StrCat(Repeat("(", 25), "risk_tier = HIGH", Repeat(")", 25))),
       "filter"},
      {"FilterInjectionBareWord", Filter("display_name = x'); DROP TABLE ai_systems; --"),
       "filter"},

      // order_by.
      {"OrderByUnknownField", OrderBy("nope"), "order_by"},
      {"OrderBySideways", OrderBy("display_name sideways"), "order_by"},
      {"OrderByTwoFields", OrderBy("display_name, owner"), "order_by"},
      {"OrderByThreeWords", OrderBy("display_name desc please"), "order_by"},
      {"OrderByInjection", OrderBy("display_name; DROP TABLE ai_systems"), "order_by"},
      {"OrderByNotSortable", OrderBy("labels"), "order_by"},

      // Page size and page tokens.
      {"PageSizeNegative",
       ListWith([](v1::ListAiSystemsRequest& r, const World&) { r.set_page_size(-1); }),
       "page_size"},
      {"PageSizeMinInt",
       ListWith([](v1::ListAiSystemsRequest& r, const World&) { r.set_page_size(INT_MIN); }),
       "page_size"},
      {"PageTokenTampered", PageToken([](const World& w) { return Tampered(w.token); }),
       "page_token"},
      {"PageTokenTruncated",
       PageToken([](const World& w) { return w.token.substr(0, w.token.size() - 1); }),
       "page_token"},
      {"PageTokenExtended", PageToken([](const World& w) { return w.token + "A"; }), "page_token"},
      {"PageTokenOfOtherFilter", PageToken([](const World& w) { return w.filter_token; }),
       "page_token"},
      {"PageTokenOfOtherOrder", PageToken([](const World& w) { return w.order_token; }),
       "page_token"},
      {"PageTokenOfShowDeleted", PageToken([](const World& w) { return w.deleted_token; }),
       "page_token"},
      {"PageTokenOfOtherTenant", PageToken([](const World& w) { return w.foreign_token; }),
       "page_token"},
      {"PageTokenGarbage", PageToken([](const World&) { return std::string("!!not a token!!"); }),
       "page_token"},
      {"PageTokenHuge", PageToken([](const World&) { return std::string(100000, 'A'); }),
       "page_token"},
  };
}

// Strings that are not UTF-8. The C++ client serializes them anyway (protobuf only logs); the
// server must answer INVALID_ARGUMENT naming the field (explained_parse.h), never INTERNAL.
std::vector<BadInputCase> Utf8Cases() {
  using S = v1::AiSystem;
  const std::string kDisplayName = "ai_system.display_name";
  return {
      {"DisplayNameInvalidUtf8", CreateWith([](S& s) { s.set_display_name("\xff\xfe"); }),
       kDisplayName},
      {"DisplayNameTruncatedUtf8", CreateWith([](S& s) { s.set_display_name("ok\xe6\x97"); }),
       kDisplayName},
      {"DisplayNameOverlongUtf8", CreateWith([](S& s) { s.set_display_name("\xc0\xaf"); }),
       kDisplayName},
      {"DisplayNameSurrogateUtf8", CreateWith([](S& s) { s.set_display_name("\xed\xa0\x80"); }),
       kDisplayName},
      {"OwnerInvalidUtf8", CreateWith([](S& s) { s.set_owner("\xc3\x28"); }), "ai_system.owner"},
      {"VendorInvalidUtf8", CreateWith([](S& s) { s.add_vendors("\x80"); }),
       "ai_system.vendors[0]"},
      {"GetInvalidUtf8", GetName("aiSystems/\xff"), "name"},
      {"UpdateDisplayNameInvalidUtf8",
       UpdateWith([](S& s) { s.set_display_name("\xff\xfe"); }, {"display_name"}), kDisplayName},
      {"FilterInvalidUtf8", Filter("display_name = \"\xff\""), "filter"},
  };
}

class BadInputTest : public InventoryServerTest {};

TEST_F(BadInputTest, EveryCaseIsInvalidArgumentNamingTheFieldAndWritesNothing) {
  std::string tenant, other_tenant;
  Client client = NewTenantClient("bad", auth::Role::kAnalyst, &tenant);
  Client other = NewTenantClient("bad-other", auth::Role::kAnalyst, &other_tenant);

  World w;
  w.client = &client;
  for (int i = 0; i < 3; ++i) {
    auto created = client.Create(InventoryEnv::ValidSystem(absl::StrCat("System ", i)));
    ASSERT_TRUE(created.ok()) << created.status();
    w.live_name = created->name();
    w.live_etag = created->etag();
    ASSERT_TRUE(other.Create(InventoryEnv::ValidSystem(absl::StrCat("Other ", i))).ok());
  }
  auto dead = client.Create(InventoryEnv::ValidSystem("Dead"));
  ASSERT_TRUE(dead.ok()) << dead.status();
  ASSERT_TRUE(client.Delete(dead->name()).ok());
  w.dead_name = dead->name();

  const auto token_of = [](Client& c, const std::string& filter, bool show_deleted,
                           const std::string& order_by) {
    auto page = c.List(filter, show_deleted, 1, order_by);
    EXPECT_TRUE(page.ok()) << page.status();
    EXPECT_FALSE(page.ok() && page->next_page_token().empty()) << "no next page";
    return page.ok() ? page->next_page_token() : std::string();
  };
  w.token = token_of(client, "", false, "");
  w.filter_token = token_of(client, "risk_tier = MEDIUM", false, "");
  w.order_token = token_of(client, "", false, "display_name desc");
  w.deleted_token = token_of(client, "", true, "");
  w.foreign_token = token_of(other, "", false, "");
  ASSERT_FALSE(HasFailure());
  // The genuine token works (so a rejection below is about the token, not the query).
  auto genuine = client.List("", false, 1, "", w.token);
  ASSERT_TRUE(genuine.ok()) << genuine.status();

  MutationProbe probe(tenant);
  MutationProbe other_probe(other_tenant);
  const std::vector<BadInputCase> cases = Cases();
  ASSERT_GE(cases.size(), 40u);
  for (const BadInputCase& c : cases) {
    EXPECT_TRUE(IsInvalidField(c.call(w), c.field)) << "case " << c.name;
  }
  probe.ExpectNothingWritten();
  other_probe.ExpectNothingWritten();
  EXPECT_EQ(PgTestDatabase::Get().QueryValue("SELECT to_regclass('public.ai_systems') IS NOT NULL"),
            "t");
  // The live system is untouched by the failed updates and deletes.
  auto live = client.Get(w.live_name);
  ASSERT_TRUE(live.ok()) << live.status();
  EXPECT_EQ(live->etag(), w.live_etag);
  EXPECT_FALSE(live->has_delete_time());
}

TEST_F(BadInputTest, InvalidUtf8IsInvalidArgumentNamingTheFieldNotInternal) {
  std::string tenant;
  Client client = NewTenantClient("utf8", auth::Role::kAnalyst, &tenant);
  World w;
  w.client = &client;
  auto created = client.Create(InventoryEnv::ValidSystem("Target"));
  ASSERT_TRUE(created.ok()) << created.status();
  w.live_name = created->name();
  w.live_etag = created->etag();
  MutationProbe probe(tenant);
  for (const BadInputCase& c : Utf8Cases()) {
    EXPECT_TRUE(IsInvalidField(c.call(w), c.field)) << "case " << c.name;
  }
  probe.ExpectNothingWritten();
}

TEST_F(BadInputTest, QuotedInjectionInAFilterIsALiteral) {
  std::string tenant;
  Client client = NewTenantClient("inject", auth::Role::kAnalyst, &tenant);
  const std::string evil = "x\"); DROP TABLE ai_systems; --";
  auto created = client.Create(InventoryEnv::ValidSystem(evil));
  ASSERT_TRUE(created.ok()) << created.status();
  ASSERT_TRUE(client.Create(InventoryEnv::ValidSystem("x")).ok());
  MutationProbe probe(tenant);
  for (const std::string& filter :
       {std::string("display_name = \"x\\\"); DROP TABLE ai_systems; --\""),
        std::string("display_name = \"x'); DROP TABLE ai_systems; --\""),
        std::string("labels.business_unit = \"'; DELETE FROM ai_systems; --\""),
        std::string("labels.business_unit:\"' OR '1'='1\"")}) {
    auto listed = client.List(filter);
    if (listed.ok()) {
      // Treated as a literal: only a system with exactly that value can match.
      for (const auto& s : listed->ai_systems()) {
        EXPECT_EQ(s.name(), created->name()) << filter;
      }
    } else {
      EXPECT_TRUE(IsInvalidField(listed.status(), "filter")) << filter;
    }
  }
  // The first filter names the evil display name exactly.
  auto exact = client.List("display_name = \"x\\\"); DROP TABLE ai_systems; --\"");
  ASSERT_TRUE(exact.ok()) << exact.status();
  ASSERT_EQ(exact->ai_systems_size(), 1);
  EXPECT_EQ(exact->ai_systems(0).name(), created->name());
  EXPECT_EQ(PgTestDatabase::Get().QueryValue("SELECT to_regclass('public.ai_systems') IS NOT NULL"),
            "t");
  EXPECT_EQ(TenantRowCount("ai_systems", tenant), 2);
  probe.ExpectNothingWritten();
}

TEST_F(BadInputTest, PositiveControlsAtTheLimitsAreAccepted) {
  std::string tenant;
  Client client = NewTenantClient("limits", auth::Role::kAnalyst, &tenant);
  struct Control {
    std::string name;
    std::function<void(v1::AiSystem&)> mutate;
  };
  const std::vector<Control> controls = {
      {"DisplayName200Multibyte", [](v1::AiSystem& s) { s.set_display_name(Repeat("日", 200)); }},
      {"DisplayName200FourByte",
       [](v1::AiSystem& s) { s.set_display_name(Repeat("\xf0\x9f\x98\x80", 200)); }},
      {"DisplayName200Ascii", [](v1::AiSystem& s) { s.set_display_name(std::string(200, 'x')); }},
      {"Owner200", [](v1::AiSystem& s) { s.set_owner(std::string(200, 'o')); }},
      {"Description10000WithNewlines",
       [](v1::AiSystem& s) { s.set_description(Repeat("line\r\n\t", 10000 / 7)); }},
      {"Labels32",
       [](v1::AiSystem& s) {
         for (int i = 0; i < 31; ++i) (*s.mutable_labels())[absl::StrCat("k", i)] = "v";
       }},
  };
  for (const Control& c : controls) {
    v1::AiSystem s = InventoryEnv::ValidSystem("Limits");
    c.mutate(s);
    auto created = client.Create(s);
    ASSERT_TRUE(created.ok()) << c.name << ": " << created.status();
    EXPECT_EQ(created->display_name(), s.display_name()) << c.name;
    EXPECT_EQ(created->description(), s.description()) << c.name;
    EXPECT_EQ(created->labels_size(), s.labels_size()) << c.name;
  }
  // An id of 63 characters and an upper-case request id are fine too.
  v1::CreateAiSystemRequest r;
  *r.mutable_ai_system() = InventoryEnv::ValidSystem("Long id");
  r.set_ai_system_id(std::string(63, 'z'));
  r.set_request_id("6F1C2B9E-3D4A-4C8E-9B7A-0E5D2F1A3C47");
  auto created = client.Create(r);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->name(), absl::StrCat("aiSystems/", std::string(63, 'z')));
  auto page = client.List("", false, 1000);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->ai_systems_size(), static_cast<int>(controls.size()) + 1);
}

}  // namespace
}  // namespace airr::inventory::testing
