#include "libs/api/page_token.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <cstdint>
#include <optional>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "libs/common/errors.h"

namespace airr::api {
namespace {

constexpr char kField[] = "page_token";
constexpr char kVersion = 1;
constexpr size_t kHintBytes = 4;
constexpr size_t kMacBytes = 16;
// Cursor values are short (timestamps, ids, display names); anything longer is not ours.
constexpr size_t kMaxTokenChars = 4096;
// Domain separation: this key's MACs mean "an airr page token, version 1" and nothing else.
constexpr absl::string_view kMacDomain = absl::string_view("airr.page_token.v1\0", 19);

void AppendVarint(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

std::optional<uint64_t> ReadVarint(absl::string_view* in) {
  uint64_t value = 0;
  for (int shift = 0; shift < 35 && !in->empty(); shift += 7) {
    const auto byte = static_cast<uint8_t>(in->front());
    in->remove_prefix(1);
    value |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) {
      return value;
    }
  }
  return std::nullopt;
}

std::optional<std::string> ReadBytes(absl::string_view* in) {
  const std::optional<uint64_t> size = ReadVarint(in);
  if (!size || *size > in->size()) {
    return std::nullopt;
  }
  std::string out(in->substr(0, *size));
  in->remove_prefix(*size);
  return out;
}

std::string FingerprintHint(absl::string_view query_fingerprint) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(query_fingerprint.data()), query_fingerprint.size(),
         digest);
  return std::string(reinterpret_cast<const char*>(digest), kHintBytes);
}

absl::Status Malformed() {
  return InvalidField(kField, "is malformed; pass next_page_token from a previous response as is");
}

}  // namespace

PageTokenCodec::PageTokenCodec(std::string key) : key_(std::move(key)) {}

absl::StatusOr<PageTokenCodec> PageTokenCodec::Create(std::string key) {
  if (key.size() < kMinPageTokenKeyBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("page token key must be at least ", kMinPageTokenKeyBytes, " bytes"));
  }
  return PageTokenCodec(std::move(key));
}

std::string PageTokenCodec::Mac(absl::string_view body, absl::string_view query_fingerprint) const {
  std::string message(kMacDomain);
  AppendVarint(query_fingerprint.size(), &message);
  absl::StrAppend(&message, query_fingerprint, body);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_size = 0;
  if (HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()),
           reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac,
           &mac_size) == nullptr ||
      mac_size < kMacBytes) {
    // Cannot happen short of OpenSSL failing; an empty MAC makes every token fail to decode.
    return "";
  }
  return std::string(reinterpret_cast<const char*>(mac), kMacBytes);
}

std::string PageTokenCodec::Encode(const PageCursor& cursor,
                                   absl::string_view query_fingerprint) const {
  std::string body(1, kVersion);
  absl::StrAppend(&body, FingerprintHint(query_fingerprint));
  AppendVarint(cursor.sort_value.size(), &body);
  absl::StrAppend(&body, cursor.sort_value);
  AppendVarint(cursor.tie_value.size(), &body);
  absl::StrAppend(&body, cursor.tie_value);
  absl::StrAppend(&body, Mac(body, query_fingerprint));
  std::string token;
  absl::WebSafeBase64Escape(body, &token);
  return token;
}

absl::StatusOr<PageCursor> PageTokenCodec::Decode(absl::string_view token,
                                                  absl::string_view query_fingerprint) const {
  std::string raw;
  if (token.empty() || token.size() > kMaxTokenChars || !absl::WebSafeBase64Unescape(token, &raw)) {
    return Malformed();
  }
  // Only the exact encoding Encode produces is accepted, so no two strings decode alike.
  std::string canonical;
  absl::WebSafeBase64Escape(raw, &canonical);
  if (canonical != token || raw.size() < 1 + kHintBytes + 2 + kMacBytes || raw[0] != kVersion) {
    return Malformed();
  }
  const absl::string_view body = absl::string_view(raw).substr(0, raw.size() - kMacBytes);
  const absl::string_view mac = absl::string_view(raw).substr(raw.size() - kMacBytes);
  const std::string expected = Mac(body, query_fingerprint);
  if (expected.size() != kMacBytes || CRYPTO_memcmp(expected.data(), mac.data(), kMacBytes) != 0) {
    if (body.substr(1, kHintBytes) != FingerprintHint(query_fingerprint)) {
      return InvalidField(kField, "was issued for a different query; restart without it");
    }
    return InvalidField(kField, "is invalid or was modified; restart without it");
  }
  absl::string_view rest = body.substr(1 + kHintBytes);
  std::optional<std::string> sort_value = ReadBytes(&rest);
  std::optional<std::string> tie_value = sort_value ? ReadBytes(&rest) : std::nullopt;
  if (!tie_value || !rest.empty()) {
    return Malformed();
  }
  return PageCursor{std::move(*sort_value), std::move(*tie_value)};
}

std::string EncodeNumberToken(const PageTokenCodec& codec, int64_t last,
                              absl::string_view query_fingerprint) {
  return codec.Encode(PageCursor{absl::StrCat(last), ""}, query_fingerprint);
}

absl::StatusOr<int64_t> DecodeNumberToken(const PageTokenCodec& codec, absl::string_view token,
                                          absl::string_view query_fingerprint) {
  if (token.empty()) {
    return 0;
  }
  absl::StatusOr<PageCursor> cursor = codec.Decode(token, query_fingerprint);
  if (!cursor.ok()) {
    return cursor.status();
  }
  int64_t last = 0;
  if (!absl::SimpleAtoi(cursor->sort_value, &last) || last < 0) {
    return InvalidField(kField,
                        "is malformed; pass next_page_token from a previous response as is");
  }
  return last;
}

}  // namespace airr::api
