// A small command-line flag parser: `--flag value`, `--flag=value`, `-o value`, repeated flags,
// boolean flags (`--advanced`, `--advanced=false`), positional arguments and `--`. It knows nothing
// about airr: each command describes its flags with FlagSpec, and `--help`/`-h` is always known.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace airr::cli {

// One flag a command accepts.
struct FlagSpec {
  enum class Kind {
    kValue,  // Takes a value: `--owner ops` or `--owner=ops`.
    kBool,   // A switch: `--advanced`, or explicitly `--advanced=true|false`.
  };
  std::string name;        // The long name without dashes, e.g. "display-name".
  char short_name = '\0';  // An optional one-letter alias, e.g. 'o' for `-o`.
  Kind kind = Kind::kValue;
  bool repeated = false;   // May be given more than once; the values accumulate in order.
  std::string value_name;  // The placeholder shown in help, e.g. "NAME".
  std::string help;        // What the flag does, for --help.
  bool required = false;   // Must be given; ParseArgs reports it missing (help says so).
};

// The outcome of parsing: the flags that were given, the positional arguments and, in
// ParseMode::kStopAtPositional, the arguments left unparsed. Values are kept as strings; boolean
// flags hold "true" or "false". A value type; not thread-safe for concurrent mutation.
class ParsedArgs {
 public:
  // Whether the flag was given (at least once).
  bool Has(const std::string& name) const;
  // The last value of the flag, or nullopt when it was not given.
  std::optional<std::string> Get(const std::string& name) const;
  // Every value of the flag in the order given; empty when it was not given.
  const std::vector<std::string>& GetAll(const std::string& name) const;
  // Whether a boolean flag is given and true.
  bool GetBool(const std::string& name) const;
  // The names of all flags given, sorted.
  std::vector<std::string> Names() const;

  // The positional arguments, in order.
  const std::vector<std::string>& positional() const { return positional_; }
  // In ParseMode::kStopAtPositional, the first positional argument and everything after it.
  const std::vector<std::string>& rest() const { return rest_; }
  // Whether `--help` or `-h` was given.
  bool help() const { return help_; }

  // Makes every flag given in `later` replace the values of the same flag here (used to let
  // global flags after the command override those before it).
  void Overlay(const ParsedArgs& later);

 private:
  friend class ArgParser;
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
  std::vector<std::string> rest_;
  bool help_ = false;
};

enum class ParseMode {
  // Flags and positional arguments may be mixed; `--` ends the flags.
  kInterspersed,
  // Parsing stops at the first positional argument, which is kept with the rest in rest().
  kStopAtPositional,
};

// Parses `args` (without the program name) against `specs`.
// Returns INVALID_ARGUMENT, with a message fit for the user, for an unknown flag, a missing or
// unexpected value, a non-boolean value of a boolean flag, a non-repeated flag given twice, or a
// required flag not given.
// When `--help`/`-h` appears anywhere before `--`, returns a result with help() set and no error,
// so that help works even on a command line with mistakes in it.
absl::StatusOr<ParsedArgs> ParseArgs(const std::vector<FlagSpec>& specs,
                                     const std::vector<std::string>& args,
                                     ParseMode mode = ParseMode::kInterspersed);

}  // namespace airr::cli
