// A small ordered JSON object builder for the load generator's results: members print in the
// order they were added (so results read well and diff cleanly), strings are escaped, and
// non-finite numbers print as null.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace airr::bench {

// A JSON object under construction. A value type; not thread-safe for concurrent mutation.
class JsonObject {
 public:
  // Each Add appends a member; adding a key twice prints it twice (callers do not).
  JsonObject& Add(const std::string& key, const std::string& value);
  JsonObject& Add(const std::string& key, const char* value);
  JsonObject& Add(const std::string& key, int64_t value);
  JsonObject& Add(const std::string& key, int value) { return Add(key, int64_t{value}); }
  JsonObject& Add(const std::string& key, bool value);
  // A number with `decimals` digits after the point (trailing zeros kept: "1.500").
  JsonObject& Add(const std::string& key, double value, int decimals);
  JsonObject& Add(const std::string& key, const JsonObject& value);
  JsonObject& Add(const std::string& key, const std::vector<JsonObject>& values);

  // Pretty-printed with two-space indentation, starting at `indent` levels.
  std::string ToString(int indent = 0) const;

  bool empty() const { return members_.empty(); }

 private:
  struct Member {
    std::string key;
    std::string scalar;                        // Already rendered, when not an object or array.
    std::shared_ptr<const JsonObject> object;  // Set for an object member.
    std::shared_ptr<const std::vector<JsonObject>> array;  // Set for an array member.
  };
  std::vector<Member> members_;
};

}  // namespace airr::bench
