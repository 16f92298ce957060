#include "services/incident/signal_validator.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "libs/api/resource_name.h"
#include "libs/api/timestamps.h"
#include "libs/api/validation.h"
#include "libs/api/violations.h"
#include "services/incident/incident_validator.h"
#include "services/incident/resource_names.h"

namespace airr::incident {
namespace {

namespace v1 = ::airr::incident::v1;
using api::Violations;

constexpr size_t kMaxFingerprintChars = 128;
constexpr size_t kMaxSourceChars = 200;
constexpr size_t kMaxSummaryChars = 200;

void CheckSignal(Violations& v, const std::string& path, const v1::Signal& signal, absl::Time now) {
  const auto field = [&](absl::string_view name) { return absl::StrCat(path, ".", name); };
  v.Merge(api::CheckText(v.Path(field("source")), signal.source(), 1, kMaxSourceChars, false));
  v.Merge(
      api::ParseResourceName(signal.ai_system(), kAiSystemCollection, v.Path(field("ai_system")))
          .status());
  api::RequireEnum(v, field("kind"), signal.kind(), v1::SignalKind_IsValid);
  if (!IsValidFingerprint(signal.fingerprint())) {
    v.Add(field("fingerprint"),
          "must be 1 to 128 characters of A-Z a-z 0-9 . _ : / + = -, starting with a letter or "
          "digit");
  }
  api::CheckOptionalEnum(v, field("severity_hint"), signal.severity_hint(), v1::Severity_IsValid);
  v.Merge(api::CheckLabels(v.Path(field("attributes")), signal.attributes()));
  if (!signal.has_observe_time()) {
    v.Add(field("observe_time"), "is required");
  } else if (api::CheckPastTimestamp(v, field("observe_time"), signal.observe_time(), now,
                                     kMaxClockSkew) &&
             api::TimeFromTimestamp(signal.observe_time()) < now - kMaxSignalAge) {
    v.Add(field("observe_time"), absl::StrCat("must not be more than ",
                                              absl::ToInt64Hours(kMaxSignalAge) / 24, " days old"));
  }
  v.Merge(api::CheckText(v.Path(field("summary")), signal.summary(), 0, kMaxSummaryChars, false));
}

}  // namespace

bool IsValidFingerprint(absl::string_view fingerprint) {
  if (fingerprint.empty() || fingerprint.size() > kMaxFingerprintChars ||
      !absl::ascii_isalnum(fingerprint[0])) {
    return false;
  }
  for (char c : fingerprint) {
    const bool allowed = absl::ascii_isalnum(c) || c == '.' || c == '_' || c == ':' || c == '/' ||
                         c == '+' || c == '=' || c == '-';
    if (!allowed) {
      return false;
    }
  }
  return true;
}

absl::Status ValidateSignalBatch(const v1::SignalBatch& batch, absl::string_view prefix,
                                 absl::Time now) {
  Violations v(prefix, kMaxReportedSignalViolations);
  if (batch.batch_id().empty()) {
    v.Add("batch_id", "is required");
  } else {
    v.Merge(api::CheckUuid(v.Path("batch_id"), batch.batch_id()));
  }
  const size_t size = static_cast<size_t>(batch.signals_size());
  if (size == 0 || size > kMaxSignalsPerBatch) {
    v.Add("signals",
          absl::StrCat("must have 1 to ", kMaxSignalsPerBatch, " signals (got ", size, ")"));
    return std::move(v).ToStatus();
  }
  for (int i = 0; i < batch.signals_size() && !v.full(); ++i) {
    CheckSignal(v, absl::StrCat("signals[", i, "]"), batch.signals(i), now);
  }
  return std::move(v).ToStatus();
}

}  // namespace airr::incident
