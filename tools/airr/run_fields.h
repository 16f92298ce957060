// What the drill and run commands need from the command line: the start time of a run (--start-time
// or --started-ago), the drill set-up, the evaluation given to `run finish` (--objective,
// --strength, --improvement, --action) and the step requests, built from the flags so they can be
// tested without a server.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "airr/playbook/v1/playbook_service.pb.h"
#include "google/protobuf/timestamp.pb.h"
#include "tools/airr/args.h"

namespace airr::cli {

// --start-time and --started-ago, read by RunStartTime.
std::vector<FlagSpec> RunStartTimeFlags();

// The start time of --start-time (RFC 3339 or relative to `now`, "-2h") or --started-ago (a
// duration before `now`, "2h"); nullopt when neither is given. INVALID_ARGUMENT naming the flag
// for a bad value, or when both are given.
absl::StatusOr<std::optional<google::protobuf::Timestamp>> RunStartTime(const ParsedArgs& args,
                                                                        absl::Time now);

// The time of --at (RFC 3339 or relative to `now`, "-30m"); nullopt when not given.
// INVALID_ARGUMENT naming --at for a bad value.
absl::StatusOr<std::optional<google::protobuf::Timestamp>> AtTime(const ParsedArgs& args,
                                                                  absl::Time now);

// `drill start PLAYBOOK`: --type, the scenario (--scenario, or --scenario-file read from disk or
// standard input), --objective and --participant (repeated), the start time and the request id.
// INVALID_ARGUMENT for a bad type, time or request id, or a scenario given both ways or not at
// all; NOT_FOUND when the scenario file cannot be read.
absl::StatusOr<playbook::v1::StartDrillRequest> BuildStartDrillRequest(
    const ParsedArgs& args, const std::string& playbook_arg, absl::Time now);

// `run start PLAYBOOK`: --incident (an id or incidents/ID), the start time and the request id.
// INVALID_ARGUMENT for a bad time or request id.
absl::StatusOr<playbook::v1::StartRunRequest> BuildStartRunRequest(const ParsedArgs& args,
                                                                   const std::string& playbook_arg,
                                                                   absl::Time now);

// One --objective value, "ID=RATING[:NOTE]" with RATING met, partly (partly-met) or not-met.
// INVALID_ARGUMENT naming --objective otherwise.
absl::StatusOr<playbook::v1::ObjectiveResult> ParseObjectiveFlag(const std::string& text);

// One --action value, "DESCRIPTION;OWNER;DUE[;FINDING-ID]" with DUE RFC 3339 or relative to
// `now` ("+7d"). INVALID_ARGUMENT naming --action otherwise.
absl::StatusOr<playbook::v1::CorrectiveAction> ParseActionFlag(const std::string& text,
                                                               absl::Time now);

// `run finish RUN`: --summary, --at (the end time), --etag and, when any of --objective,
// --strength, --improvement or --action is given, the evaluation: the objective results, the
// findings (strengths first, then improvements, with ids f-1, f-2, ... in that order, which
// --action may refer to) and the corrective actions. INVALID_ARGUMENT for a bad value.
absl::StatusOr<playbook::v1::CompleteRunRequest> BuildCompleteRunRequest(const ParsedArgs& args,
                                                                         const std::string& run,
                                                                         absl::Time now);

}  // namespace airr::cli
