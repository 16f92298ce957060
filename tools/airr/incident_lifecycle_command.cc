#include "tools/airr/incident_lifecycle_command.h"

#include <memory>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tools/airr/command_util.h"
#include "tools/airr/enum_names.h"
#include "tools/airr/incident_common.h"
#include "tools/airr/resource_names.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::incident::v1;

template <typename Request>
using LifecycleRpc = grpc::Status (pb::IncidentService::Stub::*)(grpc::ClientContext*,
                                                                 const Request&, pb::Incident*);

// Sends `request` with `rpc` and prints the incident it returns.
template <typename Request>
int Call(LifecycleRpc<Request> rpc, const Request& request, const CommandContext& context) {
  const std::unique_ptr<pb::IncidentService::Stub> stub = NewIncidentStub(context);
  const std::unique_ptr<grpc::ClientContext> call = context.client.NewContext();
  pb::Incident incident;
  const grpc::Status status = ((*stub).*rpc)(call.get(), request, &incident);
  return PrintIncidentResult(status, incident, context);
}

// The number of the enum value the flag names; 0 when the flag is not given.
absl::StatusOr<int> EnumFlag(const ParsedArgs& args, const std::string& flag,
                             const google::protobuf::EnumDescriptor& type) {
  return ParseEnumName(type, args.Get(flag).value_or(""), absl::StrCat("--", flag));
}

std::string Name(const ParsedArgs& args) { return IncidentName(args.positional()[0]); }

std::string Text(const ParsedArgs& args, const std::string& flag) {
  return args.Get(flag).value_or("");
}

int RunTriage(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<int> severity = EnumFlag(args, "severity", *pb::Severity_descriptor());
  if (!severity.ok()) {
    return UsageError(severity.status(), context);
  }
  absl::StatusOr<int> kind = EnumFlag(args, "kind", *pb::Kind_descriptor());
  if (!kind.ok()) {
    return UsageError(kind.status(), context);
  }
  pb::TriageIncidentRequest request;
  request.set_name(Name(args));
  request.set_severity(static_cast<pb::Severity>(*severity));
  request.set_owner(Text(args, "owner"));
  request.set_kind(static_cast<pb::Kind>(*kind));
  request.set_comment(Text(args, "comment"));
  request.set_etag(Text(args, "etag"));
  return Call(&pb::IncidentService::Stub::TriageIncident, request, context);
}

int RunStartMitigation(const ParsedArgs& args, const CommandContext& context) {
  pb::StartMitigationRequest request;
  request.set_name(Name(args));
  request.set_comment(Text(args, "comment"));
  request.set_etag(Text(args, "etag"));
  return Call(&pb::IncidentService::Stub::StartMitigation, request, context);
}

int RunResolve(const ParsedArgs& args, const CommandContext& context) {
  pb::ResolveIncidentRequest request;
  request.set_name(Name(args));
  request.set_resolution_summary(Text(args, "summary"));
  request.set_etag(Text(args, "etag"));
  return Call(&pb::IncidentService::Stub::ResolveIncident, request, context);
}

int RunClose(const ParsedArgs& args, const CommandContext& context) {
  pb::CloseIncidentRequest request;
  request.set_name(Name(args));
  request.set_post_incident_review(Text(args, "review"));
  request.set_bcp_invoked(args.GetBool("bcp-invoked"));
  request.set_etag(Text(args, "etag"));
  return Call(&pb::IncidentService::Stub::CloseIncident, request, context);
}

int RunReopen(const ParsedArgs& args, const CommandContext& context) {
  pb::ReopenIncidentRequest request;
  request.set_name(Name(args));
  request.set_reason(Text(args, "reason"));
  request.set_etag(Text(args, "etag"));
  return Call(&pb::IncidentService::Stub::ReopenIncident, request, context);
}

int RunReject(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<int> reason = EnumFlag(args, "reason", *pb::RejectReason_descriptor());
  if (!reason.ok()) {
    return UsageError(reason.status(), context);
  }
  pb::RejectIncidentRequest request;
  request.set_name(Name(args));
  request.set_reason(static_cast<pb::RejectReason>(*reason));
  request.set_comment(Text(args, "comment"));
  request.set_etag(Text(args, "etag"));
  return Call(&pb::IncidentService::Stub::RejectIncident, request, context);
}

int RunMerge(const ParsedArgs& args, const CommandContext& context) {
  pb::MergeIncidentRequest request;
  request.set_name(Name(args));
  request.set_into(IncidentName(Text(args, "into")));
  request.set_comment(Text(args, "comment"));
  request.set_etag(Text(args, "etag"));
  return Call(&pb::IncidentService::Stub::MergeIncident, request, context);
}

// The allowed values of an enum flag, for its help.
std::string OneOf(const google::protobuf::EnumDescriptor& type) {
  return absl::StrCat(" One of: ", absl::StrJoin(AllowedEnumNames(type), ", "), ".");
}

FlagSpec EtagFlag() {
  return ValueFlag("etag", "ETAG",
                   "Apply only if the incident is unchanged since this etag was read (else "
                   "ABORTED).");
}

FlagSpec CommentFlag() {
  return ValueFlag("comment", "TEXT", "Why, for the timeline; up to 2,000 characters.");
}

Command Lifecycle(std::string verb, std::string summary, std::string description,
                  std::vector<FlagSpec> flags,
                  std::function<int(const ParsedArgs&, const CommandContext&)> run) {
  Command command = IncidentCommand(std::move(verb));
  command.args_synopsis = "ID";
  command.summary = std::move(summary);
  command.description =
      absl::StrCat(std::move(description), "\nID is the incident's id or its name (incidents/ID).");
  flags.push_back(EtagFlag());
  command.flags = std::move(flags);
  command.min_args = command.max_args = 1;
  command.run = std::move(run);
  return command;
}

}  // namespace

std::vector<Command> IncidentLifecycleCommands() {
  return {
      Lifecycle("triage", "Decides severity and owner: REPORTED becomes TRIAGED.",
                "Sets the severity and the owner of the response, and the kind when given. A\n"
                "REPORTED incident becomes TRIAGED; a TRIAGED or MITIGATING one is re-triaged and\n"
                "keeps its state.",
                {RequiredFlag("severity", "SEV",
                              "The decided severity." + OneOf(*pb::Severity_descriptor())),
                 RequiredFlag("owner", "NAME", "Who owns the response, 1 to 200 characters."),
                 ValueFlag("kind", "KIND",
                           "The kind, when triage changes it." + OneOf(*pb::Kind_descriptor())),
                 CommentFlag()},
                RunTriage),
      Lifecycle("start-mitigation", "Moves a TRIAGED incident to MITIGATING.",
                "Records that containment and mitigation are under way: TRIAGED becomes\n"
                "MITIGATING.",
                {ValueFlag("comment", "TEXT",
                           "What is being done, for the timeline; up to 2,000 characters.")},
                RunStartMitigation),
      Lifecycle("resolve", "Resolves a TRIAGED or MITIGATING incident.",
                "Records how the harm was stopped and the cause dealt with: TRIAGED or MITIGATING\n"
                "becomes RESOLVED. The post-incident review follows with `incidents close`.",
                {RequiredFlag("summary", "TEXT", "How it was resolved, 1 to 10,000 characters.")},
                RunResolve),
      Lifecycle(
          "close", "Closes a RESOLVED incident after its review.",
          "Records the post-incident review (causes, what worked, what changes) and whether\n"
          "the business continuity plan was invoked: RESOLVED becomes CLOSED.",
          {RequiredFlag("review", "TEXT", "The post-incident review, 1 to 20,000 characters."),
           BoolFlag("bcp-invoked", "The business continuity plan was invoked.")},
          RunClose),
      Lifecycle("reopen", "Reopens a RESOLVED, CLOSED or REJECTED incident.",
                "Reopens an incident: it becomes TRIAGED when it was triaged before, REPORTED\n"
                "otherwise. A MERGED incident cannot be reopened.",
                {RequiredFlag("reason", "TEXT", "Why it is reopened, 1 to 2,000 characters.")},
                RunReopen),
      Lifecycle("reject", "Rejects a REPORTED or TRIAGED incident; the record stays.",
                "Rejects an incident that should not be pursued; it stays as evidence and can be\n"
                "reopened. For a duplicate, prefer `incidents merge`, which keeps the link.",
                {RequiredFlag("reason", "REASON",
                              "Why it is rejected." + OneOf(*pb::RejectReason_descriptor())),
                 CommentFlag()},
                RunReject),
      Lifecycle("merge", "Merges an open incident into another (it becomes MERGED).",
                "Merges the incident ID into the incident --into: ID becomes MERGED and points to\n"
                "the survivor, both keep their timelines, and later signals of ID's fingerprint\n"
                "go to the survivor. Prints the merged incident.",
                {RequiredFlag("into", "ID", "The incident that survives: its id or name."),
                 CommentFlag()},
                RunMerge),
  };
}

}  // namespace airr::cli
