#include "tools/airr/yaml_json.h"

#include <yaml.h>

#include <cctype>
#include <set>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tools/airr/json_quote.h"

namespace airr::cli {
namespace {

// One parsed event; frees what libyaml allocated for it.
class Event {
 public:
  Event() = default;
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
  ~Event() {
    if (filled_) {
      yaml_event_delete(&event_);
    }
  }

  yaml_event_t* get() { return &event_; }
  const yaml_event_t& operator*() const { return event_; }
  const yaml_event_t* operator->() const { return &event_; }
  void set_filled() { filled_ = true; }

 private:
  yaml_event_t event_{};
  bool filled_ = false;
};

bool IsJsonNumber(const std::string& text) {
  size_t i = 0;
  const auto digits = [&]() {
    const size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
    }
    return i - start;
  };
  if (i < text.size() && text[i] == '-') {
    ++i;
  }
  const size_t int_start = i;
  const size_t int_digits = digits();
  if (int_digits == 0 || (int_digits > 1 && text[int_start] == '0')) {
    return false;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (digits() == 0) {
      return false;
    }
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
      ++i;
    }
    if (digits() == 0) {
      return false;
    }
  }
  return i == text.size();
}

// The JSON literal a plain scalar stands for, or "" when it is a string.
std::string PlainLiteral(const std::string& text) {
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
    return "null";
  }
  if (text == "true" || text == "True" || text == "TRUE") {
    return "true";
  }
  if (text == "false" || text == "False" || text == "FALSE") {
    return "false";
  }
  if (IsJsonNumber(text)) {
    return text;
  }
  return "";
}

std::string ScalarText(const yaml_event_t& event) {
  return std::string(reinterpret_cast<const char*>(event.data.scalar.value),
                     event.data.scalar.length);
}

bool IsPlain(const yaml_event_t& event) {
  return event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

// Walks the events of one document and writes its JSON. One per conversion; not thread-safe.
class Converter {
 public:
  Converter(const std::string& yaml, std::string source) : source_(std::move(source)) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(yaml.data()),
                                 yaml.size());
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;
  ~Converter() { yaml_parser_delete(&parser_); }

  absl::StatusOr<std::string> Convert() {
    Event stream_start;
    if (absl::Status status = Next(&stream_start); !status.ok()) {
      return status;
    }
    Event document_start;
    if (absl::Status status = Next(&document_start); !status.ok()) {
      return status;
    }
    if (document_start->type != YAML_DOCUMENT_START_EVENT) {
      return absl::InvalidArgumentError(absl::StrCat(source_, ": the file holds no YAML document"));
    }
    Event root;
    if (absl::Status status = Next(&root); !status.ok()) {
      return status;
    }
    std::string json;
    if (absl::Status status = Node(*root, 0, &json); !status.ok()) {
      return status;
    }
    Event document_end;
    if (absl::Status status = Next(&document_end); !status.ok()) {
      return status;
    }
    Event after;
    if (absl::Status status = Next(&after); !status.ok()) {
      return status;
    }
    if (after->type != YAML_STREAM_END_EVENT) {
      return Error(after->start_mark,
                   "the file holds more than one YAML document; give one playbook per file");
    }
    return json;
  }

 private:
  absl::Status Error(const yaml_mark_t& mark, const std::string& message) const {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s:%d:%d: %s", source_, mark.line + 1, mark.column + 1, message));
  }

  absl::Status Next(Event* event) {
    if (yaml_parser_parse(&parser_, event->get()) == 0) {
      std::string message = parser_.problem != nullptr ? parser_.problem : "malformed YAML";
      if (parser_.context != nullptr) {
        absl::StrAppendFormat(&message, " (%s at line %d, column %d)", parser_.context,
                              parser_.context_mark.line + 1, parser_.context_mark.column + 1);
      }
      return Error(parser_.problem_mark, message);
    }
    event->set_filled();
    return absl::OkStatus();
  }

  // Refuses what JSON has no form for: anchors and explicit tags on any node.
  absl::Status CheckPlainNode(const yaml_event_t& event, const yaml_char_t* anchor,
                              const yaml_char_t* tag) const {
    if (anchor != nullptr) {
      return Error(event.start_mark,
                   absl::StrCat("anchors (&", reinterpret_cast<const char*>(anchor),
                                ") are not supported; write the value out"));
    }
    if (tag != nullptr) {
      return Error(event.start_mark,
                   absl::StrCat("tags (", reinterpret_cast<const char*>(tag),
                                ") are not supported; quote the value to make it a string"));
    }
    return absl::OkStatus();
  }

  absl::Status Node(const yaml_event_t& event, int depth, std::string* out) {
    switch (event.type) {
      case YAML_ALIAS_EVENT:
        return Error(
            event.start_mark,
            absl::StrCat("aliases (*", reinterpret_cast<const char*>(event.data.alias.anchor),
                         ") are not supported; write the value out"));
      case YAML_SCALAR_EVENT:
        return Scalar(event, out);
      case YAML_SEQUENCE_START_EVENT:
        if (absl::Status status = CheckPlainNode(event, event.data.sequence_start.anchor,
                                                 event.data.sequence_start.tag);
            !status.ok()) {
          return status;
        }
        return Sequence(event, depth + 1, out);
      case YAML_MAPPING_START_EVENT:
        if (absl::Status status = CheckPlainNode(event, event.data.mapping_start.anchor,
                                                 event.data.mapping_start.tag);
            !status.ok()) {
          return status;
        }
        return Mapping(event, depth + 1, out);
      default:
        return Error(event.start_mark, "unexpected YAML event");
    }
  }

  absl::Status Scalar(const yaml_event_t& event, std::string* out) {
    const bool plain = IsPlain(event);
    if (absl::Status status =
            CheckPlainNode(event, event.data.scalar.anchor, event.data.scalar.tag);
        !status.ok()) {
      return status;
    }
    const std::string text = ScalarText(event);
    const std::string literal = plain ? PlainLiteral(text) : "";
    absl::StrAppend(out, literal.empty() ? JsonQuote(text) : literal);
    return absl::OkStatus();
  }

  absl::Status CheckDepth(const yaml_event_t& event, int depth) const {
    if (depth > kMaxYamlDepth) {
      return Error(event.start_mark, absl::StrCat("nested deeper than ", kMaxYamlDepth, " levels"));
    }
    return absl::OkStatus();
  }

  absl::Status Sequence(const yaml_event_t& start, int depth, std::string* out) {
    if (absl::Status status = CheckDepth(start, depth); !status.ok()) {
      return status;
    }
    out->push_back('[');
    for (bool first = true;; first = false) {
      Event item;
      if (absl::Status status = Next(&item); !status.ok()) {
        return status;
      }
      if (item->type == YAML_SEQUENCE_END_EVENT) {
        break;
      }
      if (!first) {
        out->push_back(',');
      }
      if (absl::Status status = Node(*item, depth, out); !status.ok()) {
        return status;
      }
    }
    out->push_back(']');
    return absl::OkStatus();
  }

  absl::Status Key(const yaml_event_t& event, std::string* key) const {
    if (event.type == YAML_ALIAS_EVENT) {
      return Error(event.start_mark, "aliases are not supported");
    }
    if (event.type != YAML_SCALAR_EVENT) {
      return Error(event.start_mark, "mapping keys must be strings, not mappings or sequences");
    }
    if (absl::Status status =
            CheckPlainNode(event, event.data.scalar.anchor, event.data.scalar.tag);
        !status.ok()) {
      return status;
    }
    *key = ScalarText(event);
    if (IsPlain(event) && *key == "<<") {
      return Error(event.start_mark, "merge keys (<<) are not supported; write the keys out");
    }
    if (IsPlain(event) && !PlainLiteral(*key).empty()) {
      return Error(event.start_mark,
                   absl::StrCat("mapping key \"", *key,
                                "\" is not a string (a number, true/false or null); quote it"));
    }
    return absl::OkStatus();
  }

  absl::Status Mapping(const yaml_event_t& start, int depth, std::string* out) {
    if (absl::Status status = CheckDepth(start, depth); !status.ok()) {
      return status;
    }
    std::set<std::string> keys;
    out->push_back('{');
    for (bool first = true;; first = false) {
      Event key_event;
      if (absl::Status status = Next(&key_event); !status.ok()) {
        return status;
      }
      if (key_event->type == YAML_MAPPING_END_EVENT) {
        break;
      }
      std::string key;
      if (absl::Status status = Key(*key_event, &key); !status.ok()) {
        return status;
      }
      if (!keys.insert(key).second) {
        return Error(key_event->start_mark, absl::StrCat("duplicate key \"", key, "\""));
      }
      absl::StrAppend(out, first ? "" : ",", JsonQuote(key), ":");
      Event value;
      if (absl::Status status = Next(&value); !status.ok()) {
        return status;
      }
      if (absl::Status status = Node(*value, depth, out); !status.ok()) {
        return status;
      }
    }
    out->push_back('}');
    return absl::OkStatus();
  }

  const std::string source_;
  yaml_parser_t parser_{};
};

}  // namespace

absl::StatusOr<std::string> ConvertYamlToJson(const std::string& yaml, const std::string& source) {
  if (yaml.size() > kMaxYamlBytes) {
    return absl::InvalidArgumentError(absl::StrCat(source, ": ", yaml.size(),
                                                   " bytes is larger than the limit of ",
                                                   kMaxYamlBytes, " bytes (1 MiB)"));
  }
  return Converter(yaml, source).Convert();
}

}  // namespace airr::cli
