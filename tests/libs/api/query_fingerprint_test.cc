#include "libs/api/query_fingerprint.h"

#include "gtest/gtest.h"

namespace airr::api {
namespace {

TEST(QueryFingerprintTest, IsStableHex) {
  const std::string fp = QueryFingerprint({"tenant", "List", "a = 1"});
  EXPECT_EQ(fp.size(), 64u);
  EXPECT_EQ(fp.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(fp, QueryFingerprint({"tenant", "List", "a = 1"}));
}

TEST(QueryFingerprintTest, KnownValue) {
  // SHA-256 of the 8-byte big-endian length 0 (one empty part).
  EXPECT_EQ(QueryFingerprint({""}),
            "af5570f5a1810b7af78caf4bc70a660f0df51e42baf91d4de5b2328de0e83dfc");
}

TEST(QueryFingerprintTest, IsUnambiguous) {
  EXPECT_NE(QueryFingerprint({"ab", "c"}), QueryFingerprint({"a", "bc"}));
  EXPECT_NE(QueryFingerprint({"a", ""}), QueryFingerprint({"a"}));
  EXPECT_NE(QueryFingerprint({"a", "b"}), QueryFingerprint({"b", "a"}));
  EXPECT_NE(QueryFingerprint({}), QueryFingerprint({""}));
  EXPECT_NE(QueryFingerprint({"tenant-1", "x"}), QueryFingerprint({"tenant-2", "x"}));
}

}  // namespace
}  // namespace airr::api
