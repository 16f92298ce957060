#include "services/report/policy_principle_validator.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "libs/api/validation.h"
#include "libs/api/violations.h"
#include "services/report/principle_names.h"

namespace airr::report {
namespace {

constexpr size_t kMaxCodeChars = 20;
constexpr size_t kMaxTitleChars = 200;
constexpr size_t kMaxDescriptionChars = 4000;
constexpr int kMaxMappedPrinciples = 20;

void CheckPolicyPrinciple(api::Violations& v, const v1::PolicyPrinciple& p) {
  v.Merge(api::CheckText(v.Path("code"), p.code(), 1, kMaxCodeChars, false));
  v.Merge(api::CheckText(v.Path("title"), p.title(), 1, kMaxTitleChars, false));
  v.Merge(api::CheckText(v.Path("description"), p.description(), 0, kMaxDescriptionChars, true));
  const int n = p.mapped_principles_size();
  if (n < 1 || n > kMaxMappedPrinciples) {
    v.Add("mapped_principles",
          absl::StrCat("must have 1 to ", kMaxMappedPrinciples, " entries; got ", n));
    return;
  }
  std::set<std::string> seen;
  for (int i = 0; i < n; ++i) {
    const std::string field = absl::StrCat("mapped_principles[", i, "]");
    absl::StatusOr<std::string> id = ParsePrincipleName(p.mapped_principles(i), v.Path(field));
    if (!id.ok()) {
      v.Merge(id.status());
    } else if (!seen.insert(*id).second) {
      v.Add(field, "must not repeat a principle");
    }
  }
}

}  // namespace

const std::vector<std::string>& PolicyPrincipleUpdatableFields() {
  static const auto* fields =
      new std::vector<std::string>{"code", "title", "description", "mapped_principles"};
  return *fields;
}

absl::Status ValidatePolicyPrinciple(const v1::PolicyPrinciple& principle,
                                     absl::string_view prefix) {
  api::Violations v(prefix);
  CheckPolicyPrinciple(v, principle);
  return std::move(v).ToStatus();
}

absl::Status ValidateCreatePolicyPrincipleRequest(const v1::CreatePolicyPrincipleRequest& request) {
  api::Violations v("");
  if (request.policy_principle_id().empty()) {
    v.Add("policy_principle_id", "is required");
  } else if (!IsReferenceId(request.policy_principle_id())) {
    v.Add("policy_principle_id",
          "must be 1 to 63 lower-case letters, digits and hyphens, starting with a letter or "
          "digit");
  }
  api::Violations p("policy_principle");
  CheckPolicyPrinciple(p, request.policy_principle());
  v.Merge(std::move(p).ToStatus());
  return std::move(v).ToStatus();
}

}  // namespace airr::report
