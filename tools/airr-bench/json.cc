#include "tools/airr-bench/json.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tools/airr/json_quote.h"

namespace airr::bench {

using ::airr::cli::JsonQuote;

JsonObject& JsonObject::Add(const std::string& key, const std::string& value) {
  members_.push_back({key, JsonQuote(value), nullptr, nullptr});
  return *this;
}

JsonObject& JsonObject::Add(const std::string& key, const char* value) {
  return Add(key, std::string(value));
}

JsonObject& JsonObject::Add(const std::string& key, int64_t value) {
  members_.push_back({key, absl::StrCat(value), nullptr, nullptr});
  return *this;
}

JsonObject& JsonObject::Add(const std::string& key, bool value) {
  members_.push_back({key, value ? "true" : "false", nullptr, nullptr});
  return *this;
}

JsonObject& JsonObject::Add(const std::string& key, double value, int decimals) {
  members_.push_back({key, std::isfinite(value) ? absl::StrFormat("%.*f", decimals, value) : "null",
                      nullptr, nullptr});
  return *this;
}

JsonObject& JsonObject::Add(const std::string& key, const JsonObject& value) {
  members_.push_back({key, "", std::make_shared<const JsonObject>(value), nullptr});
  return *this;
}

JsonObject& JsonObject::Add(const std::string& key, const std::vector<JsonObject>& values) {
  members_.push_back({key, "", nullptr, std::make_shared<const std::vector<JsonObject>>(values)});
  return *this;
}

std::string JsonObject::ToString(int indent) const {
  if (members_.empty()) {
    return "{}";
  }
  const std::string inner(static_cast<size_t>(2 * (indent + 1)), ' ');
  const std::string outer(static_cast<size_t>(2 * indent), ' ');
  std::string out = "{\n";
  for (size_t i = 0; i < members_.size(); ++i) {
    const Member& m = members_[i];
    absl::StrAppend(&out, inner, JsonQuote(m.key), ": ");
    if (m.object != nullptr) {
      out += m.object->ToString(indent + 1);
    } else if (m.array != nullptr) {
      if (m.array->empty()) {
        out += "[]";
      } else {
        out += "[\n";
        const std::string item_indent(static_cast<size_t>(2 * (indent + 2)), ' ');
        for (size_t j = 0; j < m.array->size(); ++j) {
          absl::StrAppend(&out, item_indent, (*m.array)[j].ToString(indent + 2),
                          j + 1 < m.array->size() ? ",\n" : "\n");
        }
        absl::StrAppend(&out, inner, "]");
      }
    } else {
      out += m.scalar;
    }
    out += i + 1 < members_.size() ? ",\n" : "\n";
  }
  return out + outer + "}";
}

}  // namespace airr::bench
