// The global flags every command accepts (--addr, --token, -o, --timeout, --tls-*) and how they
// combine with the environment (AIRR_ADDR, AIRR_TOKEN, AIRR_TLS_*): a flag wins over the
// environment, which wins over the default.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "tools/airr/args.h"
#include "tools/airr/client.h"
#include "tools/airr/output.h"

namespace airr::cli {

// The environment variables the CLI reads, by name; a missing or empty variable counts as unset.
using Environment = std::map<std::string, std::string>;

// Everything the global flags decide.
struct GlobalOptions {
  ConnectionOptions connection;
  OutputFormat output = OutputFormat::kTable;
};

// The specs of the global flags.
const std::vector<FlagSpec>& GlobalFlagSpecs();

// Reads the variables GlobalFlagSpecs' flags fall back on from the process environment.
Environment ProcessEnvironment();

// Resolves the global flags in `flags` over `env` and the defaults. Returns INVALID_ARGUMENT for
// a bad -o or --timeout value.
absl::StatusOr<GlobalOptions> ResolveGlobalOptions(const ParsedArgs& flags, const Environment& env);

}  // namespace airr::cli
