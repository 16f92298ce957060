// What a command of the CLI is: where it sits (`systems create`), its help, the flags and
// positional arguments it accepts, and the function that runs it once the dispatcher (cli.h) has
// parsed the command line and connected.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "tools/airr/args.h"
#include "tools/airr/client.h"
#include "tools/airr/output.h"

namespace airr::cli {

// What a running command gets besides its parsed arguments.
struct CommandContext {
  const Client& client;
  OutputFormat output;
  std::ostream& out;
  std::ostream& err;
  std::string path;  // The command's path, e.g. "systems create", for usage-error hints.
};

struct Command {
  std::string group;          // "systems", "health".
  std::string verb;           // "create"; empty when the group itself is the command ("health").
  std::string args_synopsis;  // The positional arguments in the usage line, e.g. "NAME".
  std::string summary;        // One line for the list of commands.
  std::string description;    // Preformatted paragraphs (at most 100 columns) for --help.
  std::vector<FlagSpec> flags;
  size_t min_args = 0;  // The number of positional arguments accepted.
  size_t max_args = 0;
  // Runs the command and returns the exit code (see errors.h); it reports its own errors.
  std::function<int(const ParsedArgs& args, const CommandContext& context)> run;

  // "systems create", or just the group for a command without a verb.
  std::string Path() const { return verb.empty() ? group : group + " " + verb; }
};

}  // namespace airr::cli
