// The rules a playbook definition and the playbook requests must satisfy, as pure functions of
// the request: texts and counts, step ids and dependencies (no unknown, self or cyclic ones),
// roles, offsets and target times, triggers and the drill interval. Every violation is reported at
// once in one INVALID_ARGUMENT, each naming its full field path and the rule it breaks.
#pragma once

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "airr/playbook/v1/playbook_service.pb.h"

namespace airr::playbook {

// Checks every caller-settable field of `playbook`; output-only fields (name, version, author,
// times, etag) are ignored. Field paths start with `prefix` ("playbook" gives
// "playbook.steps[2].depends_on[0]").
//   whole           at most 256 KiB serialized, else only this is reported, on `prefix`.
//   display_name    1 to 200 characters, single line.   owner  1 to 200, single line.
//   purpose         up to 4,000 characters.             change_note  up to 1,000 characters.
//   triggers        severities, harm_types, kinds: known values, each at most once;
//                   ai_systems: up to 100 `aiSystems/{id}` names, each at most once;
//                   labels: up to 20, keys ^[a-z][a-z0-9_-]{0,62}$, values up to 200 characters;
//                   auto_start needs at least one criterion (reported on triggers.auto_start).
//   targets         each a valid duration of whole seconds, 0 to 90 days; those set do not
//                   decrease from first_action over containment to recovery.
//   steps           1 to 100 (more: only the count is reported); per step: id a resource id
//                   (^[a-z][a-z0-9-]{0,62}$, not ending in '-') unique in the playbook; title 1 to
//                   200 characters; instructions up to 8,000; role set and known; target_offset
//                   whole seconds, 0 to 90 days; depends_on up to 20 ids of other steps, each
//                   once, never the step itself, and no cycle (reported on the dependency that
//                   closes it); kind and milestone known; at most one step per milestone.
//   drill_interval  unset (365 days) or whole seconds, 1 to 1,095 days.
// Returns OK or INVALID_ARGUMENT with every violation (at most 100). Thread-safe.
absl::Status ValidatePlaybook(const v1::Playbook& playbook, absl::string_view prefix);

// Checks a CreatePlaybookRequest: playbook_id a resource id (see ValidatePlaybook's step ids),
// the playbook as ValidatePlaybook with prefix "playbook". Returns OK or INVALID_ARGUMENT.
// Thread-safe.
absl::Status ValidateCreatePlaybook(const v1::CreatePlaybookRequest& request);

// Checks the change note of an UpdatePlaybookRequest ("playbook.change_note", up to 1,000
// characters); the rest is checked on the updated playbook with ValidatePlaybook. Returns OK or
// INVALID_ARGUMENT. Thread-safe.
absl::Status ValidateChangeNote(const v1::Playbook& playbook, absl::string_view prefix);

// Sets what an unset field of a validated definition means, so that readers of a stored version
// see it: drill_interval 365 days. Thread-safe.
void ResolvePlaybookDefaults(v1::Playbook* playbook);

}  // namespace airr::playbook
