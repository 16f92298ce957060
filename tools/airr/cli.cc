#include "tools/airr/cli.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tools/airr/command.h"
#include "tools/airr/drill_command.h"
#include "tools/airr/errors.h"
#include "tools/airr/health_command.h"
#include "tools/airr/incidents_command.h"
#include "tools/airr/mitigations_command.h"
#include "tools/airr/notifications_command.h"
#include "tools/airr/playbooks_command.h"
#include "tools/airr/principles_command.h"
#include "tools/airr/report_command.h"
#include "tools/airr/run_command.h"
#include "tools/airr/signals_command.h"
#include "tools/airr/systems_command.h"
#include "tools/airr/usage.h"
#include "tools/airr/violations_command.h"

namespace airr::cli {
namespace {

std::vector<Command> AllCommands() {
  std::vector<Command> commands = {HealthCommand()};
  for (std::vector<Command> group :
       {SystemsCommands(), IncidentsCommands(), SignalsCommands(), PrinciplesCommands(),
        ViolationsCommands(), MitigationsCommands(), NotificationsCommands(), ReportCommands(),
        PlaybooksCommands(), DrillCommands(), RunCommands()}) {
    for (Command& command : group) {
      commands.push_back(std::move(command));
    }
  }
  return commands;
}

std::string GlobalFlagsHelp() {
  std::vector<FlagSpec> specs = GlobalFlagSpecs();
  // Shown with the others, but parsed by ParseArgs itself at every level.
  specs.push_back({"help", 'h', FlagSpec::Kind::kBool, false, "",
                   "Show help; works at every level (airr systems --help)."});
  return absl::StrCat("Global flags (also accepted after the command):\n", FormatFlagHelp(specs));
}

std::string TopHelp(const std::vector<Command>& commands) {
  std::vector<std::pair<std::string, std::string>> rows;
  for (const Command& command : commands) {
    rows.emplace_back(command.Path(), command.summary);
  }
  return absl::StrCat(
      "airr: the command-line client of the airr AI incident and risk register.\n\n"
      "Usage: airr [global flags] <group> <verb> [flags] [args]\n\n"
      "Commands:\n",
      FormatTwoColumns(rows), "\n", GlobalFlagsHelp(),
      "\nExit status: 0 on success; 1 when the server returned an error or could not be reached;\n"
      "2 for a usage error (nothing was sent).\n\n"
      "Run 'airr <group> <verb> --help' for a command's flags, e.g. 'airr systems create "
      "--help'.\n");
}

std::string GroupHelp(const std::string& group, const std::vector<const Command*>& commands) {
  std::vector<std::pair<std::string, std::string>> rows;
  for (const Command* command : commands) {
    rows.emplace_back(command->verb, command->summary);
  }
  return absl::StrCat("Usage: airr [global flags] ", group, " <verb> [flags] [args]\n\nVerbs:\n",
                      FormatTwoColumns(rows), "\nRun 'airr ", group,
                      " <verb> --help' for a verb's flags, 'airr --help' for the global flags.\n");
}

std::string CommandHelp(const Command& command) {
  std::string usage = absl::StrCat("Usage: airr [global flags] ", command.Path());
  if (!command.args_synopsis.empty()) {
    absl::StrAppend(&usage, " ", command.args_synopsis);
  }
  if (!command.flags.empty()) {
    absl::StrAppend(&usage, " [flags]");
  }
  std::string help = absl::StrCat(usage, "\n\n", command.description, "\n");
  if (!command.flags.empty()) {
    absl::StrAppend(&help, "\nFlags:\n", FormatFlagHelp(command.flags));
  }
  absl::StrAppend(&help,
                  "\nGlobal flags (--addr, --token, -o, --timeout, --tls-*): see 'airr --help'.\n");
  return help;
}

bool IsHelpToken(const std::string& arg) { return arg == "--help" || arg == "-h"; }

// Parses the command's arguments, connects and runs it.
int RunCommand(const Command& command, const std::vector<std::string>& args,
               ParsedArgs global_flags, const Environment& env, std::ostream& out,
               std::ostream& err) {
  const std::string path = command.Path();
  // Before parsing, which would report the required flags that a help request leaves out.
  if (global_flags.help()) {
    out << CommandHelp(command);
    return kExitOk;
  }
  std::vector<FlagSpec> specs = command.flags;
  specs.insert(specs.end(), GlobalFlagSpecs().begin(), GlobalFlagSpecs().end());
  absl::StatusOr<ParsedArgs> parsed = ParseArgs(specs, args);
  if (!parsed.ok()) {
    return ReportUsageError(std::string(parsed.status().message()), path, err);
  }
  if (parsed->help()) {
    out << CommandHelp(command);
    return kExitOk;
  }
  const std::vector<std::string>& positional = parsed->positional();
  if (positional.size() < command.min_args) {
    return ReportUsageError(absl::StrCat("missing ", command.args_synopsis), path, err);
  }
  if (positional.size() > command.max_args) {
    return ReportUsageError(
        absl::StrCat("unexpected argument \"", positional[command.max_args], "\""), path, err);
  }
  global_flags.Overlay(*parsed);
  absl::StatusOr<GlobalOptions> options = ResolveGlobalOptions(global_flags, env);
  if (!options.ok()) {
    return ReportUsageError(std::string(options.status().message()), path, err);
  }
  absl::StatusOr<std::unique_ptr<Client>> client = Client::Create(options->connection);
  if (!client.ok()) {
    return ReportUsageError(std::string(client.status().message()), path, err);
  }
  const CommandContext context{**client, options->output, out, err, path};
  return command.run(*parsed, context);
}

}  // namespace

int RunCli(const std::vector<std::string>& args, const Environment& env, std::ostream& out,
           std::ostream& err) {
  const std::vector<Command> commands = AllCommands();
  absl::StatusOr<ParsedArgs> global_flags =
      ParseArgs(GlobalFlagSpecs(), args, ParseMode::kStopAtPositional);
  if (!global_flags.ok()) {
    return ReportUsageError(std::string(global_flags.status().message()), "", err);
  }
  // A copy: global_flags is moved into RunCommand below.
  const std::vector<std::string> rest = global_flags->rest();
  if (rest.empty() || rest[0] == "help") {
    if (global_flags->help() || !rest.empty()) {
      out << TopHelp(commands);
      return kExitOk;
    }
    err << TopHelp(commands);
    return kExitUsage;
  }

  const std::string& group = rest[0];
  std::vector<const Command*> in_group;
  for (const Command& command : commands) {
    if (command.group == group) {
      in_group.push_back(&command);
    }
  }
  if (in_group.empty()) {
    return ReportUsageError(absl::StrCat("unknown command \"", group, "\""), "", err);
  }
  if (in_group.size() == 1 && in_group[0]->verb.empty()) {
    return RunCommand(*in_group[0], {rest.begin() + 1, rest.end()}, *std::move(global_flags), env,
                      out, err);
  }

  std::vector<std::string> verbs;
  for (const Command* command : in_group) {
    verbs.push_back(command->verb);
  }
  if (rest.size() < 2 || rest[1].empty() || rest[1][0] == '-') {
    if (global_flags->help() || (rest.size() >= 2 && IsHelpToken(rest[1]))) {
      out << GroupHelp(group, in_group);
      return kExitOk;
    }
    return ReportUsageError(
        absl::StrCat("missing verb after \"", group, "\"; one of: ", absl::StrJoin(verbs, ", ")),
        group, err);
  }
  for (const Command* command : in_group) {
    if (command->verb == rest[1]) {
      return RunCommand(*command, {rest.begin() + 2, rest.end()}, *std::move(global_flags), env,
                        out, err);
    }
  }
  return ReportUsageError(absl::StrCat("unknown verb \"", rest[1], "\" for \"", group,
                                       "\"; one of: ", absl::StrJoin(verbs, ", ")),
                          group, err);
}

}  // namespace airr::cli
