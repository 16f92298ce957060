// Opaque, tamper-evident List page tokens (AIP-158). A token carries a PageCursor and a hint of the
// query fingerprint, and is authenticated with HMAC-SHA256 under a server key over both and the
// full fingerprint, so clients can neither read nor forge nor replay it against another query.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/api/page_cursor.h"
#include "libs/api/query_fingerprint.h"

namespace airr::api {

// The shortest key PageTokenCodec::Create accepts.
inline constexpr size_t kMinPageTokenKeyBytes = 32;

// Encodes and decodes page tokens: URL-safe base64 (no padding) of
//   version(1) | fingerprint hint(4) | varint len + sort_value | varint len + tie_value | MAC(16)
// where MAC is HMAC-SHA256 truncated to 128 bits over a domain tag, the full query fingerprint and
// everything before it. Tokens do not expire. Thread-safe (immutable after construction).
class PageTokenCodec {
 public:
  // `key`: at least kMinPageTokenKeyBytes random bytes, the same on every replica (tokens issued
  // by one replica must decode on another). Prefer Create, which checks the length.
  explicit PageTokenCodec(std::string key);

  // Returns a codec for `key`, or INVALID_ARGUMENT when it is shorter than kMinPageTokenKeyBytes.
  static absl::StatusOr<PageTokenCodec> Create(std::string key);

  // Returns the token for `cursor` issued for `query_fingerprint` (see QueryFingerprint). The
  // token is about 4/3 of the cursor's size plus 30 characters; Decode refuses tokens longer than
  // 4,096 characters, so sort only on fields whose values stay under ~2,900 bytes.
  std::string Encode(const PageCursor& cursor, absl::string_view query_fingerprint) const;

  // Returns the cursor in `token`. Callers handle an empty page_token (the first page) themselves.
  // Returns INVALID_ARGUMENT on field "page_token" when the token is empty, malformed or too long,
  // when it was modified or issued under another key (MAC mismatch, compared in constant time),
  // or when it was issued for another `query_fingerprint` (rule "was issued for a different query;
  // restart without it").
  absl::StatusOr<PageCursor> Decode(absl::string_view token,
                                    absl::string_view query_fingerprint) const;

 private:
  std::string Mac(absl::string_view body, absl::string_view query_fingerprint) const;

  std::string key_;
};

// Page tokens of lists ordered by a per-parent number (timeline events, signals): the last
// number of the page, bound to `query_fingerprint` like any token. EncodeNumberToken makes the
// token; DecodeNumberToken returns 0 for an empty token (the first page) and otherwise the number,
// or INVALID_ARGUMENT on "page_token" as Decode. Thread-safe.
std::string EncodeNumberToken(const PageTokenCodec& codec, int64_t last,
                              absl::string_view query_fingerprint);
absl::StatusOr<int64_t> DecodeNumberToken(const PageTokenCodec& codec, absl::string_view token,
                                          absl::string_view query_fingerprint);

}  // namespace airr::api
