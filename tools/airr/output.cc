#include "tools/airr/output.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/time/time.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/time_util.h"
#include "tools/airr/enum_names.h"
#include "tools/airr/terminal_text.h"

namespace airr::cli {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

using Rows = std::vector<std::pair<std::string, std::string>>;

// The text of a scalar field, or of element `index` of a repeated one (index < 0: singular).
std::string ScalarText(const Message& message, const FieldDescriptor& field, int index) {
  const Reflection& r = *message.GetReflection();
  const bool rep = index >= 0;
  switch (field.cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      return absl::StrCat(rep ? r.GetRepeatedInt32(message, &field, index)
                              : r.GetInt32(message, &field));
    case FieldDescriptor::CPPTYPE_INT64:
      return absl::StrCat(rep ? r.GetRepeatedInt64(message, &field, index)
                              : r.GetInt64(message, &field));
    case FieldDescriptor::CPPTYPE_UINT32:
      return absl::StrCat(rep ? r.GetRepeatedUInt32(message, &field, index)
                              : r.GetUInt32(message, &field));
    case FieldDescriptor::CPPTYPE_UINT64:
      return absl::StrCat(rep ? r.GetRepeatedUInt64(message, &field, index)
                              : r.GetUInt64(message, &field));
    case FieldDescriptor::CPPTYPE_DOUBLE:
      return absl::StrCat(rep ? r.GetRepeatedDouble(message, &field, index)
                              : r.GetDouble(message, &field));
    case FieldDescriptor::CPPTYPE_FLOAT:
      return absl::StrCat(rep ? r.GetRepeatedFloat(message, &field, index)
                              : r.GetFloat(message, &field));
    case FieldDescriptor::CPPTYPE_BOOL:
      return (rep ? r.GetRepeatedBool(message, &field, index) : r.GetBool(message, &field))
                 ? "true"
                 : "false";
    case FieldDescriptor::CPPTYPE_ENUM:
      return ShortEnumName(*field.enum_type(), rep ? r.GetRepeatedEnumValue(message, &field, index)
                                                   : r.GetEnumValue(message, &field));
    case FieldDescriptor::CPPTYPE_STRING:
      return rep ? r.GetRepeatedString(message, &field, index) : r.GetString(message, &field);
    case FieldDescriptor::CPPTYPE_MESSAGE:
      break;
  }
  return "";
}

// "k1=v1, k2=v2", sorted by key.
std::string MapText(const Message& message, const FieldDescriptor& field) {
  const Reflection& r = *message.GetReflection();
  std::vector<std::pair<std::string, std::string>> entries;
  for (int i = 0; i < r.FieldSize(message, &field); ++i) {
    const Message& entry = r.GetRepeatedMessage(message, &field, i);
    const google::protobuf::Descriptor& d = *entry.GetDescriptor();
    entries.emplace_back(ScalarText(entry, *d.map_key(), -1),
                         ScalarText(entry, *d.map_value(), -1));
  }
  std::sort(entries.begin(), entries.end());
  return absl::StrJoin(entries, ", ", absl::PairFormatter("="));
}

// Reads seconds and nanos through reflection, so any Timestamp message instance works.
google::protobuf::Timestamp ToTimestamp(const Message& message) {
  const Reflection& r = *message.GetReflection();
  const google::protobuf::Descriptor& d = *message.GetDescriptor();
  google::protobuf::Timestamp ts;
  ts.set_seconds(r.GetInt64(message, d.FindFieldByName("seconds")));
  ts.set_nanos(r.GetInt32(message, d.FindFieldByName("nanos")));
  return ts;
}

bool IsTimestamp(const Message& message) {
  return message.GetDescriptor()->full_name() == "google.protobuf.Timestamp";
}

void AppendRows(const Message& message, const std::string& prefix, Rows* rows) {
  const Reflection& r = *message.GetReflection();
  const google::protobuf::Descriptor& d = *message.GetDescriptor();
  for (int i = 0; i < d.field_count(); ++i) {
    const FieldDescriptor& field = *d.field(i);
    const std::string key = prefix + field.name();
    if (field.is_map()) {
      rows->emplace_back(key, MapText(message, field));
    } else if (field.is_repeated() && field.cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      for (int j = 0; j < r.FieldSize(message, &field); ++j) {
        AppendRows(r.GetRepeatedMessage(message, &field, j), absl::StrCat(key, "[", j, "]."), rows);
      }
    } else if (field.is_repeated()) {
      std::vector<std::string> values;
      for (int j = 0; j < r.FieldSize(message, &field); ++j) {
        values.push_back(ScalarText(message, field, j));
      }
      rows->emplace_back(key, absl::StrJoin(values, ", "));
    } else if (field.cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (!r.HasField(message, &field)) {
        continue;
      }
      const Message& sub = r.GetMessage(message, &field);
      if (IsTimestamp(sub)) {
        rows->emplace_back(key, google::protobuf::util::TimeUtil::ToString(ToTimestamp(sub)));
      } else {
        AppendRows(sub, key + ".", rows);
      }
    } else {
      rows->emplace_back(key, ScalarText(message, field, -1));
    }
  }
}

// Protobuf JSON with the proto field names and a final newline.
absl::StatusOr<std::string> ToJson(const Message& message, bool add_whitespace) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = add_whitespace;
  options.preserve_proto_field_names = true;
  std::string json;
  const auto status = google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) {
    return absl::InternalError(absl::StrCat("cannot render JSON: ", status.ToString()));
  }
  if (json.empty() || json.back() != '\n') {
    json += '\n';
  }
  return json;
}

}  // namespace

absl::StatusOr<OutputFormat> ParseOutputFormat(const std::string& text) {
  if (text == "table") {
    return OutputFormat::kTable;
  }
  if (text == "json") {
    return OutputFormat::kJson;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("-o: unknown output format \"", text, "\"; allowed: table, json"));
}

absl::StatusOr<std::string> FormatJson(const Message& message) {
  return ToJson(message, /*add_whitespace=*/true);
}

absl::StatusOr<std::string> FormatJsonLine(const Message& message) {
  return ToJson(message, /*add_whitespace=*/false);
}

Rows KeyValueRows(const Message& message) {
  Rows rows;
  AppendRows(message, "", &rows);
  return rows;
}

std::string FormatKeyValues(const Message& message) { return FormatRows(KeyValueRows(message)); }

std::string FormatRows(const Rows& rows) {
  size_t key_width = 0;
  for (const auto& [key, unused] : rows) {
    key_width = std::max(key_width, key.size() + 1);
  }
  const size_t value_column = key_width + 2;
  const std::string continuation = "\n" + std::string(value_column, ' ');
  std::string out;
  for (const auto& [key, value] : rows) {
    std::string line = key + ":";
    if (!value.empty()) {
      line.resize(value_column, ' ');
      absl::StrAppend(&line, absl::StrReplaceAll(SanitizeForTerminal(value, /*keep_newlines=*/true),
                                                 {{"\n", continuation}}));
    }
    absl::StrAppend(&out, line, "\n");
  }
  return out;
}

std::string FormatTable(const std::vector<std::string>& header,
                        const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::vector<std::string>> cells;
  cells.reserve(rows.size() + 1);
  cells.push_back(header);
  for (const auto& row : rows) {
    std::vector<std::string>& clean = cells.emplace_back();
    for (const std::string& cell : row) {
      clean.push_back(SanitizeForTerminal(cell));
    }
  }
  std::vector<int> widths(header.size(), 0);
  for (const auto& row : cells) {
    for (size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], DisplayWidth(row[c]));
    }
  }
  std::string out;
  for (const auto& row : cells) {
    std::string line;
    for (size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      if (c + 1 < row.size()) {
        absl::StrAppend(
            &line, row[c],
            std::string(static_cast<size_t>(widths[c] - DisplayWidth(row[c]) + 2), ' '));
      } else {
        absl::StrAppend(&line, row[c]);
      }
    }
    // A last column that is empty leaves padding behind.
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    absl::StrAppend(&out, line, "\n");
  }
  return out;
}

std::string FormatTimestampShort(const google::protobuf::Timestamp& timestamp) {
  if (timestamp.seconds() == 0 && timestamp.nanos() == 0) {
    return "";
  }
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::FromUnixSeconds(timestamp.seconds()),
                          absl::UTCTimeZone());
}

absl::Status PrintResource(OutputFormat format, const Message& message, std::ostream& out) {
  if (format == OutputFormat::kJson) {
    absl::StatusOr<std::string> json = FormatJson(message);
    if (!json.ok()) {
      return json.status();
    }
    out << *json;
  } else {
    out << FormatKeyValues(message);
  }
  return absl::OkStatus();
}

}  // namespace airr::cli
