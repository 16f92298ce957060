#include "libs/auth/authenticator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "libs/auth/token.h"
#include "libs/common/errors.h"

namespace airr::auth {
namespace {

using ::testing::Return;
using ::testing::StrictMock;

class MockPrincipalStore : public PrincipalStore {
 public:
  MOCK_METHOD(absl::StatusOr<std::optional<Principal>>, FindByTokenHash, (const std::string&),
              (override));
};

const Principal kAlice{"tenant-a", "p-1", "alice", Role::kAnalyst};

TEST(TokenTest, TokensAreRandomAndHashedToHex) {
  const std::string a = GenerateToken();
  const std::string b = GenerateToken();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.rfind("airr_", 0), 0u);
  EXPECT_EQ(HashToken(a).size(), 64u);
  EXPECT_EQ(HashToken(a), HashToken(a));
  EXPECT_NE(HashToken(a), HashToken(b));
  // SHA-256 of "abc".
  EXPECT_EQ(HashToken("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(AuthenticatorTest, RejectsMissingAndMalformedHeadersWithoutLookup) {
  StrictMock<MockPrincipalStore> store;
  FakeClock clock(absl::UnixEpoch());
  Authenticator authn(store, clock, absl::Seconds(10));
  for (const char* header : {"", "Bearer ", "Basic abc", "Bearerabc"}) {
    auto result = authn.Authenticate(header);
    EXPECT_EQ(result.status().code(), absl::StatusCode::kUnauthenticated) << header;
    EXPECT_EQ(ErrorReason(result.status()), "UNAUTHENTICATED");
  }
}

TEST(AuthenticatorTest, UnknownTokenIsUnauthenticated) {
  StrictMock<MockPrincipalStore> store;
  FakeClock clock(absl::UnixEpoch());
  Authenticator authn(store, clock, absl::Seconds(10));
  EXPECT_CALL(store, FindByTokenHash(HashToken("nope"))).WillOnce(Return(std::nullopt));
  EXPECT_EQ(authn.Authenticate("Bearer nope").status().code(), absl::StatusCode::kUnauthenticated);
}

TEST(AuthenticatorTest, CachesPrincipalsUntilTheTtlPasses) {
  StrictMock<MockPrincipalStore> store;
  FakeClock clock(absl::UnixEpoch());
  Authenticator authn(store, clock, absl::Seconds(10));
  EXPECT_CALL(store, FindByTokenHash(HashToken("t1")))
      .Times(2)
      .WillRepeatedly(Return(std::optional<Principal>(kAlice)));
  ASSERT_TRUE(authn.Authenticate("Bearer t1").ok());
  clock.Advance(absl::Seconds(9));
  ASSERT_TRUE(authn.Authenticate("Bearer t1").ok());  // cached: no second lookup yet
  clock.Advance(absl::Seconds(2));
  auto again = authn.Authenticate("Bearer t1");  // expired: looked up again
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->name, "alice");
}

TEST(AuthenticatorTest, SchemeIsCaseInsensitive) {
  StrictMock<MockPrincipalStore> store;
  FakeClock clock(absl::UnixEpoch());
  Authenticator authn(store, clock, absl::Seconds(10));
  EXPECT_CALL(store, FindByTokenHash(HashToken("Tok")))
      .WillOnce(Return(std::optional<Principal>(kAlice)));
  EXPECT_TRUE(authn.Authenticate("bearer Tok").ok());
}

TEST(AuthenticatorTest, StoreFailuresPassThrough) {
  StrictMock<MockPrincipalStore> store;
  FakeClock clock(absl::UnixEpoch());
  Authenticator authn(store, clock, absl::Seconds(10));
  EXPECT_CALL(store, FindByTokenHash(HashToken("t")))
      .WillOnce(Return(absl::UnavailableError("db down")));
  EXPECT_EQ(authn.Authenticate("Bearer t").status().code(), absl::StatusCode::kUnavailable);
}

TEST(AuthenticatorTest, AuthorizeNamesRoleAndPermission) {
  const Principal viewer{"t", "p", "v", Role::kViewer};
  absl::Status denied = Authenticator::Authorize(viewer, Permission::kManageInventory);
  EXPECT_EQ(denied.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(std::string(denied.message()), ::testing::HasSubstr("viewer"));
  EXPECT_THAT(std::string(denied.message()), ::testing::HasSubstr("manage_inventory"));
  EXPECT_TRUE(Authenticator::Authorize(viewer, Permission::kRead).ok());
}

}  // namespace
}  // namespace airr::auth
