#include "tools/airr/args.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace airr::cli {
namespace {

const std::vector<std::string>& EmptyValues() {
  static const auto* const kEmpty = new std::vector<std::string>();
  return *kEmpty;
}

bool IsHelpToken(const std::string& arg) { return arg == "--help" || arg == "-h"; }

// Whether a help token appears among args[from..] before a `--`.
bool HelpFollows(const std::vector<std::string>& args, size_t from) {
  for (size_t i = from; i < args.size() && args[i] != "--"; ++i) {
    if (IsHelpToken(args[i])) {
      return true;
    }
  }
  return false;
}

std::string Display(const FlagSpec& spec) { return absl::StrCat("--", spec.name); }

}  // namespace

bool ParsedArgs::Has(const std::string& name) const { return values_.count(name) > 0; }

std::optional<std::string> ParsedArgs::Get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) {
    return std::nullopt;
  }
  return it->second.back();
}

const std::vector<std::string>& ParsedArgs::GetAll(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? EmptyValues() : it->second;
}

bool ParsedArgs::GetBool(const std::string& name) const { return Get(name) == "true"; }

std::vector<std::string> ParsedArgs::Names() const {
  std::vector<std::string> names;
  names.reserve(values_.size());
  for (const auto& [name, unused] : values_) {
    names.push_back(name);
  }
  return names;
}

void ParsedArgs::Overlay(const ParsedArgs& later) {
  for (const auto& [name, values] : later.values_) {
    values_[name] = values;
  }
  help_ = help_ || later.help_;
}

// Walks the arguments once; keeps the state of one parse.
class ArgParser {
 public:
  ArgParser(const std::vector<FlagSpec>& specs, const std::vector<std::string>& args,
            ParseMode mode)
      : specs_(specs), args_(args), mode_(mode) {}

  absl::StatusOr<ParsedArgs> Parse() {
    for (i_ = 0; i_ < args_.size(); ++i_) {
      const std::string& arg = args_[i_];
      if (arg == "--") {
        // Everything after `--` is positional, even if it looks like a flag.
        for (size_t j = i_ + 1; j < args_.size(); ++j) {
          AddPositional(args_, j);
          if (mode_ == ParseMode::kStopAtPositional) {
            break;
          }
        }
        break;
      }
      if (IsHelpToken(arg)) {
        result_.help_ = true;
        continue;
      }
      if (arg.size() > 1 && arg[0] == '-') {
        if (absl::Status status = ParseFlag(arg); !status.ok()) {
          // A mistake does not hide help: `airr systems create --bogus --help` shows help.
          if (result_.help_ || HelpFollows(args_, i_ + 1)) {
            ParsedArgs help_only;
            help_only.help_ = true;
            return help_only;
          }
          return status;
        }
        continue;
      }
      if (mode_ == ParseMode::kStopAtPositional) {
        result_.rest_.assign(args_.begin() + static_cast<std::ptrdiff_t>(i_), args_.end());
        break;
      }
      result_.positional_.push_back(arg);
    }
    if (!result_.help_) {
      for (const FlagSpec& spec : specs_) {
        if (spec.required && !result_.Has(spec.name)) {
          return absl::InvalidArgumentError(
              absl::StrCat("missing ", Display(spec), " ", spec.value_name));
        }
      }
    }
    return std::move(result_);
  }

 private:
  void AddPositional(const std::vector<std::string>& args, size_t j) {
    if (mode_ == ParseMode::kStopAtPositional) {
      result_.rest_.assign(args.begin() + static_cast<std::ptrdiff_t>(j), args.end());
    } else {
      result_.positional_.push_back(args[j]);
    }
  }

  const FlagSpec* FindLong(const std::string& name) const {
    for (const FlagSpec& spec : specs_) {
      if (spec.name == name) {
        return &spec;
      }
    }
    return nullptr;
  }

  const FlagSpec* FindShort(char c) const {
    for (const FlagSpec& spec : specs_) {
      if (spec.short_name != '\0' && spec.short_name == c) {
        return &spec;
      }
    }
    return nullptr;
  }

  // Parses the flag at args_[i_], consuming the next argument when it is the flag's value.
  absl::Status ParseFlag(const std::string& arg) {
    std::string name;
    std::optional<std::string> inline_value;
    const FlagSpec* spec = nullptr;
    const bool is_long = absl::StartsWith(arg, "--");
    const std::string body = arg.substr(is_long ? 2 : 1);
    const size_t eq = body.find('=');
    name = body.substr(0, eq);
    if (eq != std::string::npos) {
      inline_value = body.substr(eq + 1);
    }
    if (is_long) {
      spec = FindLong(name);
    } else if (name.size() == 1) {
      spec = FindShort(name[0]);
    }
    if (spec == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat("unknown flag ", is_long ? "--" : "-", name));
    }

    std::string value;
    if (spec->kind == FlagSpec::Kind::kBool) {
      if (!inline_value.has_value()) {
        value = "true";
      } else {
        const std::string lower = absl::AsciiStrToLower(*inline_value);
        if (lower == "true" || lower == "1" || lower == "yes") {
          value = "true";
        } else if (lower == "false" || lower == "0" || lower == "no") {
          value = "false";
        } else {
          return absl::InvalidArgumentError(
              absl::StrCat(Display(*spec), " is a switch: give it alone, or as ", Display(*spec),
                           "=true or ", Display(*spec), "=false"));
        }
      }
    } else if (inline_value.has_value()) {
      value = *inline_value;
    } else {
      if (i_ + 1 >= args_.size()) {
        return absl::InvalidArgumentError(
            absl::StrCat(Display(*spec), " needs a value (", spec->value_name, ")"));
      }
      const std::string& next = args_[i_ + 1];
      // `--display-name --owner x` is almost certainly a forgotten value, not a name "--owner".
      if (absl::StartsWith(next, "--") && next.size() > 2) {
        return absl::InvalidArgumentError(absl::StrCat(
            Display(*spec), " needs a value (", spec->value_name, "); for a value that starts with",
            " \"--\", write ", Display(*spec), "=VALUE"));
      }
      value = next;
      ++i_;
    }

    std::vector<std::string>& values = result_.values_[spec->name];
    if (!spec->repeated && !values.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(Display(*spec), " is given more than once; it takes one value"));
    }
    values.push_back(std::move(value));
    return absl::OkStatus();
  }

  const std::vector<FlagSpec>& specs_;
  const std::vector<std::string>& args_;
  const ParseMode mode_;
  size_t i_ = 0;
  ParsedArgs result_;
};

absl::StatusOr<ParsedArgs> ParseArgs(const std::vector<FlagSpec>& specs,
                                     const std::vector<std::string>& args, ParseMode mode) {
  return ArgParser(specs, args, mode).Parse();
}

}  // namespace airr::cli
