#include "tools/airr/playbooks_command.h"

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "services/playbook/playbook_fields.h"
#include "tools/airr/command_util.h"
#include "tools/airr/playbook_common.h"
#include "tools/airr/playbook_file.h"
#include "tools/airr/playbook_output.h"
#include "tools/airr/resource_names.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::playbook::v1;

// The fields a playbook version is made of: an update from a file replaces all of them.
constexpr char kFileHelp[] =
    "The playbook file: YAML (.yaml, .yml) or protobuf JSON (.json, or text starting with {); - "
    "reads standard input. At most 1 MiB.";

int PrintPlaybook(const grpc::Status& status, const pb::Playbook& playbook,
                  const CommandContext& context) {
  return PrintTextResult<pb::Playbook>(status, playbook, context, FormatPlaybook);
}

// The file of -f with --note applied; a usage error (exit 2) has been reported when it is empty.
std::optional<PlaybookFile> ReadFileArg(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<PlaybookFile> file = ReadPlaybookFile(args.Get("file").value_or(""));
  if (!file.ok()) {
    UsageError(file.status(), context);
    return std::nullopt;
  }
  if (std::optional<std::string> note = args.Get("note")) {
    file->playbook.set_change_note(*note);
  }
  return *std::move(file);
}

int RunCreate(const ParsedArgs& args, const CommandContext& context) {
  std::optional<PlaybookFile> file = ReadFileArg(args, context);
  if (!file.has_value()) {
    return kExitUsage;
  }
  pb::CreatePlaybookRequest request;
  request.set_playbook_id(args.Get("id").value_or(file->id));
  if (request.playbook_id().empty()) {
    return UsageError(
        absl::InvalidArgumentError("the file names no playbook (name: playbooks/ID); give --id"),
        context);
  }
  *request.mutable_playbook() = std::move(file->playbook);
  pb::Playbook playbook;
  return PrintPlaybook(
      CallRpc(*NewPlaybookStub(context), &pb::PlaybookService::Stub::CreatePlaybook, request,
              context, &playbook),
      playbook, context);
}

int RunUpdate(const ParsedArgs& args, const CommandContext& context) {
  std::optional<PlaybookFile> file = ReadFileArg(args, context);
  if (!file.has_value()) {
    return kExitUsage;
  }
  const std::string name = PlaybookName(args.positional()[0]);
  if (!file->id.empty() && PlaybookName(file->id) != name) {
    return UsageError(absl::InvalidArgumentError(
                          absl::StrCat("the file is playbooks/", file->id, ", not ", name)),
                      context);
  }
  pb::UpdatePlaybookRequest request;
  *request.mutable_playbook() = std::move(file->playbook);
  request.mutable_playbook()->set_name(name);
  request.mutable_playbook()->set_etag(args.Get("etag").value_or(""));
  for (const std::string& field : playbook::PlaybookDefinitionFields()) {
    request.mutable_update_mask()->add_paths(field);
  }
  pb::Playbook playbook;
  return PrintPlaybook(
      CallRpc(*NewPlaybookStub(context), &pb::PlaybookService::Stub::UpdatePlaybook, request,
              context, &playbook),
      playbook, context);
}

absl::StatusOr<int32_t> PageSize(const ParsedArgs& args) {
  return IntFlag(args, "page-size", 0, 0, 1000);
}

int RunList(const ParsedArgs& args, const CommandContext& context) {
  pb::ListPlaybooksRequest request;
  request.set_show_archived(args.GetBool("show-archived"));
  absl::StatusOr<int32_t> page_size = PageSize(args);
  if (!page_size.ok()) {
    return UsageError(page_size.status(), context);
  }
  request.set_page_size(*page_size);
  pb::ListPlaybooksResponse merged;
  const std::unique_ptr<pb::PlaybookService::Stub> stub = NewPlaybookStub(context);
  if (const int code = ListPagesOf(*stub, &pb::PlaybookService::Stub::ListPlaybooks, request, args,
                                   context, &merged);
      code != kExitOk) {
    return code;
  }
  if (context.output == OutputFormat::kJson) {
    return PrintMessage(merged, context);
  }
  if (merged.playbooks().empty()) {
    context.err << "No playbooks found.\n";
  } else {
    context.out << FormatPlaybookTable(merged.playbooks());
  }
  PrintNextPageHint(merged.next_page_token(), context);
  return kExitOk;
}

int RunShow(const ParsedArgs& args, const CommandContext& context) {
  pb::GetPlaybookRequest request;
  request.set_name(PlaybookName(args.positional()[0]));
  pb::Playbook playbook;
  return PrintPlaybook(CallRpc(*NewPlaybookStub(context), &pb::PlaybookService::Stub::GetPlaybook,
                               request, context, &playbook),
                       playbook, context);
}

int RunVersions(const ParsedArgs& args, const CommandContext& context) {
  pb::ListPlaybookVersionsRequest request;
  request.set_name(PlaybookName(args.positional()[0]));
  absl::StatusOr<int32_t> page_size = PageSize(args);
  if (!page_size.ok()) {
    return UsageError(page_size.status(), context);
  }
  request.set_page_size(*page_size);
  pb::ListPlaybookVersionsResponse merged;
  const std::unique_ptr<pb::PlaybookService::Stub> stub = NewPlaybookStub(context);
  if (const int code = ListPagesOf(*stub, &pb::PlaybookService::Stub::ListPlaybookVersions, request,
                                   args, context, &merged);
      code != kExitOk) {
    return code;
  }
  if (context.output == OutputFormat::kJson) {
    return PrintMessage(merged, context);
  }
  context.out << FormatVersionTable(merged.versions());
  PrintNextPageHint(merged.next_page_token(), context);
  return kExitOk;
}

int RunArchive(const ParsedArgs& args, const CommandContext& context) {
  pb::ArchivePlaybookRequest request;
  request.set_name(PlaybookName(args.positional()[0]));
  request.set_etag(args.Get("etag").value_or(""));
  pb::Playbook playbook;
  return PrintPlaybook(
      CallRpc(*NewPlaybookStub(context), &pb::PlaybookService::Stub::ArchivePlaybook, request,
              context, &playbook),
      playbook, context);
}

FlagSpec FileFlag() {
  FlagSpec file = RequiredFlag("file", "FILE", kFileHelp);
  file.short_name = 'f';
  return file;
}

Command Playbooks(std::string verb, std::string synopsis, std::string summary,
                  std::string description, std::vector<FlagSpec> flags,
                  std::function<int(const ParsedArgs&, const CommandContext&)> run) {
  Command command = NewCommand("playbooks", std::move(verb));
  command.args_synopsis = std::move(synopsis);
  command.summary = std::move(summary);
  command.description = std::move(description);
  command.flags = std::move(flags);
  command.min_args = command.max_args = command.args_synopsis.empty() ? 0 : 1;
  command.run = std::move(run);
  return command;
}

constexpr char kFormatHelp[] =
    "\n\nThe file holds the Playbook fields display_name, purpose, owner, triggers, targets,\n"
    "steps and drill_interval (proto or lowerCamel names; see deploy/examples/). Enum values\n"
    "may be written short and in any case (role: legal, severities: [sev1], kind:\n"
    "notify-stakeholders) or in full (RESPONSIBLE_ROLE_LEGAL); durations as \"15m\", \"2h\",\n"
    "\"1d\" or \"900s\". Output-only fields (version, etag, times) are ignored, so the output of\n"
    "'airr -o json playbooks show' can be edited and read back. A file that cannot be read is a\n"
    "usage error (exit 2) naming the line and column or the field; nothing is sent.";

}  // namespace

std::vector<Command> PlaybooksCommands() {
  return {
      Playbooks("create", "", "Imports a playbook from a YAML or JSON file (version 1).",
                absl::StrCat("Creates a playbook from a file at version 1. Its id is --id, else "
                             "the id of the\nfile's name (name: playbooks/ID).",
                             kFormatHelp,
                             "\n\nExample:\n  airr playbooks create -f "
                             "deploy/examples/bcp-ai-system-shutdown.yaml"),
                {FileFlag(),
                 ValueFlag("id", "ID",
                           "The playbook's id: 1 to 63 lower-case letters, digits and -, "
                           "starting with a letter. Default: from the file's name."),
                 ValueFlag("note", "TEXT", "Why this version was made (its change note).")},
                RunCreate),
      Playbooks("update", "NAME", "Replaces a playbook's definition from a file (a new version).",
                absl::StrCat("Makes the file's definition the playbook's next version; every "
                             "definition field is\nreplaced, so a field left out of the file is "
                             "cleared. Runs keep the version they\nstarted with. NAME is the id "
                             "or playbooks/ID.",
                             kFormatHelp),
                {FileFlag(), ValueFlag("note", "TEXT", "Why this version was made."),
                 EtagFlag("playbook")},
                RunUpdate),
      Playbooks("list", "", "Lists the playbooks with their triggers and last drill.",
                "Lists the playbooks by id, each at its current version. Archived ones only "
                "with\n--show-archived.",
                Concat({BoolFlag("show-archived", "Include archived playbooks.")},
                       PageFlags("playbooks")),
                RunList),
      Playbooks("show", "NAME", "Shows a playbook: triggers, target times and steps.",
                "Shows a playbook's current version: triggers, target times (the RTO), drill\n"
                "interval, last drill and the steps with roles, offsets and dependencies. With\n"
                "-o json it prints the Playbook, which 'playbooks update -f' reads back.",
                {}, RunShow),
      Playbooks("versions", "NAME", "Lists a playbook's versions, newest first.",
                "Lists the versions of a playbook, newest first, with their author and change "
                "note.",
                PageFlags("versions"), RunVersions),
      Playbooks("archive", "NAME", "Archives a playbook: no new runs, no drills due.",
                "Archives a playbook: it stays readable with its runs, starts no new runs and is\n"
                "no longer due for drills.",
                {EtagFlag("playbook")}, RunArchive),
  };
}

}  // namespace airr::cli
