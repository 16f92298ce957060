// The playbook RPCs of PlaybookService: playbooks, their versions and the drill cadence. Parse and
// validate the request (playbook_validator.h), then let the playbook store do the work at the
// server's clock.
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "libs/api/etag.h"
#include "libs/api/field_mask.h"
#include "libs/api/page_size.h"
#include "libs/api/query_fingerprint.h"
#include "libs/api/resource_name.h"
#include "libs/api/timestamps.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "services/playbook/playbook_fields.h"
#include "services/playbook/playbook_grpc_service.h"
#include "services/playbook/playbook_validator.h"
#include "services/playbook/resource_names.h"

namespace airr::playbook {
namespace {

constexpr int kDefaultPageSize = 100;
constexpr int kMaxPageSize = 1000;

using auth::Permission;
using grpcutil::Call;

absl::StatusOr<std::string> PlaybookId(const std::string& name, absl::string_view field) {
  return api::ParseResourceName(name, kPlaybookCollection, field);
}

}  // namespace

grpc::Status PlaybookGrpcService::CreatePlaybook(grpc::ServerContext* context,
                                                 const v1::CreatePlaybookRequest* request,
                                                 v1::Playbook* response) {
  return d_.edge.Run(context, PlaybookMethod("CreatePlaybook"), Permission::kManagePlaybooks,
                     [&](const Call& call) -> absl::Status {
                       AIRR_RETURN_IF_ERROR(ValidateCreatePlaybook(*request));
                       v1::Playbook definition = DefinitionOf(request->playbook());
                       definition.set_change_note(request->playbook().change_note());
                       ResolvePlaybookDefaults(&definition);
                       AIRR_ASSIGN_OR_RETURN(*response,
                                             d_.playbooks.Create(call.scope, request->playbook_id(),
                                                                 definition, d_.clock.Now()));
                       return absl::OkStatus();
                     });
}

grpc::Status PlaybookGrpcService::GetPlaybook(grpc::ServerContext* context,
                                              const v1::GetPlaybookRequest* request,
                                              v1::Playbook* response) {
  return d_.edge.Run(context, PlaybookMethod("GetPlaybook"), Permission::kRead,
                     [&](const Call& call) -> absl::Status {
                       AIRR_ASSIGN_OR_RETURN(std::string id, PlaybookId(request->name(), "name"));
                       AIRR_ASSIGN_OR_RETURN(*response, d_.playbooks.Get(call.scope, id));
                       return absl::OkStatus();
                     });
}

grpc::Status PlaybookGrpcService::ListPlaybooks(grpc::ServerContext* context,
                                                const v1::ListPlaybooksRequest* request,
                                                v1::ListPlaybooksResponse* response) {
  return d_.edge.Run(
      context, PlaybookMethod("ListPlaybooks"), Permission::kRead,
      [&](const Call& call) -> absl::Status {
        PlaybookPageQuery query;
        AIRR_ASSIGN_OR_RETURN(
            query.page_size,
            api::ResolvePageSize(request->page_size(), kDefaultPageSize, kMaxPageSize));
        query.show_archived = request->show_archived();
        // A token is valid only for the tenant and query it was issued for.
        const std::string fingerprint = api::QueryFingerprint(
            {call.scope.tenant_id, "ListPlaybooks", query.show_archived ? "all" : "active"});
        if (!request->page_token().empty()) {
          AIRR_ASSIGN_OR_RETURN(api::PageCursor after,
                                d_.page_tokens.Decode(request->page_token(), fingerprint));
          query.after_id = after.tie_value;
        }
        AIRR_ASSIGN_OR_RETURN(PlaybookPage page, d_.playbooks.List(call.scope, query));
        for (auto& playbook : page.playbooks) {
          *response->add_playbooks() = std::move(playbook);
        }
        if (page.next_after_id) {
          response->set_next_page_token(d_.page_tokens.Encode(
              api::PageCursor{*page.next_after_id, *page.next_after_id}, fingerprint));
        }
        return absl::OkStatus();
      });
}

grpc::Status PlaybookGrpcService::UpdatePlaybook(grpc::ServerContext* context,
                                                 const v1::UpdatePlaybookRequest* request,
                                                 v1::Playbook* response) {
  return d_.edge.Run(
      context, PlaybookMethod("UpdatePlaybook"), Permission::kManagePlaybooks,
      [&](const Call& call) -> absl::Status {
        const v1::Playbook& patch = request->playbook();
        AIRR_ASSIGN_OR_RETURN(std::string id, PlaybookId(patch.name(), "playbook.name"));
        AIRR_ASSIGN_OR_RETURN(auto expected, api::ParseOptionalEtag(patch.etag(), "playbook.etag"));
        AIRR_RETURN_IF_ERROR(ValidateChangeNote(patch, "playbook"));
        AIRR_ASSIGN_OR_RETURN(
            std::vector<std::string> paths,
            api::ResolveUpdateMask(request->update_mask(), PlaybookDefinitionFields(), patch));
        AIRR_ASSIGN_OR_RETURN(
            *response,
            d_.playbooks.Update(call.scope, id, expected, patch.change_note(), d_.clock.Now(),
                                [&](v1::Playbook& playbook) -> absl::Status {
                                  api::ApplyFieldMask(patch, paths, &playbook);
                                  playbook.set_change_note(patch.change_note());
                                  // The whole result is checked: a new step list must fit the
                                  // unchanged targets, and so on.
                                  AIRR_RETURN_IF_ERROR(ValidatePlaybook(playbook, "playbook"));
                                  ResolvePlaybookDefaults(&playbook);
                                  return absl::OkStatus();
                                }));
        return absl::OkStatus();
      });
}

grpc::Status PlaybookGrpcService::ArchivePlaybook(grpc::ServerContext* context,
                                                  const v1::ArchivePlaybookRequest* request,
                                                  v1::Playbook* response) {
  return d_.edge.Run(
      context, PlaybookMethod("ArchivePlaybook"), Permission::kManagePlaybooks,
      [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(std::string id, PlaybookId(request->name(), "name"));
        AIRR_ASSIGN_OR_RETURN(auto expected, api::ParseOptionalEtag(request->etag(), "etag"));
        AIRR_ASSIGN_OR_RETURN(*response,
                              d_.playbooks.Archive(call.scope, id, expected, d_.clock.Now()));
        return absl::OkStatus();
      });
}

grpc::Status PlaybookGrpcService::ListPlaybookVersions(
    grpc::ServerContext* context, const v1::ListPlaybookVersionsRequest* request,
    v1::ListPlaybookVersionsResponse* response) {
  return d_.edge.Run(
      context, PlaybookMethod("ListPlaybookVersions"), Permission::kRead,
      [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(std::string id, PlaybookId(request->name(), "name"));
        VersionPageQuery query;
        AIRR_ASSIGN_OR_RETURN(
            query.page_size,
            api::ResolvePageSize(request->page_size(), kDefaultPageSize, kMaxPageSize));
        const std::string fingerprint =
            api::QueryFingerprint({call.scope.tenant_id, "ListPlaybookVersions", id});
        AIRR_ASSIGN_OR_RETURN(
            int64_t before,
            api::DecodeNumberToken(d_.page_tokens, request->page_token(), fingerprint));
        if (before < 0 || before > std::numeric_limits<int32_t>::max()) {
          return InvalidField("page_token", "is not a token of this list");
        }
        query.before_version = static_cast<int32_t>(before);
        AIRR_ASSIGN_OR_RETURN(VersionPage page, d_.playbooks.ListVersions(call.scope, id, query));
        for (auto& version : page.versions) {
          *response->add_versions() = std::move(version);
        }
        if (page.next_before_version) {
          response->set_next_page_token(
              api::EncodeNumberToken(d_.page_tokens, *page.next_before_version, fingerprint));
        }
        return absl::OkStatus();
      });
}

grpc::Status PlaybookGrpcService::ListDrillsDue(grpc::ServerContext* context,
                                                const v1::ListDrillsDueRequest* request,
                                                v1::ListDrillsDueResponse* response) {
  return d_.edge.Run(
      context, PlaybookMethod("ListDrillsDue"), Permission::kRead,
      [&](const Call& call) -> absl::Status {
        DrillsDueQuery query;
        AIRR_ASSIGN_OR_RETURN(
            query.page_size,
            api::ResolvePageSize(request->page_size(), kDefaultPageSize, kMaxPageSize));
        query.now = d_.clock.Now();
        const std::string fingerprint =
            api::QueryFingerprint({call.scope.tenant_id, "ListDrillsDue"});
        if (!request->page_token().empty()) {
          AIRR_ASSIGN_OR_RETURN(query.after,
                                d_.page_tokens.Decode(request->page_token(), fingerprint));
        }
        AIRR_ASSIGN_OR_RETURN(DrillsDuePage page, d_.playbooks.ListDrillsDue(call.scope, query));
        for (auto& due : page.drills) {
          *response->add_drills() = std::move(due);
        }
        if (page.next) {
          response->set_next_page_token(d_.page_tokens.Encode(*page.next, fingerprint));
        }
        *response->mutable_as_of() = api::TimestampFromTime(query.now);
        return absl::OkStatus();
      });
}

}  // namespace airr::playbook
