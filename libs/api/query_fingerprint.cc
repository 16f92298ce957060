#include "libs/api/query_fingerprint.h"

#include <openssl/sha.h>

#include <cstdint>

#include "absl/strings/escaping.h"

namespace airr::api {

std::string QueryFingerprint(std::initializer_list<absl::string_view> parts) {
  std::string message;
  for (absl::string_view part : parts) {
    uint64_t size = part.size();
    for (int shift = 56; shift >= 0; shift -= 8) {
      message.push_back(static_cast<char>((size >> shift) & 0xFF));
    }
    message.append(part.data(), part.size());
  }
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), sizeof(digest)));
}

}  // namespace airr::api
