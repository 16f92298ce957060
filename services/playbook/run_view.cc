#include "services/playbook/run_view.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "libs/api/timestamps.h"
#include "services/playbook/run_offsets.h"

namespace airr::playbook {
namespace {

std::string LinkedResource(const v1::Run& run, const v1::RunStep& step) {
  if (run.kind() != v1::RUN_KIND_INCIDENT || run.incident().empty()) {
    return "";
  }
  switch (step.step().kind()) {
    case v1::STEP_KIND_NOTIFY_STAKEHOLDERS:
      return absl::StrCat(run.incident(), "/notifications");
    case v1::STEP_KIND_CONTAIN:
      return run.incident();
    default:
      return "";
  }
}

}  // namespace

bool IsStepLate(const v1::Run& run, const v1::RunStep& step, absl::Time now) {
  const absl::Time due = StepDueTime(run, step);
  // An ended run stops the clock: what was open then stays as late as it was.
  if (run.has_end_time()) {
    now = std::min(now, api::TimeFromTimestamp(run.end_time()));
  }
  switch (step.state()) {
    case v1::STEP_STATE_DONE:
      return api::TimeFromTimestamp(step.end_time()) > due;
    case v1::STEP_STATE_PENDING:
    case v1::STEP_STATE_IN_PROGRESS:
      return now > due;
    default:
      return false;
  }
}

void DeriveRunFields(v1::Run& run, absl::Time now) {
  for (v1::RunStep& step : *run.mutable_steps()) {
    *step.mutable_due_time() = api::TimestampFromTime(StepDueTime(run, step));
    step.set_late(IsStepLate(run, step, now));
    step.set_linked_resource(LinkedResource(run, step));
  }
}

}  // namespace airr::playbook
