#include "tools/airr/systems_command.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "airr/inventory/v1/inventory_service.grpc.pb.h"
#include "tools/airr/command_util.h"
#include "tools/airr/enum_names.h"
#include "tools/airr/errors.h"
#include "tools/airr/resource_names.h"
#include "tools/airr/system_fields.h"
#include "tools/airr/system_file.h"
#include "tools/airr/terminal_text.h"

namespace airr::cli {
namespace {

using inventory::v1::AiSystem;
using inventory::v1::InventoryService;

// Wider cells are cut in the list table; -o json has the full text.
constexpr int kMaxDisplayNameWidth = 40;
constexpr int kMaxOwnerWidth = 24;

std::unique_ptr<InventoryService::Stub> NewStub(const CommandContext& context) {
  return InventoryService::NewStub(context.client.channel());
}

int RunCreate(const ParsedArgs& args, const CommandContext& context) {
  inventory::v1::CreateAiSystemRequest request;
  if (std::optional<std::string> path = args.Get("from-file")) {
    absl::StatusOr<SystemFile> file = ReadSystemFile(*path);
    if (!file.ok()) {
      return UsageError(file.status(), context);
    }
    *request.mutable_ai_system() = std::move(file->system);
  }
  std::vector<std::string> unused_paths;
  if (absl::Status status = ApplySystemFieldFlags(args, request.mutable_ai_system(), &unused_paths);
      !status.ok()) {
    return UsageError(status, context);
  }
  request.set_ai_system_id(args.Get("id").value_or(""));
  absl::StatusOr<std::string> request_id = CreateRequestId(args);
  if (!request_id.ok()) {
    return UsageError(request_id.status(), context);
  }
  request.set_request_id(*request_id);

  AiSystem system;
  const std::unique_ptr<grpc::ClientContext> call = context.client.NewContext();
  const grpc::Status status = NewStub(context)->CreateAiSystem(call.get(), request, &system);
  if (!status.ok()) {
    return ReportCreateError(status, request.request_id(), args, "system", context);
  }
  return PrintMessage(system, context);
}

int RunGet(const ParsedArgs& args, const CommandContext& context) {
  inventory::v1::GetAiSystemRequest request;
  request.set_name(SystemName(args.positional()[0]));
  AiSystem system;
  const std::unique_ptr<grpc::ClientContext> call = context.client.NewContext();
  return PrintResult(NewStub(context)->GetAiSystem(call.get(), request, &system), system, context);
}

std::vector<std::string> ListRow(const AiSystem& system) {
  std::string stage =
      ShortEnumName(*inventory::v1::LifecycleStage_descriptor(), system.lifecycle_stage());
  if (system.has_delete_time()) {
    absl::StrAppend(&stage, " (deleted)");
  }
  return {
      system.name(),
      TruncateToWidth(SanitizeForTerminal(system.display_name()), kMaxDisplayNameWidth),
      std::move(stage),
      ShortEnumName(*inventory::v1::RiskTier_descriptor(), system.risk_tier()),
      TruncateToWidth(SanitizeForTerminal(system.owner()), kMaxOwnerWidth),
      absl::StrJoin(system.jurisdictions(), ","),
      FormatTimestampShort(system.update_time()),
  };
}

int RunList(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<ListArgs> list = ParseListArgs(args);
  if (!list.ok()) {
    return UsageError(list.status(), context);
  }
  inventory::v1::ListAiSystemsRequest request;
  request.set_filter(list->filter);
  request.set_order_by(list->order_by);
  request.set_page_size(list->page_size);
  request.set_show_deleted(args.GetBool("show-deleted"));

  const std::unique_ptr<InventoryService::Stub> stub = NewStub(context);
  inventory::v1::ListAiSystemsResponse merged;
  if (const int code =
          FetchPagesInto<inventory::v1::ListAiSystemsRequest, inventory::v1::ListAiSystemsResponse>(
              [&](grpc::ClientContext* call, const auto& sent, auto* page) {
                return stub->ListAiSystems(call, sent, page);
              },
              request, list->page_token, list->all_pages, context, &merged);
      code != kExitOk) {
    return code;
  }

  if (context.output == OutputFormat::kJson) {
    return PrintMessage(merged, context);
  }
  if (merged.ai_systems().empty()) {
    context.err << "No AI systems found.\n";
  } else {
    std::vector<std::vector<std::string>> rows;
    for (const AiSystem& system : merged.ai_systems()) {
      rows.push_back(ListRow(system));
    }
    context.out << FormatTable(
        {"NAME", "DISPLAY NAME", "STAGE", "TIER", "OWNER", "JURISDICTIONS", "UPDATED"}, rows);
  }
  PrintNextPageHint(merged.next_page_token(), context);
  return kExitOk;
}

int RunUpdate(const ParsedArgs& args, const CommandContext& context) {
  inventory::v1::UpdateAiSystemRequest request;
  AiSystem& system = *request.mutable_ai_system();
  std::vector<std::string> paths;
  if (std::optional<std::string> path = args.Get("from-file")) {
    absl::StatusOr<SystemFile> file = ReadSystemFile(*path);
    if (!file.ok()) {
      return UsageError(file.status(), context);
    }
    system = std::move(file->system);
    paths = std::move(file->paths);
  }
  if (absl::Status status = ApplySystemFieldFlags(args, &system, &paths); !status.ok()) {
    return UsageError(status, context);
  }
  if (paths.empty()) {
    return UsageError(
        absl::InvalidArgumentError("nothing to update: give the flags of the fields to change, or "
                                   "--from-file"),
        context);
  }
  // Output-only fields a file may carry (it may come from `-o json systems get`) are not sent.
  system.clear_create_time();
  system.clear_update_time();
  system.clear_delete_time();
  system.set_name(SystemName(args.positional()[0]));
  if (std::optional<std::string> etag = args.Get("etag")) {
    system.set_etag(*etag);
  }
  for (const std::string& path : paths) {
    request.mutable_update_mask()->add_paths(path);
  }
  AiSystem updated;
  const std::unique_ptr<grpc::ClientContext> call = context.client.NewContext();
  return PrintResult(NewStub(context)->UpdateAiSystem(call.get(), request, &updated), updated,
                     context);
}

int RunDelete(const ParsedArgs& args, const CommandContext& context) {
  inventory::v1::DeleteAiSystemRequest request;
  request.set_name(SystemName(args.positional()[0]));
  request.set_etag(args.Get("etag").value_or(""));
  AiSystem system;
  const std::unique_ptr<grpc::ClientContext> call = context.client.NewContext();
  return PrintResult(NewStub(context)->DeleteAiSystem(call.get(), request, &system), system,
                     context);
}

int RunUndelete(const ParsedArgs& args, const CommandContext& context) {
  inventory::v1::UndeleteAiSystemRequest request;
  request.set_name(SystemName(args.positional()[0]));
  request.set_etag(args.Get("etag").value_or(""));
  AiSystem system;
  const std::unique_ptr<grpc::ClientContext> call = context.client.NewContext();
  return PrintResult(NewStub(context)->UndeleteAiSystem(call.get(), request, &system), system,
                     context);
}

std::vector<FlagSpec> WithFieldFlags(std::vector<FlagSpec> flags) {
  return Concat(std::move(flags), SystemFieldFlagSpecs());
}

Command SystemCommand(std::string verb) { return NewCommand("systems", std::move(verb)); }

Command CreateCommand() {
  Command command = SystemCommand("create");
  command.summary = "Registers a new AI system.";
  command.description =
      "Registers a new AI system. Give its fields as flags, or as a JSON AiSystem with\n"
      "--from-file (flags override the file's fields). The server requires at least\n"
      "--display-name, --owner, --role, --stage, --model-type, --jurisdiction, --oversight and\n"
      "--tier, and --eu-category when a jurisdiction is in the EU.\n"
      "\n"
      "Every create carries a request id: a retry with the same id returns the system the first\n"
      "call created instead of creating another. Each invocation gets a fresh random id unless\n"
      "--request-id is given, so running the command twice creates two systems. Scripts that\n"
      "retry a create should generate one UUID (e.g. with uuidgen) and pass it to every attempt.\n"
      "\n"
      "Example:\n"
      "  airr systems create --id support-bot --display-name 'Support bot' --owner cx-team \\\n"
      "    --role provider --stage operation --model-type llm --generative --data personal \\\n"
      "    --jurisdiction JP --jurisdiction EU --eu-category transparency_only \\\n"
      "    --oversight on_the_loop --tier medium --label business_unit=retail";
  command.flags = WithFieldFlags(CreateFlags("aiSystems", "system"));
  command.run = RunCreate;
  return command;
}

Command GetCommand() {
  Command command = SystemCommand("get");
  command.args_synopsis = "NAME";
  command.summary = "Shows one AI system (also a soft-deleted one).";
  command.description =
      "Shows one AI system, including its etag for a guarded update or delete. NAME is\n"
      "aiSystems/ID or just ID. A soft-deleted system is shown too, with its delete_time.";
  command.min_args = command.max_args = 1;
  command.run = RunGet;
  return command;
}

Command ListCommand() {
  Command command = SystemCommand("list");
  command.summary = "Lists AI systems, a page at a time or all of them.";
  command.description =
      "Lists AI systems in a stable order, one page at a time, or every page with --all (with\n"
      "-o json, --all prints one object holding all systems). Soft-deleted systems are left out\n"
      "unless --show-deleted is given.\n"
      "\n"
      "Filters are AIP-160 expressions over the fields, for example:\n"
      "  airr systems list --filter 'risk_tier = HIGH AND jurisdictions:\"EU\"'\n"
      "  airr systems list --filter 'lifecycle_stage = OPERATION' --order-by 'update_time desc'";
  command.flags = ListFlags(
      "Keep only systems matching this AIP-160 filter over display_name, owner, "
      "accountable_officer, lifecycle_stage, model_type, risk_tier, human_oversight, "
      "actor_roles, jurisdictions, data_categories, vendors, upstream_models, advanced_ai, "
      "generative_ai, eu_ai_act.category, labels.KEY, create_time and update_time.",
      "display_name, create_time (the default), update_time, owner, lifecycle_stage or "
      "risk_tier, with an optional \" desc\".",
      "The most systems per page, 1 to 1000 (default 50).");
  command.flags.push_back(BoolFlag("show-deleted", "Include soft-deleted systems."));
  command.run = RunList;
  return command;
}

Command UpdateCommand() {
  Command command = SystemCommand("update");
  command.args_synopsis = "NAME";
  command.summary = "Changes fields of an AI system.";
  command.description =
      "Changes exactly the fields whose flags are given: the update_mask is that set of fields,\n"
      "and nothing else is touched. A list flag (--role, --vendor, --jurisdiction, ...) replaces\n"
      "the whole list, and --label replaces all labels. An empty value clears a field\n"
      "(--description= or --vendor=). NAME is aiSystems/ID or just ID.\n"
      "\n"
      "With --from-file, the fields the JSON names are changed too (flags win over the file), and\n"
      "the file's etag guards the update unless --etag is given, so this fails with ABORTED if\n"
      "someone changed the system in between:\n"
      "  airr -o json systems get support-bot > bot.json   # then edit bot.json\n"
      "  airr systems update support-bot --from-file bot.json";
  command.flags = WithFieldFlags({
      ValueFlag("etag", "ETAG",
                "Apply only if the system is unchanged since this etag was read (else ABORTED). "
                "--etag= skips the check even when the file has an etag."),
      ValueFlag("from-file", "FILE",
                "Read field values from this JSON AiSystem (- for standard input); the fields "
                "it names are updated."),
  });
  command.min_args = command.max_args = 1;
  command.run = RunUpdate;
  return command;
}

Command DeleteCommand() {
  Command command = SystemCommand("delete");
  command.args_synopsis = "NAME";
  command.summary = "Soft-deletes an AI system (undelete restores it).";
  command.description =
      "Soft-deletes an AI system: it keeps its history, stays readable with `systems get`, and\n"
      "can be restored with `systems undelete`. NAME is aiSystems/ID or just ID.";
  command.flags = {
      ValueFlag("etag", "ETAG",
                "Delete only if the system is unchanged since this etag was read (else ABORTED)."),
  };
  command.min_args = command.max_args = 1;
  command.run = RunDelete;
  return command;
}

Command UndeleteCommand() {
  Command command = SystemCommand("undelete");
  command.args_synopsis = "NAME";
  command.summary = "Restores a soft-deleted AI system.";
  command.description = "Restores a soft-deleted AI system. NAME is aiSystems/ID or just ID.";
  command.flags = {
      ValueFlag("etag", "ETAG",
                "Undelete only if the system is unchanged since this etag was read (else "
                "ABORTED)."),
  };
  command.min_args = command.max_args = 1;
  command.run = RunUndelete;
  return command;
}

}  // namespace

std::vector<Command> SystemsCommands() {
  return {CreateCommand(), GetCommand(),    ListCommand(),
          UpdateCommand(), DeleteCommand(), UndeleteCommand()};
}

}  // namespace airr::cli
