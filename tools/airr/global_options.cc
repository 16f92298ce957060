#include "tools/airr/global_options.h"

#include <cmath>
#include <cstdlib>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace airr::cli {
namespace {

constexpr char kDefaultAddress[] = "127.0.0.1:50051";

// A global flag and the environment variable it falls back on ("" for none).
struct GlobalFlag {
  FlagSpec spec;
  const char* env;
};

const std::vector<GlobalFlag>& GlobalFlags() {
  using Kind = FlagSpec::Kind;
  static const auto* const kFlags = new std::vector<GlobalFlag>{
      {{"addr", '\0', Kind::kValue, false, "HOST:PORT",
        "The server (any gRPC target). Env AIRR_ADDR; default 127.0.0.1:50051."},
       "AIRR_ADDR"},
      {{"token", '\0', Kind::kValue, false, "TOKEN",
        "Bearer token, sent as `authorization: Bearer TOKEN`. Env AIRR_TOKEN, which is safer: "
        "other users can see flags in `ps`."},
       "AIRR_TOKEN"},
      {{"output", 'o', Kind::kValue, false, "FORMAT",
        "Output format: table (for people) or json (protobuf JSON, for scripts). Default table."},
       ""},
      {{"timeout", '\0', Kind::kValue, false, "SECONDS",
        "Deadline of each call, in seconds (or a duration such as 500ms or 1m). Default 10."},
       ""},
      {{"tls-ca", '\0', Kind::kValue, false, "FILE",
        "Use TLS and trust this PEM root CA. Env AIRR_TLS_CA. Without any --tls-* flag the "
        "connection is plaintext."},
       "AIRR_TLS_CA"},
      {{"tls-cert", '\0', Kind::kValue, false, "FILE",
        "PEM client certificate for mutual TLS (with --tls-key). Env AIRR_TLS_CERT."},
       "AIRR_TLS_CERT"},
      {{"tls-key", '\0', Kind::kValue, false, "FILE",
        "PEM private key of --tls-cert. Env AIRR_TLS_KEY."},
       "AIRR_TLS_KEY"},
      {{"tls-server-name", '\0', Kind::kValue, false, "NAME",
        "Check the server certificate for this name instead of the host in --addr. "
        "Env AIRR_TLS_SERVER_NAME."},
       "AIRR_TLS_SERVER_NAME"},
  };
  return *kFlags;
}

// The flag's value if given (even when empty), else the variable's if set and non-empty, else
// `fallback`.
std::string Lookup(const ParsedArgs& flags, const Environment& env, const std::string& flag,
                   const std::string& variable, const std::string& fallback) {
  if (std::optional<std::string> value = flags.Get(flag)) {
    return *value;
  }
  if (!variable.empty()) {
    auto it = env.find(variable);
    if (it != env.end() && !it->second.empty()) {
      return it->second;
    }
  }
  return fallback;
}

std::string EnvOf(const std::string& flag) {
  for (const GlobalFlag& global : GlobalFlags()) {
    if (global.spec.name == flag) {
      return global.env;
    }
  }
  return "";
}

absl::StatusOr<absl::Duration> ParseTimeout(const std::string& text) {
  double seconds = 0;
  absl::Duration timeout;
  if (absl::SimpleAtod(text, &seconds)) {
    if (!std::isfinite(seconds)) {
      return absl::InvalidArgumentError("--timeout must be positive and finite");
    }
    timeout = absl::Seconds(seconds);
  } else if (!absl::ParseDuration(text, &timeout)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--timeout: \"", text, "\" is not a number of seconds or a duration"));
  }
  if (timeout <= absl::ZeroDuration() || timeout == absl::InfiniteDuration()) {
    return absl::InvalidArgumentError("--timeout must be positive and finite");
  }
  return timeout;
}

}  // namespace

const std::vector<FlagSpec>& GlobalFlagSpecs() {
  static const auto* const kSpecs = [] {
    auto* specs = new std::vector<FlagSpec>();
    for (const GlobalFlag& flag : GlobalFlags()) {
      specs->push_back(flag.spec);
    }
    return specs;
  }();
  return *kSpecs;
}

Environment ProcessEnvironment() {
  Environment env;
  for (const GlobalFlag& flag : GlobalFlags()) {
    if (flag.env[0] == '\0') {
      continue;
    }
    if (const char* value = std::getenv(flag.env); value != nullptr) {
      env[flag.env] = value;
    }
  }
  return env;
}

absl::StatusOr<GlobalOptions> ResolveGlobalOptions(const ParsedArgs& flags,
                                                   const Environment& env) {
  const auto get = [&](const std::string& flag, const std::string& fallback = "") {
    return Lookup(flags, env, flag, EnvOf(flag), fallback);
  };
  GlobalOptions options;
  absl::StatusOr<OutputFormat> format = ParseOutputFormat(get("output", "table"));
  if (!format.ok()) {
    return format.status();
  }
  options.output = *format;
  absl::StatusOr<absl::Duration> timeout = ParseTimeout(get("timeout", "10"));
  if (!timeout.ok()) {
    return timeout.status();
  }
  ConnectionOptions& connection = options.connection;
  connection.timeout = *timeout;
  connection.address = get("addr", kDefaultAddress);
  // Tokens pasted from files often carry a trailing newline.
  connection.token = std::string(absl::StripAsciiWhitespace(get("token")));
  connection.tls_ca_file = get("tls-ca");
  connection.tls_cert_file = get("tls-cert");
  connection.tls_key_file = get("tls-key");
  connection.tls_server_name = get("tls-server-name");
  return options;
}

}  // namespace airr::cli
