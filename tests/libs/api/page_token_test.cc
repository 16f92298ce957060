#include "libs/api/page_token.h"

#include <string>

#include "absl/strings/escaping.h"
#include "gtest/gtest.h"
#include "tests/libs/api/invalid_field.h"

namespace airr::api {
namespace {

using ::airr::api::testing::IsInvalidField;

const std::string kKey(32, 'k');
const std::string kOtherKey(32, 'o');

std::string Fingerprint(absl::string_view filter = "risk_tier = HIGH") {
  return QueryFingerprint({"tenant-1", "ListAiSystems", filter, "create_time desc", "false"});
}

TEST(PageTokenCodecTest, RoundTrips) {
  const PageTokenCodec codec(kKey);
  for (const PageCursor& cursor :
       {PageCursor{"2024-05-01 12:00:00.123456+00", "7c9e6679-7425-40de-944b-e07fc1f90ae7"},
        PageCursor{"", ""}, PageCursor{"caf\xC3\xA9 \xF0\x9F\x98\x80", "x"},
        PageCursor{std::string(300, 'a'), std::string("\0\xFF", 2)},
        PageCursor{std::string(2900, 'a'), std::string(63, 'b')}}) {
    const std::string token = codec.Encode(cursor, Fingerprint());
    auto decoded = codec.Decode(token, Fingerprint());
    ASSERT_TRUE(decoded.ok()) << decoded.status();
    EXPECT_EQ(*decoded, cursor);
  }
}

TEST(PageTokenCodecTest, TokenIsUrlSafeAndSmallAndOpaque) {
  const PageTokenCodec codec(kKey);
  const std::string token = codec.Encode({"2024-05-01 12:00:00+00", "credit-model"}, Fingerprint());
  EXPECT_EQ(
      token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos)
      << token;
  EXPECT_LE(token.size(), 80u);
  EXPECT_EQ(token.find("credit"), std::string::npos);
}

TEST(PageTokenCodecTest, ReplicasWithTheSameKeyAgree) {
  const std::string token = PageTokenCodec(kKey).Encode({"a", "b"}, Fingerprint());
  auto decoded = PageTokenCodec(kKey).Decode(token, Fingerprint());
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(decoded->tie_value, "b");
}

TEST(PageTokenCodecTest, RejectsEveryFlippedByte) {
  const PageTokenCodec codec(kKey);
  const std::string token = codec.Encode({"2024-05-01 12:00:00+00", "credit-model"}, Fingerprint());
  std::string raw;
  ASSERT_TRUE(absl::WebSafeBase64Unescape(token, &raw));
  for (size_t i = 0; i < raw.size(); ++i) {
    std::string tampered = raw;
    tampered[i] = static_cast<char>(tampered[i] ^ 0x01);
    std::string tampered_token;
    absl::WebSafeBase64Escape(tampered, &tampered_token);
    EXPECT_TRUE(IsInvalidField(codec.Decode(tampered_token, Fingerprint()).status(), "page_token"))
        << "byte " << i;
  }
}

TEST(PageTokenCodecTest, TamperedCursorIsReportedAsModified) {
  const PageTokenCodec codec(kKey);
  const std::string token = codec.Encode({"2024-05-01 12:00:00+00", "credit-model"}, Fingerprint());
  std::string raw;
  ASSERT_TRUE(absl::WebSafeBase64Unescape(token, &raw));
  raw[10] = static_cast<char>(raw[10] ^ 0x20);  // inside the sort value
  std::string tampered;
  absl::WebSafeBase64Escape(raw, &tampered);
  EXPECT_TRUE(IsInvalidField(codec.Decode(tampered, Fingerprint()).status(), "page_token",
                             "is invalid or was modified"));
}

TEST(PageTokenCodecTest, RejectsChangedTokenText) {
  const PageTokenCodec codec(kKey);
  const std::string token = codec.Encode({"v", "id"}, Fingerprint());
  for (size_t i = 0; i < token.size(); ++i) {
    std::string changed = token;
    changed[i] = changed[i] == 'A' ? 'B' : 'A';
    EXPECT_TRUE(IsInvalidField(codec.Decode(changed, Fingerprint()).status(), "page_token"))
        << "char " << i;
  }
}

TEST(PageTokenCodecTest, RejectsForeignFingerprint) {
  const PageTokenCodec codec(kKey);
  const std::string token = codec.Encode({"v", "id"}, Fingerprint("risk_tier = HIGH"));
  EXPECT_TRUE(IsInvalidField(codec.Decode(token, Fingerprint("risk_tier = LOW")).status(),
                             "page_token", "was issued for a different query; restart without it"));
}

TEST(PageTokenCodecTest, RejectsWrongKey) {
  const std::string token = PageTokenCodec(kKey).Encode({"v", "id"}, Fingerprint());
  EXPECT_TRUE(IsInvalidField(PageTokenCodec(kOtherKey).Decode(token, Fingerprint()).status(),
                             "page_token", "is invalid or was modified"));
}

TEST(PageTokenCodecTest, RejectsMalformed) {
  const PageTokenCodec codec(kKey);
  const std::string token = codec.Encode({"v", "id"}, Fingerprint());
  for (const std::string& bad :
       {std::string(""), std::string("not base64!"), std::string("AAAA"), token + "=", token + "AA",
        token.substr(0, token.size() - 2), std::string(5000, 'A'), std::string("+/+/"),
        std::string(" ") + token}) {
    EXPECT_TRUE(IsInvalidField(codec.Decode(bad, Fingerprint()).status(), "page_token")) << bad;
  }
  std::string raw;
  ASSERT_TRUE(absl::WebSafeBase64Unescape(token, &raw));
  raw[0] = 2;  // unknown version
  std::string versioned;
  absl::WebSafeBase64Escape(raw, &versioned);
  EXPECT_TRUE(
      IsInvalidField(codec.Decode(versioned, Fingerprint()).status(), "page_token", "malformed"));
}

TEST(PageTokenCodecTest, CreateChecksKeyLength) {
  EXPECT_TRUE(PageTokenCodec::Create(std::string(32, 'k')).ok());
  EXPECT_EQ(PageTokenCodec::Create(std::string(31, 'k')).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace airr::api
